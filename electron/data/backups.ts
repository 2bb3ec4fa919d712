import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/index';
import { parseHeader, readStart } from '../db/file-forensics';
import { firstFreeName, fsyncPath } from '../shared/durable-file';

/** How many pre-migration backups are kept per database unless told otherwise. */
export const DEFAULT_KEEP_BACKUPS = 5;

/** The folder next to the database that holds its backups. */
export function backupFolder(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups');
}

/** `2026-11-23T21:40:00.123Z` → `2026-11-23T21-40-00Z`: sortable, and valid on every file system. */
export function backupTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

const STAMP = String.raw`(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What names this database's backups: `microblog` for `microblog.db`, the whole file name for
 * any other extension, so `notes.db` and `notes.sqlite` in one folder never share backups.
 */
export function backupLabel(dbPath: string): string {
  const { name, ext, base } = path.parse(dbPath);
  return ext === '.db' ? name : base;
}

/** `<label>-<time>-before-<target>[-n].db` or `<label>-<time>-manual[-n].db` for this database, and nothing else. */
function backupPattern(dbPath: string): RegExp {
  const stem = escapeRegExp(backupLabel(dbPath));
  return new RegExp(`^${stem}-${STAMP}-(before-[A-Za-z0-9._-]+?|manual)(?:-(\\d+))?\\.db$`);
}

/** Why a backup was made: before a migration ran, or because the user asked. */
export type BackupReason = 'before-migration' | 'manual';

export interface BackupFile {
  path: string;
  /** When it was made: the file system's record of its last write (its name's time if that record is ahead of the clock). */
  takenAt: Date;
  reason: BackupReason;
  /** Its size in bytes. */
  size: number;
}

/** A name's time, or null for an impossible one (month 13, 25 o'clock). */
function stampTime(match: RegExpExecArray): Date | null {
  const [, date, hours, minutes, seconds] = match;
  const text = `${date}T${hours}:${minutes}:${seconds}.000Z`;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) || time.toISOString() !== text ? null : time;
}

/** Why a file named like a backup is not one we may list, or null when it is a regular SQLite file. */
function notABackup(file: string): string | null {
  const stat = fs.lstatSync(file);
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (!stat.isFile()) return 'not a regular file';
  return parseHeader(readStart(file, 100)) === null ? 'not an SQLite database' : null;
}

/**
 * This database's backups, newest first. Only regular SQLite files inside `backups/` count;
 * anything else named like one is skipped with a note in the log. They are ordered by a time
 * we trust, the file's modification time rather than its name, and a time ahead of the clock
 * (a clock once set ahead) counts as the oldest.
 */
export function listBackups(dbPath: string, now: Date = new Date()): BackupFile[] {
  const folder = backupFolder(dbPath);
  const pattern = backupPattern(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: (BackupFile & { order: number })[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const file = path.join(folder, name);
    const problem = notABackup(file);
    if (problem !== null) {
      console.warn(`Skipping ${file} in the backups folder: ${problem}.`);
      continue;
    }
    const named = stampTime(match);
    const stat = fs.statSync(file);
    const written = stat.mtime;
    // A time ahead of the clock (a clock once set ahead) is not trusted: such backups sort as the oldest.
    const takenAt = written > now && named !== null && named <= now ? named : written;
    const reason: BackupReason = match[5] === 'manual' ? 'manual' : 'before-migration';
    found.push({
      path: file,
      takenAt,
      reason,
      size: stat.size,
      order: takenAt > now ? -1 : takenAt.getTime(),
    });
  }
  return found
    .sort((a, b) => b.order - a.order || (a.path < b.path ? 1 : -1))
    .map(({ path: file, takenAt, reason, size }) => ({ path: file, takenAt, reason, size }));
}

/** The newest backup of this database, or null: never throws, so a refusal always reaches the user. */
export function latestBackup(dbPath: string): BackupFile | null {
  try {
    return listBackups(dbPath)[0] ?? null;
  } catch (error) {
    console.error(`The backups folder of ${dbPath} could not be read:`, error);
    return null;
  }
}

/**
 * Copies the open database with SQLite's online backup API into `backups/`, named with the
 * time and the migration it precedes. Written under a temporary name and renamed, so a
 * backup that is listed is always complete.
 */
export async function backupBeforeMigrating(
  db: Db,
  dbPath: string,
  target: string,
  options: { now?: Date } = {},
): Promise<string> {
  return writeBackup(db, dbPath, `before-${target}`, options.now ?? new Date());
}

/** A backup the user asked for (Back up now, `npm run db -- backup`), made the same way. */
export async function backupNow(db: Db, dbPath: string, options: { now?: Date } = {}): Promise<string> {
  return writeBackup(db, dbPath, 'manual', options.now ?? new Date());
}

async function writeBackup(db: Db, dbPath: string, suffix: string, now: Date): Promise<string> {
  const folder = backupFolder(dbPath);
  fs.mkdirSync(folder, { recursive: true });
  const destination = firstFreeName(folder, `${backupLabel(dbPath)}-${backupTimestamp(now)}-${suffix}`);
  const partial = `${destination}.partial`;
  try {
    await db.backup(partial);
    // A copy of a WAL database is in WAL mode too; make it one self-contained file that can be
    // copied, opened read-only or restored without -wal/-shm companions.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    fs.renameSync(partial, destination);
    // The migration that follows commits durably; so must the backup's name in the folder.
    fsyncPath(folder);
  } catch (error) {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) {
      fs.rmSync(leftover, { force: true });
    }
    throw error;
  }
  return destination;
}

/**
 * Deletes all but the newest `keep` backups of this database; only regular SQLite files this
 * app named, and never `justMade`, whatever the other names say.
 */
export function pruneBackups(dbPath: string, keep: number, justMade?: string): string[] {
  const others = listBackups(dbPath).filter((backup) => backup.path !== justMade);
  const old = others.slice(Math.max(keep - (justMade ? 1 : 0), justMade ? 0 : 1));
  for (const backup of old) fs.rmSync(backup.path, { force: true });
  return old.map((backup) => backup.path);
}

/** The settings key of how many backups to keep. */
export const KEEP_BACKUPS_KEY = 'keep_backups';

/**
 * How many backups the user asked to keep, or undefined (never set, or a database from before
 * the settings table). Read with plain SQL because startup reads it before migrating.
 */
export function keepBackupsSetting(db: Db): number | undefined {
  try {
    const value = db
      .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
      .pluck()
      .get(KEEP_BACKUPS_KEY);
    const keep = Number(value);
    return value !== undefined && Number.isInteger(keep) && keep >= 1 ? keep : undefined;
  } catch {
    return undefined;
  }
}
