import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** How long a writer waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  readonly?: boolean;
  /**
   * Leave the journal mode as the file has it (startup switches to WAL only after migrating:
   * the switch rewrites the header, and a failed migration must leave the file byte-identical).
   */
  keepJournalMode?: boolean;
}

/**
 * Opens (creating if needed) the database file with Microblog's pragmas:
 * - WAL: readers never block the writer, and a crash mid-write leaves the file intact;
 * - synchronous=FULL: every commit is fsynced before it returns, so a post the user saw
 *   saved survives a power cut (NORMAL in WAL mode may lose the last commits);
 * - foreign_keys=ON: posts cannot outlive their author;
 * - busy_timeout: a second writer (the seed tool, a second window) waits instead of failing.
 * Callers must run the startup guard first; this function does not inspect the file.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      if (!options.keepJournalMode) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // Schemas are ours alone; never run functions from a schema another tool wrote.
    db.pragma('trusted_schema = OFF');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The pragmas as SQLite reports them, for the app-info screen and the benchmark. */
export function readPragmas(db: Db): Record<string, unknown> {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
  };
}
