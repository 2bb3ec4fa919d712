import fs from 'node:fs';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './connection';
import { refusalFor } from './failure-cause';
import { checkLength, isReadOnly, journalState, parseHeader, readStart } from './file-forensics';
import { MIGRATIONS_TABLE, compareHistory } from './migration-history';
import type { MigrationModule } from './migration-types';
import { DatabaseRefusedError } from './refusals';
import { missingFromSchema, recordedMigrations, tableNames } from './schema-check';
import { foreignWalReason, readWalBeside } from './wal-forensics';

export { DatabaseRefusedError, type RefusalReason } from './refusals';

export type Inspection =
  | { state: 'missing' }
  | {
      state: 'known';
      applied: string[];
      pending: string[];
      /** File size in bytes. */
      size: number;
      integrity: IntegrityCheck;
    };

export interface InspectOptions {
  /** Only a caller that will write needs a writable file (looking at a protected backup is fine). */
  readOnly?: boolean;
  /** How long to wait for another program's lock before saying the file is busy. */
  busyTimeoutMs?: number;
  /**
   * The caller knows the previous run closed this very file cleanly: `quick_check` (which reads
   * every page) then runs only when migrations are pending, before the backup and migration.
   */
  closedCleanly?: boolean;
}

/** Whether the whole file was read by `quick_check` (and found intact). */
export type IntegrityCheck = 'full' | 'skipped';

/**
 * What the file's bytes and sidecars say before SQLite opens it. A `-wal` with commits makes
 * the file's own length meaningless (mid-checkpoint the file is legitimately shorter than its
 * header says), so then SQLite judges the length, through a connection that sees the WAL.
 */
function checkBytes(file: string, size: number): void {
  const header = parseHeader(readStart(file, 100));
  const journal = journalState(file, header);
  if (journal === 'hot') throw new DatabaseRefusedError('hot-journal', file);
  if (size === 0) throw new DatabaseRefusedError('empty-file', file);
  if (header === null) throw new DatabaseRefusedError('not-a-database', file);
  if (journal === 'stray') throw new DatabaseRefusedError('stray-journal', file);
  const wal = readWalBeside(file);
  if (wal !== null) {
    const foreign = foreignWalReason(header, size, wal);
    if (foreign !== null) throw new DatabaseRefusedError('foreign-wal', file, foreign);
  }
  if (wal === null || wal.commits.length === 0) checkLength(file, header, size);
}

function quickCheck(db: Database.Database, file: string): void {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new DatabaseRefusedError('corrupt', file, String(check));
}

/**
 * The whole-file `quick_check` on its own read-only connection: null when the file is intact,
 * otherwise SQLite's first finding. For the check that runs after a start that skipped it.
 */
export function quickCheckProblem(file: string, busyTimeoutMs = BUSY_TIMEOUT_MS): string | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    const check = String(db.pragma('quick_check', { simple: true }));
    return check === 'ok' ? null : check;
  } finally {
    db.close();
  }
}

/** Reads what SQLite says of the file: integrity (unless it closed cleanly and stays as it is), then its history. */
function readHistory(
  file: string,
  migrations: readonly MigrationModule[],
  options: InspectOptions,
): { applied: string[]; pending: string[]; integrity: IntegrityCheck } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    if (!options.closedCleanly) quickCheck(db, file);
    const history = readRecordedHistory(db, file, migrations);
    if (options.closedCleanly && history.pending.length === 0) return { ...history, integrity: 'skipped' };
    if (options.closedCleanly) quickCheck(db, file);
    return { ...history, integrity: 'full' };
  } finally {
    db.close();
  }
}

/** The recorded migrations against this build's, and the schema they should have made. */
function readRecordedHistory(
  db: Database.Database,
  file: string,
  migrations: readonly MigrationModule[],
): { applied: string[]; pending: string[] } {
  const tables = tableNames(db);
  if (!tables.includes(MIGRATIONS_TABLE)) {
    if (tables.length > 0) throw new DatabaseRefusedError('unknown-schema', file, tables.join(', '));
    return { applied: [], pending: migrations.map((m) => m.name) };
  }
  const recorded = recordedMigrations(db);
  if (recorded === null) throw new DatabaseRefusedError('damaged-schema', file, MIGRATIONS_TABLE);
  const history = compareHistory(recorded, migrations);
  if (!history.ok) throw new DatabaseRefusedError(history.reason, file, history.detail);
  const applied = migrations.filter((m) => history.applied.includes(m.name));
  const missing = missingFromSchema(db, applied);
  if (missing.length > 0) throw new DatabaseRefusedError('damaged-schema', file, missing.join(', '));
  return { applied: history.applied, pending: history.pending };
}

function inspect(file: string, migrations: readonly MigrationModule[], options: InspectOptions): Inspection {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  if (!stat.isFile()) throw new DatabaseRefusedError('not-a-database', file, 'not a regular file');
  checkBytes(file, stat.size);
  if (!options.readOnly && isReadOnly(file, stat.mode)) throw new DatabaseRefusedError('read-only', file);
  const history = readHistory(file, migrations, options);
  return { state: 'known', ...history, size: stat.size };
}

/**
 * Looks at a database file without writing to it and says whether this build may open it
 * for writing: a missing file is new; otherwise it must be an intact SQLite database that is
 * empty or whose migration history is a prefix of the migrations this build knows, with the
 * tables and columns that history created. Throws DatabaseRefusedError otherwise, naming the
 * cause: damage only when SQLite reports it, and a full disk, an I/O error, a permission, too
 * many open files or another program's lock each as itself. A hot rollback journal is refused
 * as `hot-journal`, which startup recovers. SQLite may create its own `-wal`/`-shm` sidecar
 * files while reading; the database file itself is never written.
 */
export function inspectDatabaseFile(
  file: string,
  migrations: readonly MigrationModule[],
  options: InspectOptions = {},
): Inspection {
  try {
    return inspect(file, migrations, options);
  } catch (error) {
    throw refusalFor(error, file) ?? error;
  }
}
