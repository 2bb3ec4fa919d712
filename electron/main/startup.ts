import type { Db } from '../db/index';
import type { MigrationModule } from '../db/migration-types';
import { migrations as appMigrations } from '../../migrations/index';
import { type SlowNotice, slowNotice, yieldToEventLoop } from './slow-notice';
import {
  backupStep,
  finishStep,
  inspectStep,
  migrateStep,
  openStep,
  type StepOptions,
} from './startup-steps';
import type { Started, StartupOutcome } from './startup-outcome';
import { takeCleanShutdown } from './clean-shutdown';

export type { Refusal, Started, StartupFailure, StartupOutcome } from './startup-outcome';

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
  /** How long each step waits for another program's lock (default: the connection's 10 s). */
  busyTimeoutMs?: number;
}

/**
 * Migrations run synchronously and block the event loop, so a timer cannot fire during one.
 * On a file this large a pending migration may well take over a second: say so before it starts.
 */
export const LARGE_DATABASE_BYTES = 32 * 1024 * 1024;

/** Everything after the file opened: back up, migrate, finish; the connection is closed on refusal. */
async function upgrade(
  db: Db,
  steps: StepOptions,
  options: StartupOptions,
  notice: SlowNotice,
  plan: { backUp: boolean; target: string; size: number; integrity: Started['integrity'] },
): Promise<StartupOutcome> {
  let backupPath: string | null = null;
  if (plan.backUp) {
    const backup = await backupStep(db, steps, plan.target);
    if (typeof backup !== 'string') return backup;
    backupPath = backup;
    if (plan.size >= (options.largeDatabaseBytes ?? LARGE_DATABASE_BYTES)) notice.show();
  }
  notice.showIfLate();
  await yieldToEventLoop();
  await notice.painted();
  const applied = await migrateStep(db, steps, backupPath);
  if (!Array.isArray(applied)) return applied;
  finishStep(db);
  return { ok: true, db, applied, backupPath, recoveredCopy: null, integrity: plan.integrity };
}

/**
 * Brings the database at `dbPath` to the newest schema, or explains why it will not:
 * inspect without writing (a hot journal is copied aside and rolled back first; `quick_check`
 * reads the whole file unless the previous run closed it cleanly and no migration is pending) → open →
 * back up (only an existing file with data, and only when migrations are pending) → run every
 * pending migration as one all-or-nothing step → WAL and `PRAGMA optimize`, neither of which
 * may fail startup. On any refusal the file is left as it was (SQLite's -wal/-shm aside).
 */
export async function startDatabase(options: StartupOptions): Promise<StartupOutcome> {
  // Taken (and removed) before anything is written, so a crash in this run is never taken for a clean end.
  const closedCleanly = takeCleanShutdown(options.dbPath);
  const steps: StepOptions = { ...options, migrations: options.migrations ?? appMigrations, closedCleanly };
  const notice = slowNotice(options);
  try {
    const checked = inspectStep(steps);
    if ('ok' in checked) return checked;
    const { inspection, recoveredCopy } = checked;
    await yieldToEventLoop();
    const db = openStep(steps);
    if ('ok' in db) return db;
    const known = inspection.state === 'known';
    const plan = {
      backUp: known && inspection.applied.length > 0 && inspection.pending.length > 0,
      target: known ? (inspection.pending.at(-1) ?? '') : '',
      size: known ? inspection.size : 0,
      integrity: known ? inspection.integrity : ('new-file' as const),
    };
    try {
      const outcome = await upgrade(db, steps, options, notice, plan);
      if (!outcome.ok) db.close();
      return outcome.ok ? { ...outcome, recoveredCopy } : outcome;
    } catch (error) {
      if (db.open) db.close();
      throw error;
    }
  } finally {
    notice.stop();
  }
}
