import type { Db } from '../../electron/db/index';
import type { PostSpec, Posting, UserSpec } from './workload';

/** What the checks need of a user row. */
export interface UserRef {
  id: number;
  username: string;
}

/** What the checks need of a post row. */
export interface PostRef {
  id: number;
  userId: number;
}

/** A timeline row: a post with its author's username. */
export interface TimelineRef extends PostRef {
  username: string;
}

/** One iteration of `3_post_one_by_one`: the author as loaded, and the post as saved. */
export interface Posted {
  author: UserRef | undefined;
  post: PostRef;
}

/** One iteration of `5_user_posts_page`. */
export interface UserPage {
  user: UserRef | undefined;
  posts: PostRef[];
}

/**
 * One way of running the workload (the project's repositories, or raw statements). Each
 * method is one operation's whole timed loop and returns what it read or wrote, so the
 * caller can time the call alone and check the results afterwards.
 */
export interface BenchSide {
  readonly name: 'project' | 'raw';
  readonly db: Db;
  /** Down to nothing, then up to head, `cycles` times; the table names after every step. */
  migrationCycle(cycles: number): Promise<string[][]>;
  createUsers(specs: readonly UserSpec[]): number[];
  bulkInsert(posts: readonly PostSpec[]): number[];
  postOneByOne(postings: readonly Posting[]): Posted[];
  getUsers(ids: readonly number[]): (UserRef | undefined)[];
  userPages(ids: readonly number[]): UserPage[];
  timelineFirstPages(count: number): TimelineRef[][];
  /** Untimed: whatever this side needs to start a page `depth` posts deep. */
  deepCursor(depth: number): unknown;
  timelineDeepPages(count: number, cursor: unknown): TimelineRef[][];
  usersByUsernameDesc(count: number): UserRef[][];
  usersStartingWith(prefix: string, count: number): UserRef[][];
}

/** `read` called `count` times, its results in order: the timed loop of a repeated query, the same on both sides. */
export function times<T>(count: number, read: () => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(read());
  return out;
}

/** `read` applied to each item in order: the timed loop over inputs, the same on both sides. */
export function each<I, T>(items: readonly I[], read: (item: I) => T): T[] {
  const out: T[] = [];
  for (const item of items) out.push(read(item));
  return out;
}

/** The user tables' names in a stable order, for the migration checks. */
export function tableNames(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}
