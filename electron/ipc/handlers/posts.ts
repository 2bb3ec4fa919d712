import { toMicroblogError } from '../../db/index';
import type { NewPost, Post } from '../../db/posts';
import type { DomainHandlers, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';

/** `posts:*`: writing, paging and deleting posts. */
export function createPostHandlers({ db, repos }: HandlerContext, session: SessionState) {
  // The post and the end of its draft commit together: a crash never leaves both or neither.
  const publish = db.transaction((input: NewPost): Post => {
    const post = repos.posts.create(input);
    repos.drafts.clear(input.userId);
    return post;
  });

  return {
    'posts:create': ({ userId, body }) => {
      session.requireUnlocked(userId);
      try {
        return publish.immediate({ userId, body });
      } catch (error) {
        throw toMicroblogError(error);
      }
    },

    'posts:timeline': ({ cursor, limit }) => repos.posts.timeline({ cursor, limit }),

    'posts:byUser': ({ userId, cursor, limit }) => repos.posts.byUser(userId, { cursor, limit }),

    'posts:delete': ({ postId, userId }) => {
      session.requireUnlocked(userId);
      repos.posts.delete(postId, userId);
      return { postId };
    },
  } satisfies DomainHandlers<'posts'>;
}
