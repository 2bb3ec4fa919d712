import { useId, useState } from 'react';
import type { DataOverview } from '../../../electron/ipc/contract';
import type { User } from '../../../electron/ipc/contract';
import { errorMessage } from '../../api/client';
import { useCancelJob, useJob, useStartExport, useStartImport } from '../../api/data';

const count = (n: number) => n.toLocaleString();

/** Export (everything or your profile, as an archive or a CSV) and import, with progress and Cancel. */
export function ExportImportPanel({ user, overview }: { user: User; overview: DataOverview | undefined }) {
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
      <h2 id={ids.scope}>Export and import</h2>
      <p className="hint">
        An archive holds profiles, posts and drafts in one file that Microblog can import again, here or on
        another computer. A CSV holds posts only, for spreadsheets.
      </p>
      <fieldset className="choices">
        <legend>What to export</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Every
          profile
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'mine'} onChange={() => setScope('mine')} />{' '}
          Only @{user.username}
        </label>
      </fieldset>
      <fieldset className="choices">
        <legend>As</legend>
        <label>
          <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} />{' '}
          Archive (.jsonl)
        </label>
        <label>
          <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} />{' '}
          Spreadsheet (.csv)
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
          Include password hashes, so imported profiles keep their passwords. Anyone with the file can try to
          guess them: keep it safe.
        </label>
      )}
      <div className="actions start">
        <button type="button" onClick={onExport} disabled={busy}>
          Export…
        </button>
        <button type="button" className="secondary" onClick={onImport} disabled={busy}>
          Import an archive…
        </button>
      </div>
      {job.running && (
        <div className="job" role="group" aria-labelledby={ids.progress}>
          <p id={ids.progress}>
            {job.running.kind === 'export' ? 'Exporting' : 'Importing'}…{' '}
            {job.running.total > 0 && `${count(job.running.done)} of ${count(job.running.total)}`}
          </p>
          <progress
            max={job.running.total || 1}
            value={job.running.total > 0 ? job.running.done : undefined}
            aria-labelledby={ids.progress}
          />
          <button type="button" className="secondary" onClick={() => cancel.mutate(job.running?.jobId ?? '')}>
            Cancel
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {job.ended && (
          <p className={job.ended.outcome === 'failed' ? 'form-error' : 'done-note'}>{job.ended.message}</p>
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
