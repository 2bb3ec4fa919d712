/** Channels of follows, the Following feed, full-text search and the users directory. */
import { z } from 'zod';
import { USER_ORDERS, type Page, type TimelinePost } from '../../db/models';
import { SEARCH_MAX, SEARCH_TOO_LONG_SENTENCE } from '../../db/search-query';
import type { DirectoryUser, FollowEntry, SearchHit } from '../../db/social-models';
import { isWellFormed } from '../../db/rules';
import { channel, cursor, direction, id, limit } from './schema-kit';
import { say } from '../../db/sentences';

const BROKEN_SEARCH_SENTENCE = 'A search cannot contain broken Unicode characters (a lone surrogate).';

/** What the search box and the directory filter send: well-formed, at most SEARCH_MAX characters. */
const searchText = z
  .string()
  .max(SEARCH_MAX * 2, SEARCH_TOO_LONG_SENTENCE)
  .refine(isWellFormed, BROKEN_SEARCH_SENTENCE)
  .refine((value) => [...value].length <= SEARCH_MAX, SEARCH_TOO_LONG_SENTENCE);

const pair = z.object({ followerId: id, followedId: id }).strict();
const list = z.object({ userId: id, cursor, limit }).strict();

export const searchChannels = {
  'follows:add': channel<{ following: boolean }>()(pair),
  'follows:remove': channel<{ following: boolean }>()(pair),
  'follows:status': channel<{ following: boolean }>()(pair),
  'follows:followers': channel<Page<FollowEntry>>()(list),
  'follows:following': channel<Page<FollowEntry>>()(list),

  'feed:following': channel<Page<TimelinePost>>()(
    z.object({ userId: id, cursor, limit, direction }).strict(),
  ),

  'search:posts': channel<Page<SearchHit>>()(z.object({ query: searchText, cursor, limit }).strict()),
  'search:users': channel<DirectoryUser[]>()(
    z
      .object({
        text: searchText.optional(),
        order: z.enum(USER_ORDERS, say('errors.orderInvalid')).optional(),
        viewerId: id.optional(),
      })
      .strict(),
  ),
} as const;
