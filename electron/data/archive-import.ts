/**
 * Import: check the whole archive first (archive-check.ts), then apply it in one transaction.
 * Profiles are matched by username ignoring case; a post already present (same author, time and
 * body) and a profile's existing draft are kept as they are, so importing the same archive twice
 * adds nothing the second time. The second read hashes the bytes again: if the file changed
 * between the two reads, the transaction is rolled back and nothing is imported.
 */
import { createHash } from 'node:crypto';
import { createRepositories, type Db } from '../db/index';
import { ArchiveProblem, JobCancelled } from './archive-problem';
import { type JobHooks, checkArchive } from './archive-check';
import type { ArchiveRecord } from './archive-format';
import { readLines } from './archive-lines';

export interface ImportResult {
  profiles: number;
  posts: number;
  drafts: number;
  /** Profiles created without a password because the archive carried no hashes. */
  withoutPassword: string[];
}

/** Imports the archive at `file` into `db`; throws ArchiveProblem, with the database unchanged. */
export function importArchive(db: Db, file: string, hooks: JobHooks = {}): ImportResult {
  const checked = checkArchive(file, {
    ...hooks,
    onProgress: (p) => hooks.onProgress?.({ done: Math.floor(p.done / 2), total: p.total }),
  });
  const total = checked.header.counts.profiles + checked.header.counts.posts + checked.header.counts.drafts;
  const repos = createRepositories(db);
  const findUser = db.prepare<[string], { id: number; email: string }>(
    'SELECT id, email FROM users WHERE username = ?',
  );
  const emailOwner = db.prepare<[string], string>('SELECT username FROM users WHERE email = ?').pluck();
  const insertUser = db.prepare<[string, string, string | null]>(
    'INSERT INTO users (username, email, password_hash) VALUES (?, ?, ?)',
  );
  const postExists = db
    .prepare<[number, string, string], number>(
      'SELECT 1 FROM posts WHERE user_id = ? AND timestamp = ? AND body = ?',
    )
    .pluck();
  const draftExists = db.prepare<[number], number>('SELECT 1 FROM drafts WHERE user_id = ?').pluck();
  const insertDraft = db.prepare<[number, string, string]>(
    'INSERT INTO drafts (user_id, body, updated_at) VALUES (?, ?, ?)',
  );

  const apply = db.transaction((): ImportResult => {
    const ids = new Map<string, number>();
    const result: ImportResult = { profiles: 0, posts: 0, drafts: 0, withoutPassword: [] };
    const digest = createHash('sha256');
    let done = 0;
    let first = true;
    for (const line of readLines(file, digest)) {
      if (first || (line.text === '' && !line.terminated)) {
        first = false;
        continue;
      }
      // The check validated every line, and the hash compared below proves these are the same
      // bytes (the transaction rolls back otherwise), so the records are not validated twice.
      const record = JSON.parse(line.text) as ArchiveRecord;
      if (record.type === 'profile') {
        const key = record.username.toLowerCase();
        const existing = findUser.get(record.username);
        if (existing) {
          ids.set(key, existing.id);
        } else {
          const owner = emailOwner.get(record.email);
          if (owner !== undefined) {
            throw new ArchiveProblem(
              `The archive's profile "${record.username}" has the email of the profile "${owner}" here; change one of them first.`,
            );
          }
          const hash = record.passwordHash ?? null;
          ids.set(key, Number(insertUser.run(record.username, record.email, hash).lastInsertRowid));
          if (hash === null) result.withoutPassword.push(record.username);
          result.profiles++;
        }
      } else {
        const userId = ids.get(record.author.toLowerCase()) as number;
        if (record.type === 'post') {
          if (postExists.get(userId, record.timestamp, record.body) === undefined) {
            repos.posts.create({ userId, body: record.body, timestamp: record.timestamp });
            result.posts++;
          }
        } else if (draftExists.get(userId) === undefined) {
          insertDraft.run(userId, record.body, record.updatedAt);
          result.drafts++;
        }
      }
      done++;
      if (done % 1000 === 0) {
        if (hooks.cancel?.cancelled()) throw new JobCancelled();
        hooks.onProgress?.({ done: Math.floor((total + done) / 2), total });
      }
    }
    if (digest.digest('hex') !== checked.sha256) {
      throw new ArchiveProblem(
        'The archive changed while it was being imported; nothing was imported. Try again.',
      );
    }
    return result;
  });
  const result = apply.immediate();
  hooks.onProgress?.({ done: total, total });
  return result;
}
