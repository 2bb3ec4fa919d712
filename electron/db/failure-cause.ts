/**
 * Tells damage from trouble around the file. SQLite says SQLITE_IOERR or SQLITE_CANTOPEN both
 * for a failing disk and for a full one, a missing permission or too many open files, and
 * better-sqlite3 does not pass the errno on; so on such an error a small probe file is written
 * in the database's folder, and the errno the probe gets names the cause.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseRefusedError, type RefusalReason } from './refusals';

const ERRNO_REASONS: Record<string, RefusalReason> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EIO: 'io-error',
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'read-only',
  EMFILE: 'too-many-files',
  ENFILE: 'too-many-files',
  EBUSY: 'busy',
};

/** Enough bytes that a full disk shows (SQLite's -shm needs 32 KiB at once). */
const PROBE_BYTES = 64 * 1024;

/** Writes, flushes and removes a probe file beside `file`; the errno it failed with, or null. */
export function probeFolder(file: string): string | null {
  const probe = path.join(path.dirname(file), `.${path.basename(file)}-probe-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(probe, 'w');
    // Written at an offset, as SQLite writes (pwrite), so the probe meets what SQLite met.
    fs.writeSync(fd, Buffer.alloc(PROBE_BYTES, 1), 0, PROBE_BYTES, 0);
    fs.fsyncSync(fd);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  } finally {
    if (fd !== undefined) {
      fs.closeSync(fd);
      fs.rmSync(probe, { force: true });
    }
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** True for SQLite's and the OS's words for "someone else holds the lock". */
export function isBusy(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * The refusal an error from reading or opening `file` amounts to, or null when it is not one
 * this module understands (the caller rethrows it). Corruption is only what SQLite reports
 * as corruption; I/O trouble is asked of the folder first.
 */
export function refusalFor(error: unknown, file: string): DatabaseRefusedError | null {
  if (error instanceof DatabaseRefusedError) return error;
  const code = codeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return new DatabaseRefusedError('not-a-database', file, detail);
  if (code.startsWith('SQLITE_CORRUPT')) return new DatabaseRefusedError('corrupt', file, detail);
  if (isBusy(error)) return new DatabaseRefusedError('busy', file, detail);
  if (code === 'SQLITE_FULL') return new DatabaseRefusedError('disk-full', file, detail);
  if (code === 'SQLITE_READONLY_ROLLBACK') return new DatabaseRefusedError('hot-journal', file, detail);
  const fromErrno = ERRNO_REASONS[code];
  if (fromErrno) return new DatabaseRefusedError(fromErrno, file, detail);
  const environmental =
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_NOMEM';
  if (!environmental) return null;
  const probed = probeFolder(file);
  const reason = probed === null ? undefined : ERRNO_REASONS[probed];
  if (reason) return new DatabaseRefusedError(reason, file, `${detail} (probe: ${probed})`);
  if (code.startsWith('SQLITE_READONLY')) return new DatabaseRefusedError('read-only', file, detail);
  if (code.startsWith('SQLITE_CANTOPEN')) return new DatabaseRefusedError('permission', file, detail);
  return new DatabaseRefusedError('io-error', file, detail);
}
