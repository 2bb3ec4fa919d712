/**
 * The Data screen's work in main: file dialogs, the export/import worker, backups, restore and
 * the About panel's Copy and Show in folder. Electron's parts come in as `Desktop`, so the
 * same code runs in the app, in the e2e harness and in tests.
 */
import path from 'node:path';
import { MicroblogError } from '../db/errors';
import type { Db } from '../db/index';
import { ARCHIVE_EXTENSION } from '../data/archive-format';
import { describeBackup } from '../data/backup-details';
import {
  DEFAULT_KEEP_BACKUPS,
  KEEP_BACKUPS_KEY,
  type BackupFile,
  backupFolder,
  backupNow,
  keepBackupsSetting,
  listBackups,
  pruneBackups,
} from '../data/backups';
import type { BackupInfo } from '../ipc/channels/data-screen';
import type { AppInfo } from '../ipc/contract';
import type { DataJobs, DataService } from '../ipc/handler-types';
import { restoreBackup } from './restore';
import { say } from '../db/sentences';

/** What the Data screen needs from the desktop: Electron's dialog, shell, clipboard and app. */
export interface Desktop {
  chooseExportPath(defaultName: string, format: 'json' | 'csv'): Promise<string | null>;
  chooseImportPath(): Promise<string | null>;
  showItemInFolder(file: string): void;
  writeClipboard(text: string): Promise<void>;
  /** Starts the app again (after a restore); the current process ends. */
  relaunch(): void;
}

/** A desktop with no dialogs (they answer "closed"), for tools and tests that give none. */
export const HEADLESS_DESKTOP: Desktop = {
  chooseExportPath: async () => null,
  chooseImportPath: async () => null,
  showItemInFolder: () => undefined,
  writeClipboard: async () => undefined,
  relaunch: () => undefined,
};

export interface DataServiceOptions {
  dbPath: string;
  db: () => Db;
  jobs: DataJobs;
  desktop: Desktop;
  /** The About panel's facts, for Copy details. */
  info: () => AppInfo | Promise<AppInfo>;
  /** Closes the database before a restore replaces the file. */
  closeDatabase: () => void;
  now?: () => Date;
}

function toInfo(backup: BackupFile): BackupInfo {
  const details = describeBackup(backup);
  return {
    name: path.basename(backup.path),
    takenAt: backup.takenAt.toISOString(),
    size: backup.size,
    schemaVersion: details.schemaVersion,
    reason: backup.reason,
  };
}

const notListed = () => new MicroblogError('INVALID_INPUT', say('errors.backupGone'));

/** The Data service over one database file. */
export function createDataService(options: DataServiceOptions): DataService {
  const { dbPath, jobs, desktop } = options;
  const keep = () => keepBackupsSetting(options.db()) ?? DEFAULT_KEEP_BACKUPS;
  const listed = (name: string): BackupFile => {
    const found = listBackups(dbPath).find((backup) => path.basename(backup.path) === name);
    if (!found) throw notListed();
    return found;
  };
  const day = () => (options.now?.() ?? new Date()).toISOString().slice(0, 10);

  return {
    overview: () => ({
      backups: listBackups(dbPath).map(toInfo),
      keepBackups: keep(),
      backupFolder: backupFolder(dbPath),
      job: jobs.running(),
    }),
    async startExport({ username, format, passwordHashes }) {
      if (
        username !== null &&
        options.db().prepare('SELECT 1 FROM users WHERE username = ?').get(username) === undefined
      ) {
        throw new MicroblogError('USER_NOT_FOUND', say('errors.profileGone'));
      }
      const stem = `microblog-${username ?? 'all'}-${day()}`;
      const file = await desktop.chooseExportPath(
        `${stem}.${format === 'csv' ? 'csv' : ARCHIVE_EXTENSION}`,
        format,
      );
      if (file === null) return { started: false };
      return {
        started: true,
        jobId: jobs.startExport(file, { username: username ?? undefined, format, passwordHashes }),
      };
    },
    async startImport() {
      const file = await desktop.chooseImportPath();
      if (file === null) return { started: false };
      return { started: true, jobId: jobs.startImport(file) };
    },
    cancel: (jobId) => jobs.cancel(jobId),
    async backupNow() {
      const made = await backupNow(options.db(), dbPath, { now: options.now?.() });
      pruneBackups(dbPath, keep(), made);
      return toInfo(listed(path.basename(made)));
    },
    async restore(name) {
      const backup = listed(name);
      if (jobs.running()) throw new MicroblogError('DATABASE_BUSY', say('errors.waitForJob'));
      options.closeDatabase();
      restoreBackup({ dbPath, backupPath: backup.path, now: options.now?.() });
      desktop.relaunch();
    },
    setKeepBackups(value) {
      options
        .db()
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(KEEP_BACKUPS_KEY, String(value));
      pruneBackups(dbPath, value);
      return value;
    },
    showInFolder(target) {
      desktop.showItemInFolder(target === 'database' ? dbPath : listed(target).path);
    },
    async copy(what) {
      if (what === 'path') return desktop.writeClipboard(dbPath);
      const info = await options.info();
      const lines = [
        `Microblog ${info.version} (${info.platform})`,
        `Schema: ${info.schemaVersion}`,
        `Electron ${info.versions.electron ?? '-'}, Chromium ${info.versions.chrome ?? '-'}, Node ${info.versions.node}, SQLite ${info.versions.sqlite}`,
        `Data file: ${info.databasePath}`,
      ];
      return desktop.writeClipboard(lines.join('\n'));
    },
  };
}
