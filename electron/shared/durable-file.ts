/** Writing files so that they survive a crash or a power cut, shared by backups and restore. */
import fs from 'node:fs';
import path from 'node:path';

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

/** `<folder>/<base>.db`, or `<base>-2.db`, `<base>-3.db`, ...: the first name nothing uses yet. */
export function firstFreeName(folder: string, base: string): string {
  let candidate = path.join(folder, `${base}.db`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(folder, `${base}-${n}.db`);
  return candidate;
}

/** Copies `from` to `to` and flushes the copy (never overwriting: `to` must not exist). */
export function copyDurably(from: string, to: string): void {
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  fsyncPath(to);
}
