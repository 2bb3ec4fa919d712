import type { Db } from './connection';
import { decodeCursor } from './cursor';
import type { Page, PageOptions, TimelinePost } from './models';
import { extractTags, foldTag } from './post-text';
import { TIMELINE_POST, pageSize, toPage } from './post-pages';

/** The tag page's query: one range of ix_post_tags_tag_timestamp, newest first, no sort. */
export const TAG_PAGE_SQL = `SELECT ${TIMELINE_POST}
  FROM post_tags t JOIN posts p ON p.id = t.post_id JOIN users u ON u.id = p.user_id
  WHERE t.tag = ? AND (t.timestamp, t.post_id) < (?, ?)
  ORDER BY t.timestamp DESC, t.post_id DESC LIMIT ?`;

/** A cursor past every post: the first page runs the same statement as the others. */
const BEFORE_ALL = { timestamp: '9999-12-31T23:59:59.999Z', id: Number.MAX_SAFE_INTEGER };

/** Writes each post's tags as the body says, and pages the posts of one tag. */
export function createTagStatements(db: Db) {
  const insert = db.prepare<[string, number, string]>(
    `INSERT INTO post_tags (tag, post_id, timestamp) VALUES (?, ?, ?)`,
  );
  const clear = db.prepare<[number]>(`DELETE FROM post_tags WHERE post_id = ?`);
  const page = db.prepare<[string, string, number, number], TimelinePost>(TAG_PAGE_SQL);
  const ofPost = db
    .prepare<[number], string>(`SELECT tag FROM post_tags WHERE post_id = ? ORDER BY rowid`)
    .pluck();

  const write = (postId: number, tags: readonly string[], timestamp: string): void => {
    for (const tag of tags) insert.run(tag, postId, timestamp);
  };

  return {
    /** Stores these (already folded) tags; call inside the transaction that wrote the post. */
    write,

    /** Replaces a post's tags after an edit. */
    replaceFor(postId: number, body: string, timestamp: string): void {
      clear.run(postId);
      write(postId, extractTags(body), timestamp);
    },

    /** The post's stored tags. */
    of(postId: number): string[] {
      return ofPost.all(postId);
    },

    /** Posts with this tag (any case), newest first, keyset-paged like the timeline. */
    byTag(tag: string, options: PageOptions = {}): Page<TimelinePost> {
      const size = pageSize(options.limit);
      const after = options.cursor ? decodeCursor(options.cursor) : BEFORE_ALL;
      return toPage(page.all(foldTag(tag), after.timestamp, after.id, size + 1), size);
    },
  };
}

export type TagStatements = ReturnType<typeof createTagStatements>;
