import { type Db, openDatabase } from './connection';
import { MicroblogError } from './errors';
import { type Repositories, createRepositories } from './index';
import { STORAGE_SENTENCES } from './sqlite-errors';

/** One database file as the app uses it: a connection that can be replaced after the disk failed. */
export interface LiveDatabase {
  /** The current connection (a new one after a reopen). */
  readonly db: Db;
  /** Repositories that always work on the current connection, so holders never keep a stale one. */
  readonly repos: Repositories;
  close(): void;
}

/** What a reopen gives: the new connection, and whether everything it sees is on disk. */
export interface Reopened {
  db: Db;
  /** True when a checkpoint copied the whole log into the database file and fsynced it. */
  durable: boolean;
}

const reopeners = new WeakMap<Db, () => Reopened | null>();

/**
 * Checkpoints the whole log into the database file. After a failed fsync the kernel may have
 * dropped the pages it could not write while a later fsync reports success; a checkpoint
 * writes every committed page again from the log, as read on a fresh connection, and fsyncs
 * the database file, so what the connection sees is what is on disk.
 */
function checkpointAll(db: Db): boolean {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    return row !== undefined && row.busy === 0 && row.log === row.checkpointed;
  } catch (error) {
    console.error('The checkpoint after reopening the database failed:', error);
    return false;
  }
}

/**
 * Serves `file` through `first`, and after an I/O failure through a new connection: the old
 * one is closed (SQLite's own cache and file handles go with it), the file is opened again
 * (SQLite rebuilds its log index from what is really in the file) and checkpointed.
 */
export function liveDatabase(file: string, first: Db): LiveDatabase {
  let db = first;
  let repos = createRepositories(db);
  let closed = false;
  const reopen = (): Reopened | null => {
    if (closed) return null;
    try {
      if (db.open) db.close();
    } catch (error) {
      // The handle is released even when SQLite reports the failure of its last checkpoint.
      console.error('Closing the database after an I/O error failed:', error);
    }
    let fresh: Db | undefined;
    try {
      fresh = openDatabase(file);
      // Preparing the statements reads the schema, which can fail on the same disk.
      repos = createRepositories(fresh);
    } catch (error) {
      console.error('Reopening the database failed:', error);
      if (fresh?.open) fresh.close();
      return null;
    }
    db = fresh;
    reopeners.set(fresh, reopen);
    return { db: fresh, durable: checkpointAll(fresh) };
  };
  reopeners.set(first, reopen);

  // A reopen that failed left no connection: try again on the next use, and until one opens,
  // every call says the disk failed (rather than "the connection is not open").
  const current = (): Db => {
    if (!db.open && !closed && reopen() === null) {
      throw new MicroblogError('STORAGE_ERROR', STORAGE_SENTENCES.STORAGE_ERROR);
    }
    return db;
  };
  const stable = {} as Repositories;
  for (const name of Object.keys(repos) as (keyof Repositories)[]) {
    Object.defineProperty(stable, name, {
      enumerable: true,
      get: () => {
        current();
        return repos[name];
      },
    });
  }
  return {
    get db() {
      return current();
    },
    repos: stable,
    close: () => {
      closed = true;
      if (db.open) db.close();
    },
  };
}

/**
 * Replaces a connection served by liveDatabase with a fresh one; null when `db` is not
 * served that way (then nobody can replace it) or the file would not open again.
 */
export function reopenConnection(db: Db): Reopened | null {
  return reopeners.get(db)?.() ?? null;
}
