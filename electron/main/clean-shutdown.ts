/**
 * The clean-shutdown marker: a small file beside the database, written durably after the app
 * closed its connection on quit, and taken away (durably) by the next start before anything is
 * written. A start that finds it, describing the file exactly as it is now, knows the previous
 * run ended cleanly and that nothing touched the file since, so it may skip the full
 * `quick_check`. Any doubt (no marker, an unreadable one, a file changed since, a `-wal` or
 * `-journal` beside it) means a full check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fsyncPath } from '../shared/durable-file';

/** The marker's name beside `dbPath`. */
export function cleanShutdownMarker(dbPath: string): string {
  return `${dbPath}.clean-shutdown`;
}

/** What identifies one state of the file: inode, size and change times in nanoseconds. */
function fingerprint(dbPath: string): string {
  const stat = fs.statSync(dbPath, { bigint: true });
  return JSON.stringify({
    dev: String(stat.dev),
    ino: String(stat.ino),
    size: String(stat.size),
    mtimeNs: String(stat.mtimeNs),
    ctimeNs: String(stat.ctimeNs),
  });
}

/** A sidecar with content means SQLite still has something to apply or roll back. */
function hasSidecar(dbPath: string): boolean {
  return ['-wal', '-journal'].some((suffix) => {
    try {
      return fs.statSync(`${dbPath}${suffix}`).size > 0;
    } catch {
      return false;
    }
  });
}

/**
 * Records that the file was closed cleanly and is as it is now. Written to a temporary name,
 * flushed, renamed and the folder flushed, so a power cut leaves either no marker or a whole one.
 * Never throws: without a marker the next start simply checks the whole file.
 */
export function writeCleanShutdown(dbPath: string): void {
  const marker = cleanShutdownMarker(dbPath);
  const temporary = `${marker}.tmp`;
  try {
    if (hasSidecar(dbPath)) return;
    fs.writeFileSync(temporary, fingerprint(dbPath));
    fsyncPath(temporary);
    fs.renameSync(temporary, marker);
    fsyncPath(path.dirname(marker));
  } catch (error) {
    console.warn('Could not record the clean shutdown; the next start checks the whole file:', error);
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * True when the previous run closed this very file cleanly. The marker is removed (and the
 * removal flushed) first, whatever it says, so a crash in this run is never taken for a clean end;
 * when it cannot be removed, the answer is false.
 */
export function takeCleanShutdown(dbPath: string): boolean {
  const marker = cleanShutdownMarker(dbPath);
  let recorded: string;
  try {
    recorded = fs.readFileSync(marker, 'utf8');
  } catch {
    return false;
  }
  try {
    fs.rmSync(marker);
    fsyncPath(path.dirname(marker));
    return !hasSidecar(dbPath) && recorded === fingerprint(dbPath);
  } catch (error) {
    console.warn('Could not use the clean-shutdown marker; checking the whole file:', error);
    return false;
  }
}
