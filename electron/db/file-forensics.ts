/**
 * What can be learnt about a database file from its bytes and its sidecars, before SQLite
 * opens it: the 100-byte header, the length the header promises, and the `-journal` beside it.
 * Nothing here writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseRefusedError } from './refusals';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The first 8 bytes of every rollback journal header (SQLite's pager.c, `aJournalMagic`). */
const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

export interface DatabaseHeader {
  pageSize: number;
  /** 2 when the file is in WAL mode (bytes 18 and 19). */
  writeVersion: number;
  changeCounter: number;
  /** Pages according to the header; only trustworthy when `pageCountValid`. */
  pageCount: number;
  pageCountValid: boolean;
  /** `PRAGMA user_version`: Microblog keeps a random number there that names the file (see `ensureFileId`). */
  userVersion: number;
}

/** Reads up to `length` bytes from the start of a file. */
export function readStart(file: string, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(length);
    return bytes.subarray(0, fs.readSync(fd, bytes, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** The header's facts, or null when the file does not start with SQLite's magic string. */
export function parseHeader(bytes: Buffer): DatabaseHeader | null {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(MAGIC)) return null;
  const raw = bytes.readUInt16BE(16);
  const changeCounter = bytes.readUInt32BE(24);
  const pageCount = bytes.readUInt32BE(28);
  return {
    pageSize: raw === 1 ? 65536 : raw,
    writeVersion: bytes[18] ?? 0,
    changeCounter,
    pageCount,
    // The in-header page count is trustworthy only when it was written with the change counter.
    pageCountValid: pageCount > 0 && changeCounter === bytes.readUInt32BE(92),
    userVersion: bytes.readUInt32BE(60),
  };
}

/** Page size must be a power of two; a file shorter than its header says was cut off. */
export function checkLength(file: string, header: DatabaseHeader, size: number): void {
  const { pageSize } = header;
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  if (!validPageSize) throw new DatabaseRefusedError('corrupt', file, `page size ${pageSize}`);
  if (size % pageSize !== 0) {
    throw new DatabaseRefusedError(
      'corrupt',
      file,
      `size ${size} is not a multiple of page size ${pageSize}`,
    );
  }
  if (header.pageCountValid && size < header.pageCount * pageSize) {
    throw new DatabaseRefusedError(
      'corrupt',
      file,
      `${size} bytes, header says ${header.pageCount * pageSize}`,
    );
  }
}

/** The size of a file, or null when there is none. */
export function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * What the `-journal` beside the file is, as SQLite would judge it: `none` when missing, empty
 * or starting with a zero byte (SQLite ignores those); `hot` when it is a rollback journal whose
 * page size matches the file (SQLite rolls it back on the next read-write open); `stray` for
 * anything else, which SQLite cannot use.
 */
export function journalState(file: string, header: DatabaseHeader | null): 'none' | 'hot' | 'stray' {
  const journal = `${file}-journal`;
  const size = sizeOf(journal);
  if (size === null || size === 0) return 'none';
  const start = readStart(journal, 28);
  if (start[0] === 0) return 'none';
  if (start.length < 28 || !start.subarray(0, 8).equals(JOURNAL_MAGIC)) return 'stray';
  // Header: magic, record count, nonce, initial page count, sector size, page size.
  const journalPageSize = start.readUInt32BE(24);
  if (header !== null && journalPageSize !== header.pageSize) return 'stray';
  return 'hot';
}

function isWritable(target: string, mode: number): boolean {
  // Root may write anything, so honour the mode bits as the user's intent.
  if ((mode & 0o222) === 0) return false;
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The file, and its folder: WAL keeps its -wal and -shm files beside the database. */
export function isReadOnly(file: string, mode: number): boolean {
  const folder = path.dirname(file);
  return !isWritable(file, mode) || !isWritable(folder, fs.statSync(folder).mode);
}
