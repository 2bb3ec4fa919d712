import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/index';

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

const STAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What names this database's backups: `microblog` for `microblog.db`, the whole file name for
 * any other extension, so `notes.db` and `notes.sqlite` in one folder never share backups.
 */
function backupLabel(dbPath: string): string {
  const { name, ext, base } = path.parse(dbPath);
  return ext === '.db' ? name : base;
}

/** `<label>-<time>-before-<target>[-n].db` for this database, and nothing else. */
function backupPattern(dbPath: string): RegExp {
  const stem = escapeRegExp(backupLabel(dbPath));
  return new RegExp(`^${stem}-(${STAMP})-before-[A-Za-z0-9._-]+?(?:-(\\d+))?\\.db$`);
}

export interface BackupFile {
  path: string;
  /** When it was made, from its name. */
  takenAt: Date;
}

/** This database's backups, newest first (by the time in their names, then by their counter). */
export function listBackups(dbPath: string): BackupFile[] {
  const folder = backupFolder(dbPath);
  const pattern = backupPattern(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => {
      const stamp = match[1] as string;
      const [date, time] = stamp.split('T') as [string, string];
      return {
        path: path.join(folder, name),
        takenAt: new Date(`${date}T${time.replace(/-/g, ':').replace(/:Z$/, 'Z')}`),
        order: `${stamp}-${(match[2] ?? '0').padStart(6, '0')}`,
      };
    })
    .sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0))
    .map(({ path: file, takenAt }) => ({ path: file, takenAt }));
}

/** The newest backup of this database, or null. */
export function latestBackup(dbPath: string): BackupFile | null {
  return listBackups(dbPath)[0] ?? null;
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
  const now = options.now ?? new Date();
  const folder = backupFolder(dbPath);
  fs.mkdirSync(folder, { recursive: true });
  const base = `${backupLabel(dbPath)}-${backupTimestamp(now)}-before-${target}`;
  let destination = path.join(folder, `${base}.db`);
  for (let n = 2; fs.existsSync(destination); n++) destination = path.join(folder, `${base}-${n}.db`);
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

/** Flushes a file's or a folder's contents to disk (folders: best effort, not every OS allows it). */
export function fsyncPath(target: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    if (!fs.statSync(target).isDirectory()) throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Deletes all but the newest `keep` backups of this database; only files this app named. */
export function pruneBackups(dbPath: string, keep: number): string[] {
  const old = listBackups(dbPath).slice(Math.max(keep, 1));
  for (const backup of old) fs.rmSync(backup.path, { force: true });
  return old.map((backup) => backup.path);
}
