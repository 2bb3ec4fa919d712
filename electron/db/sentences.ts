/**
 * The app's sentences for people, from the same catalogs the renderer shows
 * (renderer/i18n/*.json). The data layer and IPC speak English, for logs and tests; each
 * sentence made here remembers its key and values, so the IPC error can carry them and the
 * renderer can say the same thing in the user's language.
 */
import i18next from 'i18next';
import en from '../../renderer/i18n/en.json';

/** A catalog key and the values its sentence was filled with. */
export interface SentenceRef {
  key: string;
  params?: Record<string, string | number>;
}

const english = i18next.createInstance();
void english.init({
  lng: 'en',
  resources: { en: { translation: en } },
  // Bundled JSON: ready at once, so a module can build its sentences when it loads.
  initAsync: false,
  interpolation: { escapeValue: false },
});

// Sentence → where it came from. Most sentences are fixed, but some hold a length or a name,
// so the oldest entries make room past this size (a sentence is looked up just after it is made).
const REMEMBERED_MAX = 2000;
const made = new Map<string, SentenceRef>();

/** The English sentence for `key`, remembered so `sentenceOf` can name its key later. */
export function say(key: string, params?: Record<string, string | number>): string {
  // A sentence missing from the catalog would reach the screen as its key: fail where it is made.
  if (!english.exists(key, params ?? {})) throw new Error(`The English catalog has no sentence "${key}".`);
  const text = english.t(key, params ?? {});
  made.delete(text);
  made.set(text, params === undefined ? { key } : { key, params });
  if (made.size > REMEMBERED_MAX) made.delete(made.keys().next().value ?? '');
  return text;
}

/** The key and values of a sentence `say` made, or undefined for any other text. */
export function sentenceOf(text: string): SentenceRef | undefined {
  return made.get(text);
}

/** The English catalog's nouns: "A username", "A post", … */
export const NOUNS = en.errors.nouns;
