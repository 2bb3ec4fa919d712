import { useEffect } from 'react';
import type { Theme } from '../../electron/ipc/contract';
import { useSettings } from '../api/settings';
import { applyLanguage, pickLanguage } from '../i18n/index';

/** Shows the theme: `system` leaves it to the OS (prefers-color-scheme), the others pin it. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/**
 * Loads the stored language and theme and applies them to the whole window. Until they
 * arrive (or if they cannot be read) the window follows the OS, which is also the default.
 */
export function usePreferences() {
  const settings = useSettings();
  const { data } = settings;
  useEffect(() => {
    if (!data) return;
    applyLanguage(pickLanguage(data.language, data.systemLocale));
    applyTheme(data.theme);
  }, [data]);
  return settings;
}
