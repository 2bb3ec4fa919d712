import { useId } from 'react';
import { LANGUAGES, THEMES, type Language, type Theme } from '../../../electron/ipc/contract';
import { errorMessage } from '../../api/client';
import { useSaveSettings, useSettings } from '../../api/settings';
import { Loading } from '../../components/States';
import { pickLanguage, useTranslation } from '../../i18n/index';

const THEME_KEYS = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
};

/** The app's preferences: its language (or the system's) and its theme; each change is saved at once. */
export function GeneralPanel() {
  const { t } = useTranslation();
  const settings = useSettings();
  const save = useSaveSettings();
  const headingId = useId();
  const languageId = useId();
  const current = settings.data;

  return (
    <section className="card settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.general')}</h2>
      {!current && <Loading />}
      {current && (
        <form className="stack settings" onSubmit={(event) => event.preventDefault()}>
          <div className="field">
            <label htmlFor={languageId}>{t('settings.language')}</label>
            <select
              id={languageId}
              value={current.language ?? ''}
              onChange={(event) => {
                const value = event.target.value;
                save.mutate({ language: value === '' ? null : (value as Language) });
              }}
            >
              <option value="">
                {t('settings.languageSystem', {
                  name: t(`languages.${pickLanguage(null, current.systemLocale)}`),
                })}
              </option>
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`languages.${language}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>{t('settings.theme')}</legend>
            {THEMES.map((theme: Theme) => (
              <label key={theme} className="choice">
                <input
                  type="radio"
                  name="theme"
                  value={theme}
                  checked={current.theme === theme}
                  onChange={() => save.mutate({ theme })}
                />
                {t(THEME_KEYS[theme])}
              </label>
            ))}
          </fieldset>
          {save.isError && (
            <p className="form-error" role="alert">
              {t('settings.saveFailed', { reason: errorMessage(save.error) })}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
