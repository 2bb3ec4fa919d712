import { setTimeout as delay } from 'node:timers/promises';
import {
  type Db,
  DatabaseRefusedError,
  type RefusalReason,
  inspectDatabaseFile,
  migrateToLatest,
  openDatabase,
} from '../db/index';
import type { MigrationModule } from '../db/migration-types';
import { startupSentence } from '../db/sqlite-errors';
import { DEFAULT_KEEP_BACKUPS, backupBeforeMigrating, latestBackup, pruneBackups } from './backups';

export interface StartupOptions {
  dbPath: string;
  /** The migrations this build knows; the app's own list by default (tests pass their own). */
  migrations?: readonly MigrationModule[];
  /** How many pre-migration backups to keep (default 5). */
  keepBackups?: number;
  /** After this long (default 1000 ms) `onSlow` is called so the app can show it is working. */
  slowAfterMs?: number;
  /** Shows that startup is working; startup waits for a returned promise (the window painted) before migrating. */
  onSlow?: () => void | Promise<void>;
  /** From this file size on, pending migrations count as slow before they start (default 32 MiB). */
  largeDatabaseBytes?: number;
}

/**
 * Migrations run synchronously and block the event loop, so a timer cannot fire during one.
 * On a file this large a pending migration may well take over a second: say so before it starts.
 */
export const LARGE_DATABASE_BYTES = 32 * 1024 * 1024;

/** Why startup stopped: the guard's refusals, a failed migration or backup, or a file that would not open. */
export type StartupFailure = RefusalReason | 'migration-failed' | 'open-failed' | 'backup-failed';

export type StartupOutcome =
  | { ok: true; db: Db; applied: string[]; backupPath: string | null }
  | { ok: false; reason: StartupFailure; message: string; file: string; latestBackup: string | null };

function refused(options: StartupOptions, reason: StartupFailure, message: string): StartupOutcome {
  return {
    ok: false,
    reason,
    message,
    file: options.dbPath,
    latestBackup: latestBackup(options.dbPath)?.path ?? null,
  };
}

/** Lets a pending `onSlow` timer fire between the synchronous steps. */
const yieldToEventLoop = (): Promise<void> => delay(0);

/**
 * Brings the database at `dbPath` to the newest schema, or explains why it will not:
 * inspect without writing → open → back up (only an existing file with data, and only when
 * migrations are pending) → run every pending migration as one all-or-nothing step →
 * `PRAGMA optimize`. On any refusal the file is left as it was (SQLite's -wal/-shm aside).
 */
export async function startDatabase(options: StartupOptions): Promise<StartupOutcome> {
  const { dbPath, migrations } = options;
  const slowAfterMs = options.slowAfterMs ?? 1000;
  const startedAt = Date.now();
  let shown: Promise<void> | null = null;
  const tellSlow = (): void => {
    if (shown) return;
    shown = Promise.resolve(options.onSlow?.()).catch((error: unknown) => {
      console.error('Showing the "Updating your data" window failed:', error);
    });
  };
  // Migrations are synchronous, so the timer can only fire between steps; before migrating,
  // the clock is checked too. Never after: a window shown once the work is done only flashes.
  const checkSlow = (): void => {
    if (Date.now() - startedAt > slowAfterMs) tellSlow();
  };
  const timer = setTimeout(tellSlow, slowAfterMs);
  try {
    let pendingOnExistingData = false;
    let target = '';
    let size = 0;
    try {
      const inspection = inspectDatabaseFile(dbPath, migrations);
      if (inspection.state === 'known') {
        pendingOnExistingData = inspection.applied.length > 0 && inspection.pending.length > 0;
        target = inspection.pending.at(-1) ?? '';
        size = inspection.size;
      }
    } catch (error) {
      if (error instanceof DatabaseRefusedError) return refused(options, error.reason, error.message);
      console.error('Checking the database failed:', error);
      return refused(options, 'open-failed', startupSentence(dbPath, error));
    }
    await yieldToEventLoop();

    let db: Db;
    try {
      db = openDatabase(dbPath, { keepJournalMode: true });
    } catch (error) {
      console.error('Opening the database failed:', error);
      return refused(
        options,
        'open-failed',
        `The database ${dbPath} could not be opened. It was not changed.`,
      );
    }

    try {
      let backupPath: string | null = null;
      if (pendingOnExistingData) {
        try {
          backupPath = await backupBeforeMigrating(db, dbPath, target);
        } catch (error) {
          console.error('The pre-migration backup failed:', error);
          db.close();
          return refused(
            options,
            'backup-failed',
            `Microblog could not back up ${dbPath} before updating it (is the disk full?), so it did not update it. It was not changed.`,
          );
        }
        pruneBackups(dbPath, options.keepBackups ?? DEFAULT_KEEP_BACKUPS);
      }
      if (pendingOnExistingData && size >= (options.largeDatabaseBytes ?? LARGE_DATABASE_BYTES)) tellSlow();
      checkSlow();
      await yieldToEventLoop();
      if (shown) await shown;
      let applied: string[];
      try {
        applied = await migrateToLatest(db, { migrations });
      } catch (error) {
        console.error('A migration failed; the database was rolled back:', error);
        db.close();
        const where = backupPath ? ` A backup made just before is at ${backupPath}.` : '';
        return refused(
          options,
          'migration-failed',
          `Microblog could not update the database ${dbPath} to this version. It was not changed.${where}`,
        );
      }
      try {
        db.pragma('journal_mode = WAL');
      } catch (error) {
        console.error('Switching the database to WAL failed:', error);
        db.close();
        return refused(options, 'open-failed', startupSentence(dbPath, error));
      }
      try {
        db.pragma('optimize');
      } catch (error) {
        // Only statistics for the query planner: a full disk must not keep the app from starting.
        console.error('PRAGMA optimize failed:', error);
      }
      return { ok: true, db, applied, backupPath };
    } catch (error) {
      if (db.open) db.close();
      throw error;
    }
  } finally {
    clearTimeout(timer);
  }
}
