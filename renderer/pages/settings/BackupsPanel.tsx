import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { BackupInfo, DataOverview } from '../../../electron/ipc/contract';
import { errorMessage } from '../../api/client';
import { useBackupNow, useRestore, useSetKeepBackups, useShowInFolder } from '../../api/data';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorState, Loading } from '../../components/States';

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The backups beside the data file: list, Back up now, Restore, Show in folder, and how many to keep. */
export function BackupsPanel(props: { overview: UseQueryResult<DataOverview> }) {
  const { overview } = props;
  const backupNow = useBackupNow();
  const showInFolder = useShowInFolder();
  const headingId = useId();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const failure = backupNow.error ?? showInFolder.error;

  return (
    <section className="card settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Backups</h2>
      <p className="hint">
        Microblog backs your data up before every update of its format. You can also back up now, and restore
        any backup: the current file is kept aside, not deleted.
      </p>
      <div className="actions start">
        <button type="button" onClick={() => backupNow.mutate()} disabled={backupNow.isPending}>
          {backupNow.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {errorMessage(failure)}
        </p>
      )}
      {overview.isPending && <Loading label="Loading backups…" />}
      {overview.isError && <ErrorState error={overview.error} onRetry={() => overview.refetch()} />}
      {overview.data && (
        <BackupList overview={overview.data} onRestore={setRestoring} onShow={showInFolder.mutate} />
      )}
      {overview.data && <KeepSetting keep={overview.data.keepBackups} />}
      {restoring && <RestoreDialog backup={restoring} onCancel={() => setRestoring(null)} />}
    </section>
  );
}

function BackupList(props: {
  overview: DataOverview;
  onRestore: (b: BackupInfo) => void;
  onShow: (t: string) => void;
}) {
  if (props.overview.backups.length === 0) return <p className="state empty">No backups yet.</p>;
  return (
    <ul className="backup-list" aria-label="Backups, newest first">
      {props.overview.backups.map((backup) => (
        <li key={backup.name}>
          <div className="backup-facts">
            <strong>{when(backup.takenAt)}</strong>
            <span className="muted">
              {backup.reason === 'manual' ? 'Made by you' : 'Before an update'} · {size(backup.size)} · format{' '}
              {backup.schemaVersion?.slice(0, 4) ?? 'unreadable'}
            </span>
          </div>
          <button type="button" className="secondary" onClick={() => props.onShow(backup.name)}>
            Show in folder
          </button>
          <button type="button" className="secondary" onClick={() => props.onRestore(backup)}>
            Restore…
          </button>
        </li>
      ))}
    </ul>
  );
}

function RestoreDialog({ backup, onCancel }: { backup: BackupInfo; onCancel: () => void }) {
  const restore = useRestore();
  return (
    <ConfirmDialog
      title="Restore this backup?"
      message={`Microblog will put the backup of ${when(backup.takenAt)} in place and restart. Your current data file is kept aside, next to it, not deleted.`}
      confirmLabel="Restore and restart"
      pendingLabel="Restoring…"
      pending={restore.isPending || restore.isSuccess}
      error={restore.error ? errorMessage(restore.error) : undefined}
      onCancel={onCancel}
      onConfirm={() => restore.mutate(backup.name)}
    />
  );
}

function KeepSetting({ keep }: { keep: number }) {
  const [value, setValue] = useState(String(keep));
  const save = useSetKeepBackups();
  const id = useId();
  const number = Number(value);
  const problem =
    !Number.isInteger(number) || number < 1 || number > 100 ? 'Keep between 1 and 100 backups.' : null;
  return (
    <form
      className="field inline keep"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) save.mutate(number);
      }}
    >
      <label htmlFor={id}>Backups to keep</label>
      <input
        id={id}
        type="number"
        min={1}
        max={100}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={problem !== null}
      />
      <button type="submit" className="secondary" disabled={problem !== null || save.isPending}>
        Save
      </button>
      {(problem ?? save.error) && (
        <p className="field-error" role="alert">
          {problem ?? errorMessage(save.error)}
        </p>
      )}
      {save.isSuccess && !problem && (
        <p className="done-note">Saved: the newest {save.data.keepBackups} are kept.</p>
      )}
    </form>
  );
}
