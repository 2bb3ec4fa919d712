import fs from 'node:fs';
import path from 'node:path';
import { backupTimestamp } from '../data/backups';
import { firstFreeName, fsyncPath } from '../shared/durable-file';

/** SQLite's own files that belong to a database: they must move with it, or they would be replayed onto the restored copy. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const;

export interface RestoreResult {
  /** Where the file that was in place now is (null if there was none). Never deleted. */
  setAside: string | null;
  /** The database path, now holding a copy of the backup. */
  restored: string;
}

/**
 * Puts a backup back in place of the database. The backup is first copied next to the
 * database under a temporary name and flushed; only then is the current file (with its
 * -wal/-shm) renamed aside as `<name>-replaced-<time>.db`, never deleted, and the copy renamed
 * into place. If any step fails, the files that were moved are put back, so the database path
 * never ends up empty. The backup itself stays.
 */
export function restoreBackup(options: { dbPath: string; backupPath: string; now?: Date }): RestoreResult {
  const { dbPath, backupPath } = options;
  // lstat: a symbolic link named like a backup would copy a file from outside backups/.
  if (!fs.lstatSync(backupPath).isFile()) throw new Error(`The backup ${backupPath} is not a file.`);
  const folder = path.dirname(dbPath);
  const stem = path.parse(dbPath).name;

  const partial = `${dbPath}.restoring`;
  const moved: { from: string; to: string }[] = [];
  let setAside: string | null = null;
  try {
    fs.copyFileSync(backupPath, partial);
    fsyncPath(partial);
    const present = ['', ...SIDECARS].filter((suffix) => fs.existsSync(dbPath + suffix));
    if (present.length > 0) {
      setAside = firstFreeName(folder, `${stem}-replaced-${backupTimestamp(options.now ?? new Date())}`);
      for (const suffix of present) {
        fs.renameSync(dbPath + suffix, setAside + suffix);
        moved.push({ from: dbPath + suffix, to: setAside + suffix });
      }
    }
    fs.renameSync(partial, dbPath);
    fsyncPath(folder);
  } catch (error) {
    for (const { from, to } of moved.reverse()) fs.renameSync(to, from);
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { setAside, restored: dbPath };
}
