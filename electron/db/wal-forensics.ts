/**
 * Reads a `-wal` file the way SQLite's recovery does (wal.c: the 32-byte header, then frames
 * whose salts match the header and whose running checksum holds), and judges whether it can
 * belong to the database file beside it. SQLite itself pairs the two by name only; what can be
 * compared is the page size and the database size that each commit records.
 */
import fs from 'node:fs';
import type { DatabaseHeader } from './file-forensics';

const WAL_MAGIC = 0x377f0682;
const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

export interface WalCommit {
  /** The pages written by this commit's frames. */
  pages: Set<number>;
  /** The database size in pages after the commit. */
  dbSize: number;
  /** The user_version in this commit's copy of page 1, if it wrote page 1. */
  userVersion: number | null;
}

export interface WalSummary {
  pageSize: number;
  checkpointSequence: number;
  salts: [number, number];
  /** The commits SQLite would replay, in order (frames after the last valid commit are ignored). */
  commits: WalCommit[];
}

function checksum(bytes: Buffer, bigEndian: boolean, start: [number, number]): [number, number] {
  let [s1, s2] = start;
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    const a = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const b = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s1 = (s1 + a + s2) >>> 0;
    s2 = (s2 + b + s1) >>> 0;
  }
  return [s1, s2];
}

/** The valid part of a WAL, or null when its header is not one SQLite would accept. */
export function readWal(bytes: Buffer): WalSummary | null {
  if (bytes.length < HEADER_BYTES) return null;
  const magic = bytes.readUInt32BE(0);
  if ((magic & 0xfffffffe) !== WAL_MAGIC) return null;
  const bigEndian = (magic & 1) === 1;
  const pageSize = bytes.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const salts: [number, number] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  let sums = checksum(bytes.subarray(0, 24), bigEndian, [0, 0]);
  if (sums[0] !== bytes.readUInt32BE(24) || sums[1] !== bytes.readUInt32BE(28)) return null;

  const commits: WalCommit[] = [];
  let pending = new Set<number>();
  let userVersion: number | null = null;
  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  for (let at = HEADER_BYTES; at + frameBytes <= bytes.length; at += frameBytes) {
    const frame = bytes.subarray(at, at + frameBytes);
    if (frame.readUInt32BE(8) !== salts[0] || frame.readUInt32BE(12) !== salts[1]) break;
    sums = checksum(frame.subarray(0, 8), bigEndian, sums);
    sums = checksum(frame.subarray(FRAME_HEADER_BYTES), bigEndian, sums);
    if (sums[0] !== frame.readUInt32BE(16) || sums[1] !== frame.readUInt32BE(20)) break;
    const page = frame.readUInt32BE(0);
    if (page === 0) break;
    pending.add(page);
    if (page === 1) userVersion = frame.readUInt32BE(FRAME_HEADER_BYTES + 60);
    const dbSize = frame.readUInt32BE(4);
    if (dbSize > 0) {
      commits.push({ pages: pending, dbSize, userVersion });
      pending = new Set();
      userVersion = null;
    }
  }
  return { pageSize, checkpointSequence: bytes.readUInt32BE(12), salts, commits };
}

/** Reads the `-wal` beside `file`; null when there is none or SQLite would ignore it. */
export function readWalBeside(file: string): WalSummary | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(`${file}-wal`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return readWal(bytes);
}

/**
 * Why this WAL cannot belong to a database with this header and size, or null when it can.
 * Its pages must have the file's page size; its copies of page 1 must carry the file's own
 * id (Microblog's random user_version; 0 until the app first started the file). And it either
 * records the file's current size in one of its commits (the file was checkpointed from it,
 * fully or in part), or its first commit starts from the file's size: every page it adds past
 * the file's end is written by that commit (or, for a VACUUM that shrinks it, every page).
 */
export function foreignWalReason(header: DatabaseHeader, fileSize: number, wal: WalSummary): string | null {
  if (wal.pageSize !== header.pageSize) {
    return `the -wal has pages of ${wal.pageSize} bytes, the database ${header.pageSize}`;
  }
  const first = wal.commits[0];
  if (!first) return null;
  const otherId = wal.commits.find((c) => c.userVersion !== null && c.userVersion !== header.userVersion);
  if (header.userVersion !== 0 && otherId) {
    return `the -wal's copy of the header names file ${otherId.userVersion}, the database is file ${header.userVersion}`;
  }
  const pages = header.pageCountValid ? header.pageCount : Math.floor(fileSize / header.pageSize);
  if (wal.commits.some((commit) => commit.dbSize === pages)) return null;
  const [from, to] = first.dbSize > pages ? [pages + 1, first.dbSize] : [1, first.dbSize];
  for (let page = from; page <= to; page++) {
    if (!first.pages.has(page)) {
      return `the database has ${pages} pages, and the -wal's first change starts from a database of another size (page ${page} is missing from it)`;
    }
  }
  return null;
}
