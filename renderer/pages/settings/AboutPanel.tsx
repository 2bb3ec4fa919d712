import { useId } from 'react';
import { errorMessage } from '../../api/client';
import { useAppInfo, useCopy, useShowInFolder } from '../../api/data';
import { ErrorState, Loading } from '../../components/States';
import { useTranslation } from '../../i18n/index';

/** Version, schema version, where the data lives, and the versions a bug report needs. */
export function AboutPanel() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const copy = useCopy();
  const show = useShowInFolder();
  const headingId = useId();
  const failure = copy.error ?? show.error;
  return (
    <section className="card settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('about.title')}</h2>
      {info.isPending && <Loading />}
      {info.isError && <ErrorState error={info.error} onRetry={() => info.refetch()} />}
      {info.data && (
        <>
          <dl className="facts">
            <dt>{t('about.version')}</dt>
            <dd>{info.data.version}</dd>
            <dt>{t('about.dataFormat')}</dt>
            <dd>{info.data.schemaVersion}</dd>
            <dt>{t('about.dataFile')}</dt>
            <dd className="path">{info.data.databasePath}</dd>
            <dt>{t('about.electron')}</dt>
            <dd>{info.data.versions.electron ?? t('about.notElectron')}</dd>
            <dt>{t('about.chromium')}</dt>
            <dd>{info.data.versions.chrome ?? '–'}</dd>
            <dt>{t('about.node')}</dt>
            <dd>{info.data.versions.node}</dd>
            <dt>{t('about.sqlite')}</dt>
            <dd>{info.data.versions.sqlite}</dd>
          </dl>
          <div className="actions start">
            <button type="button" className="secondary" onClick={() => copy.mutate('path')}>
              {t('about.copyPath')}
            </button>
            <button type="button" className="secondary" onClick={() => show.mutate('database')}>
              {t('backups.showInFolder')}
            </button>
            <button type="button" onClick={() => copy.mutate('details')}>
              {t('about.copyDetails')}
            </button>
          </div>
          <div role="status" aria-live="polite">
            {copy.isSuccess && (
              <p className="done-note">
                {copy.variables === 'path' ? t('about.pathCopied') : t('about.detailsCopied')}
              </p>
            )}
          </div>
          {failure && (
            <p className="form-error" role="alert">
              {errorMessage(failure)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
