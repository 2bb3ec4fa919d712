import type { Db } from './connection';
import { MicroblogError, toMicroblogError } from './errors';
import type { Post, PostRevision } from './models';
import { postNotFound } from './post-edits';
import { POST } from './post-pages';
import type { TagStatements } from './post-tags';
import { say } from './sentences';

/** How long a snapshot outlives its delete within one run: far past the toast's few seconds. */
const KEEP_MS = 60_000;

interface Snapshot {
  post: Post;
  tags: string[];
  revisions: PostRevision[];
}

/**
 * Undo for delete. The delete removes the post (its tags and revisions go by cascade) and
 * writes the whole of it as JSON into deleted_posts, in one transaction; a restore puts it
 * back (same id, body, timestamp, tags, revisions) and removes the snapshot, in one
 * transaction; startup empties deleted_posts. So whenever the app stops, the post is either
 * there whole or, after the next start, gone for good; never half of it.
 */
export function createPostUndo(db: Db, tags: TagStatements) {
  const byId = db.prepare<[number], Post>(`SELECT ${POST} FROM posts p WHERE p.id = ?`);
  const revisionsOf = db.prepare<[number], PostRevision>(
    `SELECT body, written_at AS writtenAt FROM post_revisions WHERE post_id = ? ORDER BY id`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM posts WHERE id = ?`);
  const keep = db.prepare<[number, number, string, string]>(
    `INSERT OR REPLACE INTO deleted_posts (post_id, user_id, snapshot, deleted_at) VALUES (?, ?, ?, ?)`,
  );
  const expire = db.prepare<[string]>(`DELETE FROM deleted_posts WHERE deleted_at < ?`);
  const snapshotOf = db.prepare<[number], { userId: number; snapshot: string }>(
    `SELECT user_id AS userId, snapshot FROM deleted_posts WHERE post_id = ?`,
  );
  const forget = db.prepare<[number]>(`DELETE FROM deleted_posts WHERE post_id = ?`);
  const purge = db.prepare(`DELETE FROM deleted_posts`);
  const insertPost = db.prepare<[number, string, string, number, string | null]>(
    `INSERT INTO posts (id, body, timestamp, user_id, edited_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertRevision = db.prepare<[number, string, string]>(
    `INSERT INTO post_revisions (post_id, body, written_at) VALUES (?, ?, ?)`,
  );

  const removeOne = db.transaction((postId: number, authorId: number | undefined): void => {
    const post = byId.get(postId);
    if (!post || (authorId !== undefined && post.userId !== authorId)) throw postNotFound();
    const snapshot: Snapshot = { post, tags: tags.of(postId), revisions: revisionsOf.all(postId) };
    const now = new Date();
    expire.run(new Date(now.getTime() - KEEP_MS).toISOString());
    keep.run(postId, post.userId, JSON.stringify(snapshot), now.toISOString());
    remove.run(postId);
  });

  const restoreOne = db.transaction((postId: number, authorId: number): Post => {
    const row = snapshotOf.get(postId);
    if (!row || row.userId !== authorId) {
      throw new MicroblogError('POST_NOT_FOUND', say('errors.cannotRestore'), 'postId');
    }
    const { post, tags: kept, revisions } = JSON.parse(row.snapshot) as Snapshot;
    insertPost.run(post.id, post.body, post.timestamp, post.userId, post.editedAt);
    tags.write(post.id, kept, post.timestamp);
    // New revision ids (another post's edit may have taken the old ones), in the same order.
    for (const revision of revisions) insertRevision.run(post.id, revision.body, revision.writtenAt);
    forget.run(postId);
    return post;
  });

  return {
    /** Deletes a post and keeps its snapshot; with `authorId`, only that profile's post. */
    remove(postId: number, authorId?: number): void {
      try {
        removeOne(postId, authorId);
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** Puts the author's deleted post back as it was, while its snapshot is kept. */
    restore(postId: number, authorId: number): Post {
      try {
        return restoreOne(postId, authorId);
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** Forgets every snapshot; how many there were. */
    purge(): number {
      return purge.run().changes;
    },
  };
}
