import { describe, expect, it } from 'vitest';
import { LANGUAGES, catalogs, i18n, pickLanguage } from '../../renderer/i18n/index';
import { formatRelative } from '../../renderer/i18n/format';

type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf key as `a.b.c`, with plural forms folded into their base key. */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') keys.add(path.replace(PLURAL, ''));
    else for (const inner of keysOf(value, `${path}.`)) keys.add(inner);
  }
  return keys;
}

/** Every leaf with its text. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : leaves(value, `${prefix + key}.`),
  );
}

describe('the message catalogs', () => {
  it('have the same keys in English and Spanish', () => {
    const en = keysOf(catalogs.en as Tree);
    const es = keysOf(catalogs.es as Tree);
    expect(
      [...en].filter((key) => !es.has(key)),
      'missing in es.json',
    ).toEqual([]);
    expect(
      [...es].filter((key) => !en.has(key)),
      'missing in en.json',
    ).toEqual([]);
  });

  it('give each plural every form its language needs (Spanish has "many" for a million)', () => {
    for (const language of LANGUAGES) {
      const all = leaves(catalogs[language] as Tree).map(([key]) => key);
      const plurals = new Set(all.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of plurals) {
        for (const form of forms) expect(all, `${language}: ${base}_${form}`).toContain(`${base}_${form}`);
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
    const es = new Map(leaves(catalogs.es as Tree).map(([key, text]) => [key.replace(PLURAL, ''), text]));
    for (const [key, text] of leaves(catalogs.en as Tree)) {
      const spanish = es.get(key.replace(PLURAL, ''));
      expect(placeholders(spanish ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('the language', () => {
  it('follows the system locale unless one is chosen, and falls back to English', () => {
    expect(pickLanguage(null, 'es-MX')).toBe('es');
    expect(pickLanguage(null, 'es')).toBe('es');
    expect(pickLanguage(null, 'de-DE')).toBe('en');
    expect(pickLanguage('en', 'es-ES')).toBe('en');
    expect(pickLanguage('es', 'en-US')).toBe('es');
  });

  it('words plurals, numbers and relative times in the same language', async () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    try {
      await i18n.changeLanguage('es');
      expect(i18n.t('profile.postCount', { count: 1 })).toBe('1 publicación');
      expect(i18n.t('profile.postCount', { count: 12345 })).toBe('12.345 publicaciones');
      expect(i18n.t('profile.postCount', { count: 1_000_000 })).toBe('1.000.000 publicaciones');
      expect(formatRelative(new Date(now - 3 * 60_000), now)).toBe('hace 3 minutos');
      await i18n.changeLanguage('en');
      expect(i18n.t('profile.postCount', { count: 1 })).toBe('1 post');
      expect(i18n.t('profile.postCount', { count: 12345 })).toBe('12,345 posts');
      expect(formatRelative(new Date(now - 3 * 60_000), now)).toBe('3 minutes ago');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
