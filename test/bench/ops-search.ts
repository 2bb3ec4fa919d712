/**
 * Operations 10–13 of ../shared/bench-workload.md (the Following feed, full-text search for a
 * rare and a common word, jump to a date), on both sides, with the expected pages computed
 * from the data rules by brute force. Follows are written in each operation's untimed
 * `prepare`, once per side.
 */
import { cursorBefore } from '../../electron/db/cursor';
import { createRepositories, type Db } from '../../electron/db/index';
import { WIDE_FIRST_PAGE_SQL } from '../../electron/db/feed';
import { checkTimeline } from './checks';
import type { Inputs, Operation } from './inputs';
import { type BenchSide, type TimelineRef, each } from './side';
import { type Sizes, authorOfPost, bulkPostBody, bulkPostSpec, randomIds, totalPosts } from './workload';
import { xorshift32 } from '../fixtures/random';

export const FEED_PAGES = 2000;
export const RARE_SEARCHES = 2000;
export const COMMON_SEARCHES = 200;
export const JUMPS = 2000;
export const SEARCH_PAGE_SIZE = 20;

/** The profiles user `i` follows: `((i - 1 + 7m) mod U) + 1` for m = 1..F. */
export function followedBy(i: number, users: number): number[] {
  const count = Math.min(100, Math.floor((users - 1) / 7));
  return Array.from({ length: count }, (_, m) => ((i - 1 + 7 * (m + 1)) % users) + 1);
}

/** Bulk posts `k` in 21..P for the jumps, seeded with 2463534242 + 13. */
export function jumpPosts(sizes: Sizes): number[] {
  const next = xorshift32(2463534242 + 13);
  return Array.from({ length: JUMPS }, () => (next() % (sizes.posts - 20)) + 21);
}

/** The newest `size` post ids (id descending is newest first) that `matches` accepts. */
export function newestWhere(
  sizes: Sizes,
  matches: (id: number) => boolean,
  size = SEARCH_PAGE_SIZE,
): number[] {
  const ids: number[] = [];
  for (let id = totalPosts(sizes); id >= 1 && ids.length < size; id--) if (matches(id)) ids.push(id);
  return ids;
}

/** Does the body of post `id` hold the word `word` (unicode61 splits on spaces)? */
export function bodyHasWord(id: number, word: string, sizes: Sizes): boolean {
  const body = id <= sizes.posts ? bulkPostBody(id, sizes) : `new post ${id - sizes.posts}`;
  return body.split(' ').includes(word);
}

/** What operations 10–13 need of a side, beyond the BenchSide every operation has. */
interface SearchSide {
  feeds(ids: readonly number[]): TimelineRef[][];
  search(words: readonly string[]): TimelineRef[][];
  jumps(timestamps: readonly string[]): TimelineRef[][];
}

// The columns the repositories return (editedAt included), so raw reads the same row.
const PAGE = `p.id AS id, p.body AS body, p.timestamp AS timestamp, p.user_id AS userId, p.edited_at AS editedAt, u.username AS username`;

function writeFollows(side: BenchSide, users: number): void {
  const add =
    side.name === 'project'
      ? createRepositories(side.db).follows.add
      : (a: number, b: number) =>
          side.db.prepare(`INSERT INTO follows (follower_id, followed_id) VALUES (?, ?)`).run(a, b);
  const already = side.db.prepare(`SELECT count(*) FROM follows`).pluck().get() as number;
  if (already > 0) return;
  side.db.transaction(() => {
    for (let i = 1; i <= users; i++) for (const f of followedBy(i, users)) add(i, f);
  })();
}

function projectSearch(db: Db): SearchSide {
  const { feed, search, posts } = createRepositories(db);
  return {
    feeds: (ids) => each(ids, (id) => feed.following(id, { limit: SEARCH_PAGE_SIZE }).items),
    search: (words) => each(words, (word) => search.posts(word, { limit: SEARCH_PAGE_SIZE }).items),
    jumps: (timestamps) =>
      each(timestamps, (ts) => posts.timeline({ cursor: cursorBefore(ts), limit: SEARCH_PAGE_SIZE }).items),
  };
}

