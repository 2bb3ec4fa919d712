import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { type Db, openDatabase } from './connection';
import { MicroblogError, toMicroblogError } from './errors';
import { reopenConnection } from './live';
import { STORAGE_SENTENCES, isIoFailure } from './sqlite-errors';
import { say } from './sentences';

/** How long a key is remembered: far longer than anyone waits before pressing Post again. */
export const KEY_RETENTION_DAYS = 30;

interface Statements {
  get: Statement<[string], { channel: string; result: string }>;
  put: Statement<[string, string, string]>;
  prune: Statement<[string]>;
}

const prepared = new WeakMap<Db, Statements>();
/** Connections whose disk failed under them: no further write goes through them. */
const suspect = new WeakSet<Db>();

function statementsFor(db: Db): Statements {
  let statements = prepared.get(db);
  if (!statements) {
    statements = {
      get: db.prepare(`SELECT channel, result FROM write_keys WHERE key = ?`),
      put: db.prepare(`INSERT INTO write_keys (key, channel, result) VALUES (?, ?, ?)`),
      // The oldest few rows by insertion order: each write forgets at most 16 expired keys, no scan.
      prune: db.prepare(
        `DELETE FROM write_keys WHERE rowid IN (SELECT rowid FROM write_keys ORDER BY rowid LIMIT 16)
         AND created_at < ?`,
      ),
    };
    prepared.set(db, statements);
  }
  return statements;
}

function replay<T>(first: { channel: string; result: string }, channel: string): T {
  if (first.channel !== channel) {
    throw new MicroblogError('INVALID_INPUT', say('errors.keyReused'), 'key');
  }
  return JSON.parse(first.result) as T;
}

function rollback(db: Db): void {
  try {
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
  } catch (error) {
    // SQLite rolls back by itself after an I/O error; a failed ROLLBACK leaves nothing open.
    console.error('ROLLBACK after a failed write failed:', error);
  }
}

/** A connection fit for writing: a suspect one is first replaced by a fresh, checkpointed one. */
function writable(db: Db): Db {
  if (db.open && !suspect.has(db)) return db;
  const reopened = reopenConnection(db);
  if (reopened?.durable) return reopened.db;
  if (reopened) suspect.add(reopened.db);
  throw new MicroblogError('STORAGE_ERROR', STORAGE_SENTENCES.STORAGE_ERROR);
}

/** The stored outcome for `key` as a new connection reads the file, or undefined. */
function readBack(file: string, key: string): { channel: string; result: string } | undefined {
  const fresh = openDatabase(file, { readonly: true });
  try {
    return fresh
      .prepare<[string], { channel: string; result: string }>(
        `SELECT channel, result FROM write_keys WHERE key = ?`,
      )
      .get(key);
  } finally {
    fresh.close();
  }
}

/**
 * COMMIT failed, so the write may or may not be in the file: read the key back on a new
 * connection, and answer that. A full disk fails while the log is written, before the commit
 * record, and SQLite's state stays sound. An I/O error may strike after the commit record was
 * written (a failed fsync), so the old connection is closed and the file reopened and
 * checkpointed first; if that fails, the outcome is unknown and said to be.
 */
function settle<T>(db: Db, channel: string, key: string, error: unknown): T {
  if (!isIoFailure(error)) {
    let first: { channel: string; result: string } | undefined;
    try {
      first = readBack(db.name, key);
    } catch (readError) {
      console.error('Reading back a failed write failed:', readError);
      throw Object.assign(new MicroblogError('OUTCOME_UNKNOWN', STORAGE_SENTENCES.OUTCOME_UNKNOWN), {
        cause: error,
      });
    }
    if (first) return replay<T>(first, channel);
    throw toMicroblogError(error);
  }
  suspect.add(db);
  const reopened = reopenConnection(db);
  if (!reopened?.durable) {
    if (reopened) suspect.add(reopened.db);
    const unknown = new MicroblogError('OUTCOME_UNKNOWN', STORAGE_SENTENCES.OUTCOME_UNKNOWN);
    throw Object.assign(unknown, { cause: error });
  }
  const first = statementsFor(reopened.db).get.get(key);
  if (first) return replay<T>(first, channel);
  throw toMicroblogError(error);
}

/**
 * Runs `write` once per key: the first outcome is stored with the write in one transaction,
 * and a request with a key already stored gets that outcome back without writing again. So
 * a retry after an unclear failure can never write twice. Without a key, one is made, which
 * still lets a failed COMMIT be checked. `write` must use repositories on `db`'s file that
 * follow a reopen (liveDatabase's), since a suspect connection is replaced before writing.
 */
export function writeOnce<T>(db: Db, channel: string, key: string | undefined, write: () => T): T {
  const conn = writable(db);
  const id = key ?? randomUUID();
  const statements = statementsFor(conn);
  let staged: { value: T };
  try {
    conn.exec('BEGIN IMMEDIATE');
    const first = statements.get.get(id);
    if (first) {
      conn.exec('ROLLBACK');
      return replay<T>(first, channel);
    }
    const value = write();
    statements.put.run(id, channel, JSON.stringify(value ?? null));
    const cutoff = new Date(Date.now() - KEY_RETENTION_DAYS * 86_400_000).toISOString();
    statements.prune.run(cutoff);
    staged = { value };
  } catch (error) {
    // Before COMMIT nothing reached the file, so the error's own sentence is the truth.
    rollback(conn);
    if (isIoFailure(error)) suspect.add(conn);
    throw toMicroblogError(error);
  }
  try {
    conn.exec('COMMIT');
  } catch (error) {
    rollback(conn);
    return settle<T>(conn, channel, id, error);
  }
  return staged.value;
}
