/**
 * The benchmark workload of ../shared/bench-workload.md as data: sizes, the deterministic
 * users and posts, the seeded random ids, and the expected answer of every query, all
 * computed from the rules alone so a side's results can be checked exactly.
 */
import { xorshift32 } from '../fixtures/random';

export interface Sizes {
  users: number;
  posts: number;
}

export const DEFAULT_SIZES: Sizes = { users: 1000, posts: 100_000 };

/** The operation keys in the order they run. */
export const OP_KEYS = [
  '9_migration_cycle',
  '1_create_users',
  '2_bulk_insert_posts',
  '3_post_one_by_one',
  '4_get_user_by_id',
  '5_user_posts_page',
  '6a_timeline_first_page',
  '6b_timeline_deep_page',
  '7_users_by_username_desc',
  '8_users_like_s',
  '10_following_feed_page',
  '11_search_rare_word',
  '12_search_common_word',
  '13_jump_to_date',
] as const;

export type OpKey = (typeof OP_KEYS)[number];

/** The operations that write: once per round, since running them again changes the file. */
export const WRITING_OPS: ReadonlySet<OpKey> = new Set<OpKey>([
  '9_migration_cycle',
  '1_create_users',
  '2_bulk_insert_posts',
  '3_post_one_by_one',
]);

export const POSTING_COUNT = 1000;
export const LOOKUPS = 10_000;
export const USER_PAGES = 2000;
export const USER_PAGE_SIZE = 20;
export const TIMELINE_PAGES = 2000;
export const TIMELINE_PAGE_SIZE = 50;
export const DEEP_PAGES = 200;
export const DEEP_TARGET = 50_000;
export const LISTINGS = 100;
export const PREFIX_QUERIES = 2000;
export const MIGRATION_CYCLES = 20;

export interface UserSpec {
  username: string;
  email: string;
}

export interface PostSpec {
  userId: number;
  body: string;
  timestamp: string;
}

/** Posting post `j`: its author and body (its timestamp is the moment it is saved). */
export interface Posting {
  userId: number;
  body: string;
}

/** User `i` (1-based): `auser000001`, `buser000002`, … */
export function userSpec(i: number): UserSpec {
  const letter = String.fromCharCode(97 + ((i - 1) % 26));
  return { username: `${letter}user${String(i).padStart(6, '0')}`, email: `user${i}@example.com` };
}

/** The author of bulk post `k` and of posting post `j` alike: round robin over the users. */
export function roundRobinAuthor(n: number, users: number): number {
  return ((n - 1) % users) + 1;
}

const EPOCH_MS = Date.UTC(2000, 0, 1);

/** The body of bulk post `k` alone (the checks of a search read millions of them). */
export function bulkPostBody(k: number, sizes: Sizes): string {
  return `post ${k} by user ${roundRobinAuthor(k, sizes.users)}`;
}

/** Bulk post `k`: 2000-01-01T00:00:00Z plus `k` seconds, in the schema's millisecond format. */
export function bulkPostSpec(k: number, sizes: Sizes): PostSpec {
  const userId = roundRobinAuthor(k, sizes.users);
  return {
    userId,
    body: bulkPostBody(k, sizes),
    timestamp: new Date(EPOCH_MS + k * 1000).toISOString(),
  };
}

/** The author of any post id: bulk ids first, then the posting ids. */
export function authorOfPost(id: number, sizes: Sizes): number {
  return id <= sizes.posts
    ? roundRobinAuthor(id, sizes.users)
    : roundRobinAuthor(id - sizes.posts, sizes.users);
}

/** xorshift32 random ids in 1..users, seeded with `2463534242 + operation number`. */
export function randomIds(operation: number, count: number, users: number): number[] {
  const next = xorshift32(2463534242 + operation);
  return Array.from({ length: count }, () => (next() % users) + 1);
}

/** Every post id, newest first, is simply id descending; the total after the posting op. */
export function totalPosts(sizes: Sizes): number {
  return sizes.posts + POSTING_COUNT;
}

/** How deep the deep page starts: 50,000 posts, or as deep as a small database allows. */
export function deepPageDepth(sizes: Sizes, target = DEEP_TARGET): number {
  return Math.min(target, totalPosts(sizes) - TIMELINE_PAGE_SIZE);
}

/** The ids of the timeline page that starts `depth` posts deep. */
export function timelineIds(sizes: Sizes, depth: number, size = TIMELINE_PAGE_SIZE): number[] {
  const newest = totalPosts(sizes) - depth;
  const ids: number[] = [];
  for (let id = newest; id > newest - size && id > 0; id--) ids.push(id);
  return ids;
}

/** The newest `size` post ids of user `u`: posting posts first (they are newer), then bulk posts. */
export function userPostIds(u: number, sizes: Sizes, size = USER_PAGE_SIZE): number[] {
  const ids: number[] = [];
  const lastPosting = u + Math.floor((POSTING_COUNT - u) / sizes.users) * sizes.users;
  for (let j = lastPosting; j >= 1 && j >= u && ids.length < size; j -= sizes.users)
    ids.push(sizes.posts + j);
  const lastBulk = u + Math.floor((sizes.posts - u) / sizes.users) * sizes.users;
  for (let k = lastBulk; k >= 1 && k >= u && ids.length < size; k -= sizes.users) ids.push(k);
  return ids;
}

/** All user ids ordered by username descending (usernames are lower case, so code-unit order is NOCASE order). */
export function usersByUsernameDesc(users: number): number[] {
  const ids = Array.from({ length: users }, (_, i) => i + 1);
  const names = ids.map((i) => userSpec(i).username);
  return ids.sort((a, b) => ((names[b - 1] as string) < (names[a - 1] as string) ? -1 : 1));
}

/** Ids of users whose username starts with `s`, ordered by username ascending. */
export function usersStartingWithS(users: number): number[] {
  const ids: number[] = [];
  for (let i = 1; i <= users; i++) if (userSpec(i).username.startsWith('s')) ids.push(i);
  return ids;
}
