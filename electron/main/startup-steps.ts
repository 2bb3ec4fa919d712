/**
 * The steps of startup, each saying in one place how it can fail: inspect (recovering a hot
 * journal first), open, back up, migrate, finish. Every step turns trouble around the file
 * (busy, disk full, I/O, permissions) into its own refusal, never into "damaged".
 */
import path from 'node:path';
import {
  type Db,
  DatabaseRefusedError,
  inspectDatabaseFile,
  migrateToLatest,
  openDatabase,
} from '../db/index';
import { isBusy, probeFolder, refusalFor } from '../db/failure-cause';
import { ensureFileId } from '../db/file-id';
import type { Inspection } from '../db/guard';
import type { MigrationModule } from '../db/migration-types';
import { refusalSentence } from '../db/refusals';
import {
  DEFAULT_KEEP_BACKUPS,
  backupBeforeMigrating,
  backupFolder,
  keepBackupsSetting,
  pruneBackups,
} from '../data/backups';
import { say } from '../db/sentences';
import { recoverHotJournal } from './recovery';
import { type Refusal, refused } from './startup-outcome';

export interface StepOptions {
  dbPath: string;
  migrations: readonly MigrationModule[];
  keepBackups?: number;
  busyTimeoutMs?: number;
  /** The previous run closed this file cleanly (its marker matched): see InspectOptions. */
  closedCleanly?: boolean;
}

/** A refusal for an error that `refusalFor` understands, or the error again. */
function refusalOrThrow(error: unknown, dbPath: string): Refusal {
  const refusal = refusalFor(error, dbPath);
  if (!refusal) throw error;
  return refused(dbPath, refusal.reason, refusal.message);
}

/** The guard's verdict; a hot journal is first copied aside and rolled back by SQLite, then judged again. */
export function inspectStep(
  options: StepOptions,
): { inspection: Inspection; recoveredCopy: string | null } | Refusal {
  const { dbPath, migrations, busyTimeoutMs, closedCleanly } = options;
  const inspectOnce = () => inspectDatabaseFile(dbPath, migrations, { busyTimeoutMs, closedCleanly });
  let recoveredCopy: string | null = null;
  try {
    try {
      return { inspection: inspectOnce(), recoveredCopy };
    } catch (error) {
      if (!(error instanceof DatabaseRefusedError) || error.reason !== 'hot-journal') throw error;
    }
    recoveredCopy = recoverHotJournal(dbPath, { busyTimeoutMs }).copy;
    console.warn(`Rolled back an unfinished change in ${dbPath}; the file as it was is in ${recoveredCopy}.`);
    return { inspection: inspectOnce(), recoveredCopy };
  } catch (error) {
    // Still hot after a read-write open: a live writer holds the journal (SQLite saw its lock).
    if (error instanceof DatabaseRefusedError && error.reason === 'hot-journal') {
      return refused(dbPath, 'busy', refusalSentence('busy', dbPath));
    }
    return refusalOrThrow(error, dbPath);
  }
}

/** Opens the inspected file, leaving its journal mode as it is until the migrations are done. */
export function openStep(options: StepOptions): Db | Refusal {
  const { dbPath, busyTimeoutMs } = options;
  try {
    const db = openDatabase(dbPath, { keepJournalMode: true });
    if (busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    return db;
  } catch (error) {
    console.error('Opening the database failed:', error);
    const refusal = refusalFor(error, dbPath);
    if (refusal) return refused(dbPath, refusal.reason, refusal.message);
    return refused(dbPath, 'open-failed', say('main.openFailed', { file: dbPath }));
  }
}

const BACKUP_CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk is full',
  ENOTDIR: 'the "backups" beside it is not a folder',
  EEXIST: 'the "backups" beside it is not a folder',
  EACCES: 'it may not write to the "backups" folder beside it',
  EPERM: 'it may not write to the "backups" folder beside it',
  EROFS: 'the "backups" folder beside it is read-only',
};

/** Backs up a file with data before migrating it, then prunes old backups (never the new one). */
export async function backupStep(db: Db, options: StepOptions, target: string): Promise<string | Refusal> {
  const { dbPath } = options;
  let backupPath: string;
  try {
    backupPath = await backupBeforeMigrating(db, dbPath, target);
  } catch (error) {
    console.error('The pre-migration backup failed:', error);
    if (isBusy(error)) return refused(dbPath, 'busy', refusalSentence('busy', dbPath));
    const errno = (error as NodeJS.ErrnoException).code ?? '';
    const probed = probeFolder(path.join(backupFolder(dbPath), 'probe'));
    const cause = BACKUP_CAUSES[errno] ?? BACKUP_CAUSES[probed ?? ''] ?? 'is the disk full?';
    return refused(
      dbPath,
      'backup-failed',
      `Microblog could not back up ${dbPath} before updating it (${cause}), so it did not update it. It was not changed.`,
    );
  }
  try {
    pruneBackups(dbPath, options.keepBackups ?? keepBackupsSetting(db) ?? DEFAULT_KEEP_BACKUPS, backupPath);
  } catch (error) {
    // Old backups left over cost disk space, not data: go on.
    console.error('Pruning old backups failed:', error);
  }
  return backupPath;
}

/** Runs every pending migration as one all-or-nothing step. */
export async function migrateStep(
  db: Db,
  options: StepOptions,
  backupPath: string | null,
): Promise<string[] | Refusal> {
  const { dbPath, migrations } = options;
  try {
    return await migrateToLatest(db, { migrations });
  } catch (error) {
    console.error('A migration failed; the database was rolled back:', error);
    const cause = refusalFor(error, dbPath);
    const around = cause && !['corrupt', 'not-a-database'].includes(cause.reason);
    if (around) return refused(dbPath, cause.reason, cause.message);
    const sentence = backupPath
      ? say('main.migrationFailedBackup', { file: dbPath, backup: backupPath })
      : say('main.migrationFailed', { file: dbPath });
    return refused(dbPath, 'migration-failed', sentence);
  }
}

/** How long each optional finishing step waits for another program's lock before it is skipped. */
const FINISH_BUSY_MS = 250;

/**
 * WAL once the migrations are done, the file's id, then `PRAGMA optimize`. None may fail or
 * hold up startup (each waits a quarter second for a lock, not the connection's 10 s): a file
 * left in rollback mode by another program's lock is switched on a later start, the id is
 * given then too, and optimize is a hint to the query planner.
 */
export function finishStep(db: Db): void {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  const finish: [string, () => unknown][] = [
    ['the switch to WAL', () => db.pragma('journal_mode = WAL')],
    ["the file's id", () => ensureFileId(db)],
    ['PRAGMA optimize', () => db.pragma('optimize')],
  ];
  db.pragma(`busy_timeout = ${Math.min(timeout, FINISH_BUSY_MS)}`);
  for (const [what, run] of finish) {
    try {
      run();
    } catch (error) {
      console.warn(`Startup skipped ${what}:`, error);
    }
  }
  db.pragma(`busy_timeout = ${timeout}`);
}
