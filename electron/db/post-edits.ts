import type { Db } from './connection';
import { MicroblogError, toMicroblogError } from './errors';
import type { Post, PostRevision } from './models';
import { POST } from './post-pages';
import type { TagStatements } from './post-tags';
import { bodyProblem } from './rules';
import { say } from './sentences';

/** What someone gets who tries to change a post another profile wrote. */
export function notYourPost(): MicroblogError {
  return new MicroblogError('FORBIDDEN', say('errors.notYourPost'), 'postId');
}

/** The one sentence for a post id that matches no post. */
export function postNotFound(): MicroblogError {
  return new MicroblogError('POST_NOT_FOUND', say('errors.postGone'), 'postId');
}

/**
 * Editing a post: the earlier body goes into post_revisions, the new one and `edited_at` into
 * the post, and its tags are found again, in one transaction. `timestamp` never changes, so
 * the post keeps its place in every list.
 */
export function createPostEdits(db: Db, tags: TagStatements) {
  const byId = db.prepare<[number], Post>(`SELECT ${POST} FROM posts p WHERE p.id = ?`);
  const keep = db.prepare<[number, string, string]>(
    `INSERT INTO post_revisions (post_id, body, written_at) VALUES (?, ?, ?)`,
  );
  const update = db.prepare<[string, string, number]>(
    `UPDATE posts SET body = ?, edited_at = ? WHERE id = ?`,
  );
  const revisions = db.prepare<[number], PostRevision>(
    `SELECT body, written_at AS writtenAt FROM post_revisions WHERE post_id = ? ORDER BY id DESC`,
  );

  const edit = db.transaction((postId: number, authorId: number, body: string): Post => {
    const post = byId.get(postId);
    if (!post) throw postNotFound();
    if (post.userId !== authorId) throw notYourPost();
    // The same text again is no edit: no revision, no "edited".
    if (post.body === body) return post;
    // Strictly after the previous version, even if the clock stepped back.
    const previous = post.editedAt ?? post.timestamp;
    const now = new Date().toISOString();
    const editedAt = now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
    keep.run(postId, post.body, previous);
    update.run(body, editedAt, postId);
    tags.replaceFor(postId, body, post.timestamp);
    return { ...post, body, editedAt };
  });

  return {
    /**
     * Replaces the body of `authorId`'s post; the same rules and sentences as posting. Fails
     * with BODY_EMPTY, BODY_TOO_LONG, INVALID_INPUT, POST_NOT_FOUND, or FORBIDDEN for a post
     * another profile wrote.
     */
    edit(postId: number, authorId: number, body: string): Post {
      const problem = bodyProblem(body);
      if (problem) throw new MicroblogError(problem.code, problem.message, 'body');
      try {
        return edit(postId, authorId, body);
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    /** The earlier versions of a post, newest first (empty if never edited); POST_NOT_FOUND if gone. */
    history(postId: number): PostRevision[] {
      if (!byId.get(postId)) throw postNotFound();
      return revisions.all(postId);
    },
  };
}
