import { MicroblogError } from '../../db/index';
import type { DomainHandlers, HandlerContext } from '../handler-types';
import type { SessionState } from '../session-state';
import { say } from '../../db/sentences';

/** `follows:*`, `feed:*` and `search:*`: following people, the Following feed and search. */
export function createSearchHandlers({ repos }: HandlerContext, session: SessionState) {
  const exists = (userId: number, field: string) => {
    if (!repos.users.getById(userId))
      throw new MicroblogError('USER_NOT_FOUND', say('errors.profileMissing'), field);
  };
  return {
    'follows:add': ({ followerId, followedId }) => {
      session.requireActive(followerId);
      exists(followedId, 'followedId');
      repos.follows.add(followerId, followedId);
      return { following: true };
    },
    'follows:remove': ({ followerId, followedId }) => {
      session.requireActive(followerId);
      repos.follows.remove(followerId, followedId);
      return { following: false };
    },
    'follows:status': ({ followerId, followedId }) => ({
      following: repos.follows.isFollowing(followerId, followedId),
    }),
    'follows:followers': ({ userId, cursor, limit }) => repos.follows.followers(userId, { cursor, limit }),
    'follows:following': ({ userId, cursor, limit }) => repos.follows.following(userId, { cursor, limit }),

    'feed:following': ({ userId, cursor, limit, direction }) =>
      repos.feed.following(userId, { cursor, limit, direction }),

    'search:posts': ({ query, cursor, limit }) => repos.search.posts(query, { cursor, limit }),
    'search:users': ({ text, order, viewerId }) =>
      repos.directory.search({ text: text?.trim(), order, viewerId }),
  } satisfies DomainHandlers<'follows'> & DomainHandlers<'feed'> & DomainHandlers<'search'>;
}
