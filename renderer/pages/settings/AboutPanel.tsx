import { useId } from 'react';
import { errorMessage } from '../../api/client';
import { useAppInfo, useCopy, useShowInFolder } from '../../api/data';
import { ErrorState, Loading } from '../../components/States';

/** Version, schema version, where the data lives, and the versions a bug report needs. */
export function AboutPanel() {
  const info = useAppInfo();
  const copy = useCopy();
  const show = useShowInFolder();
  const headingId = useId();
  const failure = copy.error ?? show.error;
  return (
    <section className="card settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>About Microblog</h2>
      {info.isPending && <Loading label="Loading…" />}
      {info.isError && <ErrorState error={info.error} onRetry={() => info.refetch()} />}
      {info.data && (
        <>
          <dl className="facts">
            <dt>Version</dt>
            <dd>{info.data.version}</dd>
            <dt>Data format</dt>
            <dd>{info.data.schemaVersion}</dd>
            <dt>Data file</dt>
            <dd className="path">{info.data.databasePath}</dd>
            <dt>Electron</dt>
            <dd>{info.data.versions.electron ?? 'not running in Electron'}</dd>
            <dt>Chromium</dt>
            <dd>{info.data.versions.chrome ?? '–'}</dd>
            <dt>Node</dt>
            <dd>{info.data.versions.node}</dd>
            <dt>SQLite</dt>
            <dd>{info.data.versions.sqlite}</dd>
          </dl>
          <div className="actions start">
            <button type="button" className="secondary" onClick={() => copy.mutate('path')}>
              Copy path
            </button>
            <button type="button" className="secondary" onClick={() => show.mutate('database')}>
              Show in folder
            </button>
            <button type="button" onClick={() => copy.mutate('details')}>
              Copy details
            </button>
          </div>
          <div role="status" aria-live="polite">
            {copy.isSuccess && (
              <p className="done-note">
                {copy.variables === 'path' ? 'Path copied.' : 'Details copied for a bug report.'}
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
