import type { Db } from './connection';
import { decodeCursor } from './cursor';
import { MicroblogError, profileNotFound, toMicroblogError } from './errors';
import { createPostEdits } from './post-edits';
import { NEWEST_FIRST, OLDEST_FIRST, POST, pageSize, toNewerPage, toPage } from './post-pages';
import { extractTags } from './post-text';
import { createTagStatements } from './post-tags';
import { createPostUndo } from './post-undo';
import { TOUCH_LAST_SEEN_SQL, touchArguments } from './profiles';
import { bodyProblem } from './rules';

import type { NewPost, Page, PageOptions, Post, TimelinePost } from './models';

export type { NewPost, Page, PageDirection, PageOptions, Post, TimelinePost } from './models';

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
  // A cursor from cursorBefore (id 1) needs no tie-break, ids being positive: one compare a row.
  const timelineUntil = db.prepare<[string, number], TimelinePost>(
    `SELECT ${POST}, u.username AS username FROM posts p JOIN users u ON u.id = p.user_id
     WHERE p.timestamp < ? ${NEWEST_FIRST}`,
  );
  const userFirst = db.prepare<[number, number], Post>(
    `SELECT ${POST} FROM posts p WHERE p.user_id = ? ${NEWEST_FIRST}`,
  );
  const userAfter = db.prepare<[number, string, number, number], Post>(
    `SELECT ${POST} FROM posts p WHERE p.user_id = ? AND (p.timestamp, p.id) < (?, ?) ${NEWEST_FIRST}`,
  );
  const timelineNewer = db.prepare<[string, number, number], TimelinePost>(
    `SELECT ${POST}, u.username AS username FROM posts p JOIN users u ON u.id = p.user_id
     WHERE (p.timestamp, p.id) > (?, ?) ${OLDEST_FIRST}`,
  );
  const userNewer = db.prepare<[number, string, number, number], Post>(
    `SELECT ${POST} FROM posts p WHERE p.user_id = ? AND (p.timestamp, p.id) > (?, ?) ${OLDEST_FIRST}`,
  );
  const count = db.prepare<[], number>(`SELECT count(*) FROM posts`).pluck();
  const tags = createTagStatements(db);
  const undo = createPostUndo(db, tags);
  const touch = db.prepare<[string, number, string]>(TOUCH_LAST_SEEN_SQL);
  // A post, its tags and (when it is posted now) the author's last_seen commit together (a
  // savepoint inside a caller's transaction). An import with its own timestamp says nothing about
  // being seen; such a post without tags is one INSERT, as before there were tags.
  const saveAll = db.transaction(
    (body: string, timestamp: string, userId: number, found: string[], seen: Date | null) => {
      const id = Number(insert.run(body, timestamp, userId).lastInsertRowid);
      if (found.length > 0) tags.write(id, found, timestamp);
      if (seen) touch.run(...touchArguments(userId, seen));
      return id;
    },
  );
  const save = (body: string, timestamp: string, userId: number, seen: Date | null): number => {
    const found = extractTags(body);
    if (found.length === 0 && seen === null)
      return Number(insert.run(body, timestamp, userId).lastInsertRowid);
    return saveAll(body, timestamp, userId, found, seen);
  };

  return {
    /** Saves a post; fails with BODY_EMPTY, BODY_TOO_LONG, INVALID_INPUT or USER_NOT_FOUND. */
    create(input: NewPost): Post {
      const problem = bodyProblem(input.body);
      if (problem) throw new MicroblogError(problem.code, problem.message, 'body');
      if (!Number.isSafeInteger(input.userId) || input.userId < 1) throw profileNotFound();
      const seen = input.timestamp === undefined ? new Date() : null;
      const timestamp = input.timestamp ?? (seen as Date).toISOString();
      try {
        const id = save(input.body, timestamp, input.userId, seen);
        return { id, body: input.body, timestamp, userId: input.userId, editedAt: null };
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
      if (options.direction === 'newer') {
        return toNewerPage(timelineNewer.all(timestamp, id, size + 1), size, options.cursor);
      }
      if (id === 1) return toPage(timelineUntil.all(timestamp, size + 1), size, options.cursor);
      return toPage(timelineAfter.all(timestamp, id, size + 1), size, options.cursor);
    },

    /** One profile's posts, newest first. */
    byUser(userId: number, options: PageOptions = {}): Page<Post> {
      const size = pageSize(options.limit);
      if (!options.cursor) return toPage(userFirst.all(userId, size + 1), size);
      const { timestamp, id } = decodeCursor(options.cursor);
      if (options.direction === 'newer') {
        return toNewerPage(userNewer.all(userId, timestamp, id, size + 1), size, options.cursor);
      }
      return toPage(userAfter.all(userId, timestamp, id, size + 1), size, options.cursor);
    },

    /**
     * Deletes a post, keeping a snapshot for Undo in the same transaction; with `authorId`,
     * only if that profile wrote it. Fails with POST_NOT_FOUND.
     */
    delete(id: number, authorId?: number): void {
      undo.remove(id, authorId);
    },

    /** Puts a deleted post back as it was; fails with POST_NOT_FOUND once its Undo is gone. */
    restore: undo.restore,

    /** Forgets every Undo snapshot: startup calls it, so a post deleted before a quit stays deleted. */
    purgeDeleted: undo.purge,

    /** Posts with this #tag (any case), newest first. */
    byTag: tags.byTag,

    ...createPostEdits(db, tags),

    /** How many posts there are in all. */
    count(): number {
      return count.get() ?? 0;
    },
  };
}

export type PostRepository = ReturnType<typeof createPostRepository>;
