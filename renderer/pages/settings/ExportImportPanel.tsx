import { useId, useState } from 'react';
import type { DataOverview } from '../../../electron/ipc/contract';
import type { User } from '../../../electron/ipc/contract';
import { errorMessage } from '../../api/client';
import { sentenceText, useCancelJob, useJob, useStartExport, useStartImport } from '../../api/data';
import { useTranslation } from '../../i18n/index';

/** Export (everything or your profile, as an archive or a CSV) and import, with progress and Cancel. */
export function ExportImportPanel({ user, overview }: { user: User; overview: DataOverview | undefined }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'all' | 'mine'>('all');
  const [format, setFormat] = useState<'json' | 'csv'>('json');
  const [hashes, setHashes] = useState(false);
  const job = useJob(overview);
  const startExport = useStartExport();
  const startImport = useStartImport();
  const cancel = useCancelJob();
  const ids = { scope: useId(), format: useId(), hashes: useId(), progress: useId() };
  const failure = startExport.error ?? startImport.error ?? cancel.error;
  const busy = job.running !== null || startExport.isPending || startImport.isPending;

  const onExport = () =>
    startExport.mutate(
      {
        username: scope === 'mine' ? user.username : null,
        format,
        passwordHashes: format === 'json' && hashes,
      },
      { onSuccess: (start) => start.started && job.started(start.jobId, 'export') },
    );
  const onImport = () =>
    startImport.mutate(undefined, {
      onSuccess: (start) => start.started && job.started(start.jobId, 'import'),
    });

  return (
    <section className="card settings-card" aria-labelledby={ids.scope}>
      <h2 id={ids.scope}>{t('exportImport.title')}</h2>
      <p className="hint">{t('exportImport.intro')}</p>
      <fieldset className="choices">
        <legend>{t('exportImport.what')}</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
          {t('exportImport.everyProfile')}
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'mine'} onChange={() => setScope('mine')} />{' '}
          {t('exportImport.onlyMine', { username: user.username })}
        </label>
      </fieldset>
      <fieldset className="choices">
        <legend>{t('exportImport.as')}</legend>
        <label>
          <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} />{' '}
          {t('exportImport.archive')}
        </label>
        <label>
          <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} />{' '}
          {t('exportImport.csv')}
        </label>
      </fieldset>
      {format === 'json' && (
        <label className="check" htmlFor={ids.hashes}>
          <input
            id={ids.hashes}
            type="checkbox"
            checked={hashes}
            onChange={(event) => setHashes(event.target.checked)}
          />
          {t('exportImport.hashes')}
        </label>
      )}
      <div className="actions start">
        <button type="button" onClick={onExport} disabled={busy}>
          {t('exportImport.export')}
        </button>
        <button type="button" className="secondary" onClick={onImport} disabled={busy}>
          {t('exportImport.import')}
        </button>
      </div>
      {job.running && (
        <div className="job" role="group" aria-labelledby={ids.progress}>
          <p id={ids.progress}>
            {job.running.kind === 'export' ? t('exportImport.exporting') : t('exportImport.importing')}
            {job.running.total > 0 &&
              ` ${t('exportImport.progress', { done: job.running.done, total: job.running.total })}`}
          </p>
          <progress
            max={job.running.total || 1}
            value={job.running.total > 0 ? job.running.done : undefined}
            aria-labelledby={ids.progress}
          />
          <button type="button" className="secondary" onClick={() => cancel.mutate(job.running?.jobId ?? '')}>
            {t('dialog.cancel')}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {job.ended && (
          <p className={job.ended.outcome === 'failed' ? 'form-error' : 'done-note'}>
            {sentenceText(job.ended)}
          </p>
        )}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {errorMessage(failure)}
        </p>
      )}
    </section>
  );
}
