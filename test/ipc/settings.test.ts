import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/index';
import type { AppSettings } from '../../electron/ipc/contract';
import { createAppContext } from '../../electron/main/app-context';
import { startApp } from './context';

describe('settings:get and settings:set', () => {
  it('start from the system: no language chosen, the system theme, the OS locale reported', async () => {
    const dbPath = path.join(tempDir(), 'microblog.db');
    const ctx = await createAppContext({ dbPath, locale: 'es-MX' });
    try {
      const result = await ctx.dispatch('settings:get', {});
      expect(result).toEqual({ ok: true, value: { language: null, theme: 'system', systemLocale: 'es-MX' } });
    } finally {
      ctx.close();
    }
  });

  it('store a language and a theme in the settings table, and null follows the system again', async () => {
    const app = await startApp();
    const chosen = await app.ok<AppSettings>('settings:set', { language: 'es', theme: 'dark' });
    expect(chosen).toMatchObject({ language: 'es', theme: 'dark' });
    expect(await app.ok('settings:get', {})).toEqual(chosen);
    const rows = app.ctx.db.prepare(`SELECT key, value FROM settings ORDER BY key`).all();
    expect(rows).toEqual([
      { key: 'language', value: 'es' },
      { key: 'theme', value: 'dark' },
    ]);
    // Changing only the theme leaves the language as it was.
    expect(await app.ok('settings:set', { theme: 'light' })).toMatchObject({
      language: 'es',
      theme: 'light',
    });
    expect(await app.ok('settings:set', { language: null })).toMatchObject({
      language: null,
      theme: 'light',
    });
    expect(app.ctx.db.prepare(`SELECT count(*) FROM settings WHERE key = 'language'`).pluck().get()).toBe(0);
  });

  it('refuse an unknown language or theme with a sentence, changing nothing', async () => {
    const app = await startApp();
    await app.ok('settings:set', { language: 'en', theme: 'light' });
    expect(await app.fails('settings:set', { language: 'de' })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'language',
      message: 'The language is "en" or "es", or null to follow the system.',
    });
    expect(await app.fails('settings:set', { theme: 'Dark' })).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The theme is "system", "light" or "dark".',
    });
    expect(await app.fails('settings:set', { theme: 'dark', extra: 1 })).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await app.ok('settings:get', {})).toMatchObject({ language: 'en', theme: 'light' });
  });

  it('read a value this version does not know as unset rather than failing', async () => {
    const app = await startApp();
    app.ctx.db
      .prepare(`INSERT INTO settings (key, value) VALUES ('language', 'fr'), ('theme', 'sepia')`)
      .run();
    expect(await app.ok('settings:get', {})).toMatchObject({ language: null, theme: 'system' });
  });
});
