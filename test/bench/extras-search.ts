/** Latencies for operations 10–13's pages through the project's repositories, for the issue's targets. */
import { cursorBefore } from '../../electron/db/cursor';
import { createRepositories, type Db } from '../../electron/db/index';
import { checkTimeline } from './checks';
import { type Latency, sample } from './extras';
import { SEARCH_PAGE_SIZE, bodyHasWord, followedBy, jumpPosts, newestWhere } from './ops-search';
import { type Sizes, authorOfPost, bulkPostSpec, randomIds } from './workload';

export interface SearchExtras {
  feed_first_page: Latency;
  search_rare_word: Latency;
  search_common_word: Latency;
  jump_to_date: Latency;
}

const SAMPLES = 1000;

/** Each page timed on its own and checked; the follows of operation 10 must already be in `db`. */
export function measureSearchExtras(db: Db, sizes: Sizes): SearchExtras {
  const { feed, search, posts } = createRepositories(db);
  const users = randomIds(10, SAMPLES, sizes.users);
  const words = randomIds(11, SAMPLES, sizes.users).map(String);
  const jumps = jumpPosts(sizes).slice(0, SAMPLES);
  const common = newestWhere(sizes, () => true);
  return {
    feed_first_page: sample(
      SAMPLES,
      (i) => feed.following(users[i] ?? 0, { limit: SEARCH_PAGE_SIZE }).items,
      (page, i) => {
        const authors = new Set([users[i] ?? 0, ...followedBy(users[i] ?? 0, sizes.users)]);
        const ids = newestWhere(sizes, (id) => authors.has(authorOfPost(id, sizes)));
        checkTimeline(page, ids, sizes, 'extra feed page');
      },
    ),
    search_rare_word: sample(
      SAMPLES,
      (i) => search.posts(words[i] ?? '', { limit: SEARCH_PAGE_SIZE }).items,
      (page, i) =>
        checkTimeline(
          page,
          newestWhere(sizes, (id) => bodyHasWord(id, words[i] ?? '', sizes)),
          sizes,
          'extra rare search',
        ),
    ),
    search_common_word: sample(
      SAMPLES,
      () => search.posts('post', { limit: SEARCH_PAGE_SIZE }).items,
      (page) => checkTimeline(page, common, sizes, 'extra common search'),
    ),
    jump_to_date: sample(
      SAMPLES,
      (i) =>
        posts.timeline({ cursor: cursorBefore(bulkPostSpec(jumps[i] ?? 21, sizes).timestamp), limit: 20 })
          .items,
      (page, i) =>
        checkTimeline(
          page,
          Array.from({ length: 20 }, (_, d) => (jumps[i] ?? 0) - 1 - d),
          sizes,
          'extra jump',
        ),
    ),
  };
}
