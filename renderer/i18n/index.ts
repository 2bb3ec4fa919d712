import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, pickLanguage, type Language } from '../../electron/ipc/contract';
import en from './en.json';
import es from './es.json';

export { LANGUAGES, pickLanguage, type Language };
// Components take the hook from here, so importing it also sets the instance up.
export { Trans, useTranslation } from 'react-i18next';

/** The catalogs by language, for the key-parity test and for main's own instance. */
export const catalogs: Record<Language, typeof en> = { en, es };

/** True when `value` names one of the app's languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The one i18next instance of the renderer; plurals and number formats come from Intl through it. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: pickLanguage(null, typeof navigator === 'undefined' ? 'en' : navigator.language),
  fallbackLng: 'en',
  // The catalogs are bundled, so the first render already has every sentence.
  initAsync: false,
  // React escapes text itself; escaping here too would show "&amp;" in a post preview.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches every screen, date and number to `language` (sets `<html lang>` too). */
export function applyLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** The current language, for Intl formatters. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
