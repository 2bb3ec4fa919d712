import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_TABLE, knownMigrationNames, listAppliedMigrations } from './migrator';
import type { MigrationModule } from './migration-types';

/** Why a database file was refused. Stable strings: the app's dialog and the CLI switch on them. */
export type RefusalReason =
  | 'empty-file'
  | 'not-a-database'
  | 'corrupt'
  | 'from-the-future'
  | 'out-of-sync'
  | 'unknown-schema'
  | 'read-only';

const SENTENCES: Record<RefusalReason, string> = {
  'empty-file': 'is an empty file, not a Microblog database',
  'not-a-database': 'is not an SQLite database',
  corrupt: 'is damaged (SQLite reports it as corrupt or truncated)',
  'from-the-future':
    'was written by a newer version of Microblog (it records migrations this version does not know)',
  'out-of-sync': 'records a migration history that does not match this version of Microblog',
  'unknown-schema': 'is an SQLite database made by another program (it has tables but no Microblog history)',
  'read-only': 'is read-only, so Microblog cannot update it',
};

/** Raised before anything is written: the file is left exactly as it was. */
export class DatabaseRefusedError extends Error {
  readonly reason: RefusalReason;
  readonly file: string;
  readonly detail: string | undefined;

  constructor(reason: RefusalReason, file: string, detail?: string) {
    super(`The database ${file} ${SENTENCES[reason]}. It was not changed.`);
    this.name = 'DatabaseRefusedError';
    this.reason = reason;
    this.file = file;
    this.detail = detail;
  }
}

export type Inspection =
  | { state: 'missing' }
  | { state: 'known'; applied: string[]; pending: string[]; /** File size in bytes. */ size: number };

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Page size and page count from the header; a file shorter than that was cut off. */
function checkLength(file: string, header: Buffer, size: number): void {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  if (!validPageSize) throw new DatabaseRefusedError('corrupt', file, `page size ${rawPageSize}`);
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  const versionValidFor = header.readUInt32BE(92);
  if (size % pageSize !== 0) {
    throw new DatabaseRefusedError(
      'corrupt',
      file,
      `size ${size} is not a multiple of page size ${pageSize}`,
    );
  }
  // The in-header page count is trustworthy only when it was written with the change counter,
  // and only without a -wal: a checkpoint cut short (a full disk) leaves the header ahead of the
  // file while the log still holds the pages. quick_check below reads through the log.
  const walHoldsPages = (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
  if (pageCount > 0 && changeCounter === versionValidFor && size < pageCount * pageSize && !walHoldsPages) {
    throw new DatabaseRefusedError('corrupt', file, `${size} bytes, header says ${pageCount * pageSize}`);
  }
}

function isWritable(target: string, mode: number): boolean {
  // Root may write anything, so honour the mode bits as the user's intent.
  if ((mode & 0o222) === 0) return false;
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The file, and its folder: WAL keeps its -wal and -shm files beside the database. */
function isReadOnly(file: string, mode: number): boolean {
  const folder = path.dirname(file);
  return !isWritable(file, mode) || !isWritable(folder, fs.statSync(folder).mode);
}

/**
 * Looks at a database file without writing to it and says whether this build may open it
 * for writing: a missing file is new; otherwise it must be an intact SQLite database that is
 * empty or whose migration history is a prefix of the migrations this build knows.
 * Throws DatabaseRefusedError otherwise. SQLite may create its own `-wal`/`-shm` sidecar
 * files while reading; the database file itself is never written.
 */
export function inspectDatabaseFile(
  file: string,
  migrations?: readonly MigrationModule[],
  options: { readOnly?: boolean } = {},
): Inspection {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  if (!stat.isFile()) throw new DatabaseRefusedError('not-a-database', file, 'not a regular file');
  if (stat.size === 0) throw new DatabaseRefusedError('empty-file', file);
  const header = readHeader(file);
  if (header.length < 100 || !header.subarray(0, 16).equals(HEADER)) {
    throw new DatabaseRefusedError('not-a-database', file);
  }
  checkLength(file, header, stat.size);
  // Only a caller that will write needs a writable file (looking at a protected backup is fine).
  if (!options.readOnly && isReadOnly(file, stat.mode)) throw new DatabaseRefusedError('read-only', file);

  const known = knownMigrationNames(migrations);
  let applied: string[];
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseRefusedError('corrupt', file, String(check));
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
      )
      .pluck()
      .all() as string[];
    if (!tables.includes(MIGRATIONS_TABLE)) {
      if (tables.length > 0) throw new DatabaseRefusedError('unknown-schema', file, tables.join(', '));
      applied = [];
    } else {
      applied = listAppliedMigrations(db).map((row) => row.name);
    }
  } catch (error) {
    if (error instanceof DatabaseRefusedError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') throw new DatabaseRefusedError('not-a-database', file);
    // A short read is a cut-off file; any other I/O error is the disk's, not the file's (the caller says so).
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ') {
      throw new DatabaseRefusedError('corrupt', file, (error as Error).message);
    }
    throw error;
  } finally {
    db?.close();
  }

  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new DatabaseRefusedError('from-the-future', file, unknown.join(', '));
  const expectedPrefix = known.slice(0, applied.length);
  if (applied.some((name, i) => name !== expectedPrefix[i])) {
    throw new DatabaseRefusedError('out-of-sync', file, applied.join(', '));
  }
  return { state: 'known', applied, pending: known.slice(applied.length), size: stat.size };
}
