import type { Db } from './connection';
import { toMicroblogError } from './errors';
import { createPostRepository } from './posts';
import { bodyProblem } from './rules';

/** A post as its profile's repository holds it, already checked against the lexicon. */
export interface RepositoryPost {
  rkey: string;
  cid: string;
  text: string;
  createdAt: string;
}

export type ImportResult = 'added' | 'known' | 'skipped';

const TID_KEY = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/**
 * Brings a linked profile's own posts back from its repository (a second computer), keyed by
 * record key: a post already here, whichever computer wrote it, is never added twice.
 */
export function createRecordImport(db: Db) {
  const posts = createPostRepository(db);
  const known = db
    .prepare<[number, string], number>(`SELECT 1 FROM post_records WHERE user_id = ? AND rkey = ?`)
    .pluck();
  const keep = db.prepare<[number, number, string, string, string]>(
    `INSERT INTO post_records (post_id, user_id, rkey, cid, published_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (post_id) DO UPDATE SET rkey = excluded.rkey, cid = excluded.cid, published_at = excluded.published_at`,
  );
  const unqueue = db.prepare<[number]>(`DELETE FROM outbox WHERE post_id = ?`);

  // The post, its record key and confirmation commit together; the insert trigger may have queued
  // it as a new post, which it is not: it is already in the repository.
  const add = db.transaction((userId: number, post: RepositoryPost, timestamp: string) => {
    const saved = posts.create({ body: post.text, userId, timestamp });
    keep.run(saved.id, userId, post.rkey, post.cid, new Date().toISOString());
    unqueue.run(saved.id);
  });

  return {
    /** Adds one repository post unless it is here already, or cannot be a Microblog post (too long, odd key). */
    importPost(userId: number, post: RepositoryPost): ImportResult {
      if (known.get(userId, post.rkey) !== undefined) return 'known';
      const time = new Date(post.createdAt);
      if (!TID_KEY.test(post.rkey) || Number.isNaN(time.getTime()) || bodyProblem(post.text))
        return 'skipped';
      try {
        add(userId, post, time.toISOString());
        return 'added';
      } catch (error) {
        throw toMicroblogError(error);
      }
    },
  };
}

export type RecordImport = ReturnType<typeof createRecordImport>;
