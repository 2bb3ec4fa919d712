import type { Channel } from '../../electron/ipc/contract';

/** A valid payload for each follows, feed and search channel, against `seededApp`'s database. */
export const SEARCH_VALID_PAYLOADS: Record<
  Extract<Channel, `follows:${string}` | `feed:${string}` | `search:${string}`>,
  Record<string, unknown>
> = {
  'follows:add': { followerId: 1, followedId: 2 },
  'follows:remove': { followerId: 1, followedId: 2 },
  'follows:status': { followerId: 1, followedId: 2 },
  'follows:followers': { userId: 1 },
  'follows:following': { userId: 1 },
  'feed:following': { userId: 1 },
  'search:posts': { query: 'first' },
  'search:users': { text: 'su' },
};
