import type { Db } from './connection';
import { say } from './sentences';
import { decodeCursor, encodeCursor } from './cursor';
import { MicroblogError, profileNotFound, toMicroblogError } from './errors';
import { PAGE_SIZE_MAX, PAGE_SIZE_SENTENCE, bodyProblem } from './rules';

import type { NewPost, Page, PageOptions, Post, TimelinePost } from './models';

export type { NewPost, Page, PageOptions, Post, TimelinePost } from './models';

const DEFAULT_PAGE_SIZE = 20;
const POST = `p.id AS id, p.body AS body, p.timestamp AS timestamp, p.user_id AS userId`;
const NEWEST_FIRST = `ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`;

function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_SIZE_MAX) {
    throw new MicroblogError('INVALID_INPUT', PAGE_SIZE_SENTENCE, 'limit');
  }
  return size;
}

/** Fetches one row more than asked, to know whether another page follows without a count. */
function toPage<T extends Post>(rows: T[], size: number): Page<T> {
  if (rows.length <= size) return { items: rows, nextCursor: null };
  const items = rows.slice(0, size);
  const last = items[items.length - 1] as T;
  return { items, nextCursor: encodeCursor(last) };
}

/** Posts over prepared statements; pages are keyset-paged on (timestamp, id). */
export function createPostRepository(db: Db) {
  const insert = db.prepare<[string, string, number]>(
    `INSERT INTO posts (body, timestamp, user_id) VALUES (?, ?, ?)`,
  );
  const byId = db.prepare<[number], Post>(`SELECT ${POST} FROM posts p WHERE p.id = ?`);
  const timelineFirst = db.prepare<[number], TimelinePost>(
    `SELECT ${POST}, u.username AS username FROM posts p JOIN users u ON u.id = p.user_id ${NEWEST_FIRST}`,
  );
  const timelineAfter = db.prepare<[string, number, number], TimelinePost>(
    `SELECT ${POST}, u.username AS username FROM posts p JOIN users u ON u.id = p.user_id
     WHERE (p.timestamp, p.id) < (?, ?) ${NEWEST_FIRST}`,
  );
  const userFirst = db.prepare<[number, number], Post>(
    `SELECT ${POST} FROM posts p WHERE p.user_id = ? ${NEWEST_FIRST}`,
  );
  const userAfter = db.prepare<[number, string, number, number], Post>(
    `SELECT ${POST} FROM posts p WHERE p.user_id = ? AND (p.timestamp, p.id) < (?, ?) ${NEWEST_FIRST}`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM posts WHERE id = ?`);
  const removeOwn = db.prepare<[number, number]>(`DELETE FROM posts WHERE id = ? AND user_id = ?`);
  const count = db.prepare<[], number>(`SELECT count(*) FROM posts`).pluck();

  return {
    /** Saves a post; fails with BODY_EMPTY, BODY_TOO_LONG, INVALID_INPUT or USER_NOT_FOUND. */
    create(input: NewPost): Post {
      const problem = bodyProblem(input.body);
      if (problem) throw new MicroblogError(problem.code, problem.message, 'body');
      if (!Number.isSafeInteger(input.userId) || input.userId < 1) throw profileNotFound();
      const timestamp = input.timestamp ?? new Date().toISOString();
      try {
        const { lastInsertRowid } = insert.run(input.body, timestamp, input.userId);
        return { id: Number(lastInsertRowid), body: input.body, timestamp, userId: input.userId };
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** The post with this id, or undefined. */
    get(id: number): Post | undefined {
      return byId.get(id);
    },

    /** All posts, newest first, with their authors' usernames. */
    timeline(options: PageOptions = {}): Page<TimelinePost> {
      const size = pageSize(options.limit);
      if (!options.cursor) return toPage(timelineFirst.all(size + 1), size);
      const { timestamp, id } = decodeCursor(options.cursor);
      return toPage(timelineAfter.all(timestamp, id, size + 1), size);
    },

    /** One profile's posts, newest first. */
    byUser(userId: number, options: PageOptions = {}): Page<Post> {
      const size = pageSize(options.limit);
      if (!options.cursor) return toPage(userFirst.all(userId, size + 1), size);
      const { timestamp, id } = decodeCursor(options.cursor);
      return toPage(userAfter.all(userId, timestamp, id, size + 1), size);
    },

    /** Deletes a post; with `authorId`, only if that profile wrote it. Fails with POST_NOT_FOUND. */
    delete(id: number, authorId?: number): void {
      const { changes } = authorId === undefined ? remove.run(id) : removeOwn.run(id, authorId);
      if (changes === 0) throw new MicroblogError('POST_NOT_FOUND', say('errors.postGone'), 'postId');
    },

    /** How many posts there are in all. */
    count(): number {
      return count.get() ?? 0;
    },
  };
}

export type PostRepository = ReturnType<typeof createPostRepository>;
