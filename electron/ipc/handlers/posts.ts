import { writeOnce } from '../../db/idempotency';
import type { DomainHandlers, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';

/**
 * `posts:*`: writing, editing, paging, deleting and restoring posts. Writes go through writeOnce with the
 * renderer's key, so pressing Post again after a failure never posts twice. `ctx.db` is read
 * per call: after a disk failure the app serves a new connection.
 */
export function createPostHandlers(ctx: HandlerContext, session: SessionState) {
  const { repos } = ctx;
  return {
    'posts:create': ({ userId, body, key }) => {
      session.requireActive(userId);
      // The post and the end of its draft commit together: a crash never leaves both or neither.
      return writeOnce(ctx.db, 'posts:create', key, () => {
        const post = repos.posts.create({ userId, body });
        repos.drafts.clear(userId);
        return post;
      });
    },

    'posts:timeline': ({ cursor, limit, direction }) => repos.posts.timeline({ cursor, limit, direction }),

    'posts:byUser': ({ userId, cursor, limit, direction }) =>
      repos.posts.byUser(userId, { cursor, limit, direction }),

    'posts:delete': ({ postId, userId, key }) => {
      session.requireActive(userId);
      return writeOnce(ctx.db, 'posts:delete', key, () => {
        repos.posts.delete(postId, userId);
        return { postId };
      });
    },

    'posts:edit': ({ postId, userId, body, key }) => {
      session.requireActive(userId);
      return writeOnce(ctx.db, 'posts:edit', key, () => repos.posts.edit(postId, userId, body));
    },

    'posts:history': ({ postId }) => repos.posts.history(postId),

    'posts:restore': ({ postId, userId, key }) => {
      session.requireActive(userId);
      return writeOnce(ctx.db, 'posts:restore', key, () => repos.posts.restore(postId, userId));
    },

    'posts:byTag': ({ tag, cursor, limit }) => repos.posts.byTag(tag, { cursor, limit }),
  } satisfies DomainHandlers<'posts'>;
}
