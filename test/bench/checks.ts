import type { Db } from '../../electron/db/index';
import type { PostRef, TimelineRef, UserPage, UserRef } from './side';
import { type Sizes, authorOfPost, bulkPostSpec, totalPosts, userPostIds, userSpec } from './workload';

/** A result that does not match the workload's rules: the run must fail. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** Fails with `what` and both values when they differ (compared as JSON). */
export function expectSame(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new CheckFailure(`${what}: expected ${e.slice(0, 300)}, got ${a.slice(0, 300)}`);
}

/** 1, 2, … n */
export function oneTo(n: number, from = 1): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

/** A user as loaded must be user `id` of the rules. */
export function checkUser(user: UserRef | undefined, id: number, what: string): void {
  if (user === undefined) throw new CheckFailure(`${what}: user ${id} not found`);
  if (user.id !== id || user.username !== userSpec(id).username) {
    throw new CheckFailure(
      `${what}: expected user ${id} ${userSpec(id).username}, got ${user.id} ${user.username}`,
    );
  }
}

/** A page of posts must have exactly these ids, each by the author the rules give it. */
export function checkPosts(
  posts: readonly PostRef[],
  ids: readonly number[],
  sizes: Sizes,
  what: string,
): void {
  expectSame(
    posts.map((p) => p.id),
    ids,
    `${what} ids`,
  );
  for (const post of posts) {
    if (post.userId !== authorOfPost(post.id, sizes)) {
      throw new CheckFailure(`${what}: post ${post.id} has author ${post.userId}`);
    }
  }
}

/** A timeline page additionally carries each author's username. */
export function checkTimeline(
  page: readonly TimelineRef[],
  ids: readonly number[],
  sizes: Sizes,
  what: string,
): void {
  checkPosts(page, ids, sizes, what);
  for (const post of page) {
    if (post.username !== userSpec(post.userId).username) {
      throw new CheckFailure(`${what}: post ${post.id} shows username ${post.username}`);
    }
  }
}

/** Every user row in the file is user `id` of the rules, and there are exactly `users` of them. */
export function checkUserRows(db: Db, users: number, what: string): void {
  let expected = 1;
  for (const row of db.prepare(`SELECT id, username, email FROM users ORDER BY id`).iterate()) {
    const { id, username, email } = row as { id: number; username: string; email: string };
    const spec = userSpec(expected);
    if (id !== expected || username !== spec.username || email !== spec.email) {
      throw new CheckFailure(`${what}: row ${expected} is ${id} ${username} ${email}`);
    }
    expected++;
  }
  expectSame(expected - 1, users, `${what} user count`);
}

/** Every bulk post in the file is exactly post `k` of the rules. */
export function checkBulkRows(db: Db, sizes: Sizes, what: string): void {
  let k = 1;
  const rows = db.prepare(
    `SELECT id, body, timestamp, user_id AS userId FROM posts WHERE id <= ? ORDER BY id`,
  );
  for (const row of rows.iterate(sizes.posts)) {
    const { id, body, timestamp, userId } = row as {
      id: number;
      body: string;
      timestamp: string;
      userId: number;
    };
    const spec = bulkPostSpec(k, sizes);
    if (id !== k || body !== spec.body || timestamp !== spec.timestamp || userId !== spec.userId) {
      throw new CheckFailure(`${what}: post ${k} is ${id} ${body} ${timestamp} ${userId}`);
    }
    k++;
  }
  expectSame(k - 1, sizes.posts, `${what} post count`);
}

/** The posting op's posts: newest first equals id descending, so timestamps never go back. */
export function checkPostingRows(db: Db, sizes: Sizes, what: string): void {
  const rows = db.prepare(`SELECT id, timestamp FROM posts WHERE id > ? ORDER BY id`).all(sizes.posts) as {
    id: number;
    timestamp: string;
  }[];
  expectSame(
    rows.map((r) => r.id),
    oneTo(totalPosts(sizes) - sizes.posts, sizes.posts + 1),
    `${what} ids`,
  );
  let previous = bulkPostSpec(sizes.posts, sizes).timestamp;
  for (const row of rows) {
    if (row.timestamp < previous)
      throw new CheckFailure(`${what}: post ${row.id} is older than the one before`);
    previous = row.timestamp;
  }
}

/** A user's page: the user as loaded, then exactly their newest posts. */
export function checkUserPage(page: UserPage, id: number, sizes: Sizes, what: string): void {
  checkUser(page.user, id, what);
  checkPosts(page.posts, userPostIds(id, sizes), sizes, `${what} posts`);
}
