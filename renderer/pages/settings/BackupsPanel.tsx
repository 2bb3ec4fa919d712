import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { BackupInfo, DataOverview } from '../../../electron/ipc/contract';
import { errorMessage } from '../../api/client';
import { useBackupNow, useRestore, useSetKeepBackups, useShowInFolder } from '../../api/data';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorState, Loading } from '../../components/States';
import { useTranslation } from '../../i18n/index';
import { formatDate, formatSize } from '../../i18n/format';

const when = (iso: string) => formatDate(new Date(iso), 'dateTime');

/** The backups beside the data file: list, Back up now, Restore, Show in folder, and how many to keep. */
export function BackupsPanel(props: { overview: UseQueryResult<DataOverview> }) {
  const { overview } = props;
  const { t } = useTranslation();
  const backupNow = useBackupNow();
  const showInFolder = useShowInFolder();
  const headingId = useId();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const failure = backupNow.error ?? showInFolder.error;

  return (
    <section className="card settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('backups.title')}</h2>
      <p className="hint">{t('backups.intro')}</p>
      <div className="actions start">
        <button type="button" onClick={() => backupNow.mutate()} disabled={backupNow.isPending}>
          {backupNow.isPending ? t('backups.backingUp') : t('backups.backUpNow')}
        </button>
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {errorMessage(failure)}
        </p>
      )}
      {overview.isPending && <Loading label={t('backups.loading')} />}
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
  onShow: (name: string) => void;
}) {
  const { t } = useTranslation();
  if (props.overview.backups.length === 0) return <p className="state empty">{t('backups.none')}</p>;
  return (
    <ul className="backup-list" aria-label={t('backups.list')}>
      {props.overview.backups.map((backup) => (
        <li key={backup.name}>
          <div className="backup-facts">
            <strong>{when(backup.takenAt)}</strong>
            <span className="muted">
              {t('backups.facts', {
                reason: backup.reason === 'manual' ? t('backups.manual') : t('backups.beforeUpdate'),
                size: formatSize(backup.size),
                format: backup.schemaVersion?.slice(0, 4) ?? t('backups.unreadable'),
              })}
            </span>
          </div>
          <button type="button" className="secondary" onClick={() => props.onShow(backup.name)}>
            {t('backups.showInFolder')}
          </button>
          <button type="button" className="secondary" onClick={() => props.onRestore(backup)}>
            {t('backups.restore')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function RestoreDialog({ backup, onCancel }: { backup: BackupInfo; onCancel: () => void }) {
  const { t } = useTranslation();
  const restore = useRestore();
  return (
    <ConfirmDialog
      title={t('backups.restoreTitle')}
      message={t('backups.restoreMessage', { when: when(backup.takenAt) })}
      confirmLabel={t('backups.restoreConfirm')}
      pendingLabel={t('backups.restoring')}
      pending={restore.isPending || restore.isSuccess}
      error={restore.error ? errorMessage(restore.error) : undefined}
      onCancel={onCancel}
      onConfirm={() => restore.mutate(backup.name)}
    />
  );
}

function KeepSetting({ keep }: { keep: number }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(keep));
  const save = useSetKeepBackups();
  const id = useId();
  const number = Number(value);
  const problem =
    !Number.isInteger(number) || number < 1 || number > 100 ? t('backups.keepRange', { max: 100 }) : null;
  return (
    <form
      className="field inline keep"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) save.mutate(number);
      }}
    >
      <label htmlFor={id}>{t('backups.keep')}</label>
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
        {t('backups.save')}
      </button>
      {(problem ?? save.error) && (
        <p className="field-error" role="alert">
          {problem ?? errorMessage(save.error)}
        </p>
      )}
      {save.isSuccess && !problem && (
        <p className="done-note">{t('backups.saved', { count: save.data.keepBackups })}</p>
      )}
    </form>
  );
}
