import { writeOnce } from '../../db/idempotency';
import { notYourPost } from '../../db/post-edits';
import type { DomainHandlers, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';

/**
 * `posts:*`: writing, editing, paging, deleting and restoring posts. Writes go through writeOnce with the
 * renderer's key, so pressing Post again after a failure never posts twice. `ctx.db` is read
 * per call: after a disk failure the app serves a new connection.
 */
export function createPostHandlers(ctx: HandlerContext, session: SessionState) {
  const { repos } = ctx;
  /** Changing an existing post takes its author, active and unlocked: anyone else is FORBIDDEN. */
  const requireActiveAuthor = (userId: number): void => {
    const { activeUser, locked } = session.current();
    if (activeUser?.id !== userId || locked) throw notYourPost();
  };
  return {
    'posts:create': ({ userId, body, key }) => {
      session.requireUnlocked(userId);
      // The post and the end of its draft commit together: a crash never leaves both or neither.
      return writeOnce(ctx.db, 'posts:create', key, () => {
        const post = repos.posts.create({ userId, body });
        repos.drafts.clear(userId);
        return post;
      });
    },

    'posts:timeline': ({ cursor, limit }) => repos.posts.timeline({ cursor, limit }),

    'posts:byUser': ({ userId, cursor, limit }) => repos.posts.byUser(userId, { cursor, limit }),

    'posts:delete': ({ postId, userId, key }) => {
      session.requireUnlocked(userId);
      return writeOnce(ctx.db, 'posts:delete', key, () => {
        repos.posts.delete(postId, userId);
        return { postId };
      });
    },

    'posts:edit': ({ postId, userId, body, key }) => {
      requireActiveAuthor(userId);
      return writeOnce(ctx.db, 'posts:edit', key, () => repos.posts.edit(postId, userId, body));
    },

    'posts:history': ({ postId }) => repos.posts.history(postId),

    'posts:restore': ({ postId, userId, key }) => {
      requireActiveAuthor(userId);
      return writeOnce(ctx.db, 'posts:restore', key, () => repos.posts.restore(postId, userId));
    },

    'posts:byTag': ({ tag, cursor, limit }) => repos.posts.byTag(tag, { cursor, limit }),
  } satisfies DomainHandlers<'posts'>;
}
