/**
 * Main's own words (dialogs shown before or without the renderer) from the same catalogs the
 * renderer uses, in the OS's language: a refused database cannot tell us a stored choice.
 */
import i18next, { type TFunction } from 'i18next';
import en from '../../renderer/i18n/en.json';
import es from '../../renderer/i18n/es.json';
import { sentenceOf } from '../db/sentences';
import { type Language, pickLanguage } from '../ipc/contract';

const translators = new Map<Language, TFunction>();

/** The translate function for `locale` (Electron's `app.getLocale()`); English for any other language. */
export function translatorFor(locale = 'en'): { t: TFunction; language: Language } {
  const language = pickLanguage(null, locale);
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      resources: { en: { translation: en }, es: { translation: es } },
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    t = instance.t;
    translators.set(language, t);
  }
  return { t, language };
}

/** An English sentence from the data layer in `t`'s language when the catalogs have it, else as it is. */
export function translated(t: TFunction, english: string): string {
  const sentence = sentenceOf(english);
  return sentence ? t(sentence.key, sentence.params ?? {}) : english;
}
