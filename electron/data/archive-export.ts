/**
 * Export: the whole database, or one profile, as a Microblog archive (archive-format.ts) or as a
 * CSV of posts. It reads inside one read transaction, so the archive is a consistent snapshot
 * even while the app keeps writing (WAL lets a reader beside the writer), and it writes under a
 * temporary name that is renamed only when complete: a cancelled or failed export leaves no
 * file under the chosen name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/index';
import { fsyncPath } from '../shared/durable-file';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveHeader } from './archive-format';
import { ArchiveProblem, JobCancelled } from './archive-problem';
import type { JobHooks } from './archive-check';
import { say } from '../db/sentences';

export type ExportFormat = 'json' | 'csv';

export interface ExportOptions {
  /** Only this profile (matched ignoring case); the whole database when absent. */
  username?: string | undefined;
  format?: ExportFormat;
  /** Include the password hashes (then the archive says so in its header). */
  passwordHashes?: boolean;
  now?: Date;
}

export interface ExportResult {
  file: string;
  profiles: number;
  posts: number;
  follows: number;
  drafts: number;
}

const FLUSH_BYTES = 256 * 1024;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe, as OWASP advises. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function selectUserIds(db: Db, username: string | undefined): number[] {
  if (username === undefined) return db.prepare<[], number>('SELECT id FROM users ORDER BY id').pluck().all();
  const id = db.prepare<[string], number>('SELECT id FROM users WHERE username = ?').pluck().get(username);
  if (id === undefined) throw new ArchiveProblem(say('archive.noProfile', { username }));
  return [id];
}

/** Writes the export of `db` to `out` and returns what it holds; `out` must not exist yet. */
export function exportArchive(
  db: Db,
  out: string,
  options: ExportOptions = {},
  hooks: JobHooks = {},
): ExportResult {
  if (fs.existsSync(out))
    throw new ArchiveProblem(`${out} already exists: choose another name, or delete it first.`);
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  const fd = fs.openSync(partial, 'wx');
  let chunks: string[] = [];
  let bytes = 0;
  const write = (text: string) => {
    chunks.push(text);
    bytes += text.length;
    if (bytes >= FLUSH_BYTES) flush();
  };
  const flush = () => {
    fs.writeSync(fd, chunks.join(''));
    chunks = [];
    bytes = 0;
  };
  try {
    db.exec('BEGIN');
    let result: Omit<ExportResult, 'file'>;
    try {
      result = writeSnapshot(db, write, options, hooks);
    } finally {
      db.exec('COMMIT');
    }
    flush();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, out);
    fsyncPath(path.dirname(out));
    return { file: out, ...result };
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed after a failed rename; the partial file is removed below either way.
    }
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

function writeSnapshot(
  db: Db,
  write: (text: string) => void,
  options: ExportOptions,
  hooks: JobHooks,
): Omit<ExportResult, 'file'> {
  const ids = selectUserIds(db, options.username);
  const scope = options.username === undefined ? '' : 'WHERE p.user_id = ?';
  const params = options.username === undefined ? [] : ids;
  const postCount =
    db
      .prepare<number[], number>(`SELECT count(*) FROM posts p ${scope}`)
      .pluck()
      .get(...params) ?? 0;
  const posts = db.prepare<
    number[],
    { id: number; author: string; timestamp: string; body: string; editedAt: string | null }
  >(
    `SELECT p.id AS id, u.username AS author, p.timestamp AS timestamp, p.body AS body, p.edited_at AS editedAt
     FROM posts p JOIN users u ON u.id = p.user_id ${scope} ORDER BY p.timestamp, p.id`,
  );
  const revisions = db.prepare<[number], { body: string; writtenAt: string }>(
    'SELECT body, written_at AS writtenAt FROM post_revisions WHERE post_id = ? ORDER BY id',
  );
  const profile = db.prepare<[number], ProfileRow>(
    `SELECT username, display_name AS displayName, email, about_me AS aboutMe, created_at AS createdAt,
       password_hash AS passwordHash, (SELECT image FROM avatars WHERE user_id = users.id) AS image
     FROM users WHERE id = ?`,
  );
  // One profile's archive holds no follows: each would name a profile it does not hold.
  const follows =
    options.username === undefined
      ? db
          .prepare<[], { follower: string; followed: string; createdAt: string }>(
            `SELECT a.username AS follower, b.username AS followed, f.created_at AS createdAt FROM follows f
             JOIN users a ON a.id = f.follower_id JOIN users b ON b.id = f.followed_id
             ORDER BY f.created_at, a.id, b.id`,
          )
          .all()
      : [];
  const draft = db.prepare<[number], { body: string; updatedAt: string }>(
    'SELECT body, updated_at AS updatedAt FROM drafts WHERE user_id = ?',
  );
  const drafts = ids.flatMap((id) => {
    const found = draft.get(id);
    return found ? [{ id, ...found }] : [];
  });
  const names = new Map(ids.map((id) => [id, profile.get(id)]));
  const total = ids.length + postCount + follows.length + drafts.length;
  let done = 0;
  const tick = () => {
    done++;
    if (done % 1000 !== 0) return;
    if (hooks.cancel?.cancelled()) throw new JobCancelled();
    hooks.onProgress?.({ done, total });
  };

  if (options.format === 'csv') {
    write(stringify([['author', 'timestamp', 'body']]));
    for (const row of posts.iterate(...params)) {
      write(stringify([[safeCell(row.author), row.timestamp, safeCell(row.body)]]));
      tick();
    }
    hooks.onProgress?.({ done: total, total });
    return { profiles: ids.length, posts: postCount, follows: 0, drafts: 0 };
  }

  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    profile: options.username === undefined ? null : (names.get(ids[0] as number)?.username ?? null),
    passwordHashes: options.passwordHashes === true,
    counts: { profiles: ids.length, posts: postCount, follows: follows.length, drafts: drafts.length },
  };
  write(`${JSON.stringify(header)}\n`);
  for (const id of ids) {
    const row = names.get(id);
    if (!row) continue;
    const hash = options.passwordHashes === true ? { passwordHash: row.passwordHash } : {};
    const { username, displayName, email, aboutMe, createdAt } = row;
    const avatar = row.image ? Buffer.from(row.image).toString('base64') : null;
    const fields = { username, displayName, email, aboutMe, createdAt };
    write(`${JSON.stringify({ type: 'profile', ...fields, avatar, ...hash })}\n`);
    tick();
  }
  for (const row of posts.iterate(...params)) {
    const earlier = row.editedAt === null ? [] : revisions.all(row.id);
    const record = { type: 'post', author: row.author, timestamp: row.timestamp, body: row.body };
    write(`${JSON.stringify({ ...record, editedAt: row.editedAt, revisions: earlier })}\n`);
    tick();
  }
  for (const row of follows) {
    write(`${JSON.stringify({ type: 'follow', ...row })}\n`);
    tick();
  }
  for (const row of drafts) {
    const author = names.get(row.id)?.username;
    write(`${JSON.stringify({ type: 'draft', author, updatedAt: row.updatedAt, body: row.body })}\n`);
    tick();
  }
  hooks.onProgress?.({ done: total, total });
  return { profiles: ids.length, posts: postCount, follows: follows.length, drafts: drafts.length };
}

interface ProfileRow {
  username: string;
  displayName: string | null;
  email: string | null;
  aboutMe: string | null;
  createdAt: string;
  passwordHash: string | null;
  image: Uint8Array | null;
}
