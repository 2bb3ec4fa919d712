/**
 * Recovery SQLite does itself, done in the open: a hot rollback journal means a write was cut
 * off (a crash, a kill, a power cut). SQLite rolls it back on the next read-write open, which
 * a read-only look cannot do. The file and its journal are copied into `backups/` first, so
 * the state before the rollback can always be had again.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from '../db/connection';
import { backupFolder, backupLabel, backupTimestamp } from '../data/backups';
import { copyDurably, firstFreeName, fsyncPath } from '../shared/durable-file';

export interface Recovered {
  /** The copy of the file as it was; its journal is beside it with `-journal`. */
  copy: string;
  /** True when nothing was left: a first run cut off before its first commit. */
  wasEmpty: boolean;
}

/** Copies the file and its journal aside, then lets SQLite roll the journal back. */
export function recoverHotJournal(
  dbPath: string,
  options: { now?: Date; busyTimeoutMs?: number } = {},
): Recovered {
  const folder = backupFolder(dbPath);
  fs.mkdirSync(folder, { recursive: true });
  const stamp = backupTimestamp(options.now ?? new Date());
  // Not named `-before-`: the pair is evidence, not a backup to restore without its journal.
  const copy = firstFreeName(folder, `${backupLabel(dbPath)}-${stamp}-with-hot-journal`);
  try {
    copyDurably(dbPath, copy);
    copyDurably(`${dbPath}-journal`, `${copy}-journal`);
    fsyncPath(folder);
  } catch (error) {
    for (const leftover of [copy, `${copy}-journal`]) fs.rmSync(leftover, { force: true });
    throw error;
  }
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    // The first read takes the shared lock, finds the journal hot and plays it back.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    db.close();
  }
  const wasEmpty = fs.statSync(dbPath).size === 0;
  if (wasEmpty) {
    // Rolled back to nothing: the copy above keeps what there was, and the start is fresh.
    fs.rmSync(dbPath);
    fsyncPath(path.dirname(dbPath));
  }
  return { copy, wasEmpty };
}