function rawSearch(db: Db): SearchSide {
  const walk = db.prepare<[Record<string, string | number>], TimelineRef>(WIDE_FIRST_PAGE_SQL);
  const match = db.prepare<[string, number], TimelineRef>(
    `SELECT ${PAGE}, highlight(posts_fts, 0, char(57344), char(57345)) AS marked
     FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid JOIN users u ON u.id = p.user_id
     WHERE posts_fts MATCH ? ORDER BY posts_fts.rowid DESC LIMIT ?`,
  );
  const before = db.prepare<[string, number], TimelineRef>(
    `SELECT ${PAGE} FROM posts p JOIN users u ON u.id = p.user_id WHERE p.timestamp < ?
     ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`,
  );
  return {
    // Following one profile in ten, the fastest plan is the timeline walk (the project picks it too).
    feeds: (ids) => each(ids, (me) => walk.all({ me, lim: SEARCH_PAGE_SIZE })),
    search: (words) => each(words, (word) => match.all(`"${word}"`, SEARCH_PAGE_SIZE)),
    jumps: (timestamps) => each(timestamps, (ts) => before.all(ts, SEARCH_PAGE_SIZE)),
  };
}

/** Writes the follows (once per file) and returns the side's runner: all of it untimed. */
function prepareSide(side: BenchSide, users: number): SearchSide {
  writeFollows(side, users);
  return side.name === 'project' ? projectSearch(side.db) : rawSearch(side.db);
}

function pages(what: string, expected: (i: number) => number[], sizes: Sizes): Operation['check'] {
  return (side, result) => {
    (result as TimelineRef[][]).forEach((page, i) =>
      checkTimeline(page, expected(i), sizes, `${what} ${i} (${side.name})`),
    );
  };
}

/** Operations 10–13 over these inputs, in the workload's order. */
export function searchOperations(inputs: Inputs): Operation[] {
  const { sizes } = inputs;
  const feedIds = randomIds(10, FEED_PAGES, sizes.users);
  const rareWords = randomIds(11, RARE_SEARCHES, sizes.users).map(String);
  const commonWords = Array.from({ length: COMMON_SEARCHES }, () => 'post');
  const jumps = jumpPosts(sizes);
  const prepare = (side: BenchSide) => prepareSide(side, sizes.users);
  // A word drawn twice has one answer: worked out once (the brute force reads ~20,000 bodies).
  const rareAnswers = new Map<string, number[]>();
  const rareExpected = (word: string): number[] => {
    let ids = rareAnswers.get(word);
    if (!ids) rareAnswers.set(word, (ids = newestWhere(sizes, (id) => bodyHasWord(id, word, sizes))));
    return ids;
  };
  const counted =
    (n: number, check: Operation['check']): Operation['check'] =>
    (side, result) => {
      if ((result as unknown[]).length !== n) throw new Error(`expected ${n} pages on ${side.name}`);
      check(side, result);
    };
  return [
    {
      key: '10_following_feed_page',
      n: FEED_PAGES,
      prepare,
      run: (_side, s) => (s as SearchSide).feeds(feedIds),
      check: counted(
        FEED_PAGES,
        pages(
          '10 feed',
          (i) => {
            const authors = new Set([feedIds[i] ?? 0, ...followedBy(feedIds[i] ?? 0, sizes.users)]);
            return newestWhere(sizes, (id) => authors.has(authorOfPost(id, sizes)));
          },
          sizes,
        ),
      ),
    },
    {
      key: '11_search_rare_word',
      n: RARE_SEARCHES,
      prepare,
      run: (_side, s) => (s as SearchSide).search(rareWords),
      check: counted(
        RARE_SEARCHES,
        pages('11 search', (i) => rareExpected(rareWords[i] ?? ''), sizes),
      ),
    },
    {
      key: '12_search_common_word',
      n: COMMON_SEARCHES,
      prepare,
      run: (_side, s) => (s as SearchSide).search(commonWords),
      check: counted(
        COMMON_SEARCHES,
        pages('12 search', () => newestWhere(sizes, () => true), sizes),
      ),
    },
    {
      key: '13_jump_to_date',
      n: JUMPS,
      prepare,
      run: (_side, s) => (s as SearchSide).jumps(jumps.map((k) => bulkPostSpec(k, sizes).timestamp)),
      check: counted(
        JUMPS,
        pages('13 jump', (i) => Array.from({ length: 20 }, (_, d) => (jumps[i] ?? 0) - 1 - d), sizes),
      ),
    },
  ];
}
