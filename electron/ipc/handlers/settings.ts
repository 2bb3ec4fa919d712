import type { Repositories } from '../../db/index';
import { type AppSettings, LANGUAGES, type Language, THEMES, type Theme } from '../channels/settings';
import type { DomainHandlers, HandlerContext } from '../handler-types';

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** The stored settings; a value another version wrote that this one does not know reads as unset. */
function read(settings: Repositories['settings'], systemLocale: string): AppSettings {
  return {
    language: oneOf<Language>(LANGUAGES, settings.get('language')) ?? null,
    theme: oneOf<Theme>(THEMES, settings.get('theme')) ?? 'system',
    systemLocale,
  };
}

/**
 * `settings:*`: app-wide preferences kept in the settings table. They belong to the computer's
 * user, not to a profile, so any unlocked or locked session may read and change them.
 */
export function createSettingsHandlers(ctx: HandlerContext) {
  const systemLocale = ctx.systemLocale ?? 'en-US';
  return {
    'settings:get': () => read(ctx.repos.settings, systemLocale),
    'settings:set': (input) => {
      const { settings } = ctx.repos;
      // null language means "follow the system": the row goes, so the OS locale rules again.
      ctx.db.transaction(() => {
        if (input.language !== undefined) settings.set('language', input.language ?? undefined);
        if (input.theme !== undefined) settings.set('theme', input.theme);
      })();
      return read(settings, systemLocale);
    },
  } satisfies DomainHandlers<'settings'>;
}
