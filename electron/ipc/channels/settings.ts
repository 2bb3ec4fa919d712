import { z } from 'zod';
import { say } from '../../db/sentences';
import { channel } from './schema-kit';

/** The languages the app's catalogs cover. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language to show: the stored choice when there is one, else the system's locale
 * ("es-MX" → Spanish), else English.
 */
export function pickLanguage(choice: Language | null | undefined, systemLocale: string): Language {
  if (choice) return choice;
  const base = systemLocale.toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** How the app looks: as the OS says, or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The app-wide preferences (not a profile's), and the OS locale that `language: null` follows. */
export interface AppSettings {
  /** The chosen language, or null to follow the system. */
  language: Language | null;
  theme: Theme;
  /** Electron's `app.getLocale()`, e.g. `es-ES`. */
  systemLocale: string;
}

/** The settings channels: read them, or change one or both. */
export const settingsChannels = {
  'settings:get': channel<AppSettings>()(z.object({}).strict()),
  'settings:set': channel<AppSettings>()(
    z
      .object({
        language: z.enum(LANGUAGES, say('errors.languageInvalid')).nullable(),
        theme: z.enum(THEMES, say('errors.themeInvalid')),
      })
      .partial()
      .strict(),
  ),
} as const;
