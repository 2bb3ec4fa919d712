import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../electron/db/index';
import type { Page, PageOptions, Post } from '../../electron/db/posts';
import { migratedDb } from '../fixtures/index';
import { dump } from './helpers';

const ts = (second: number): string => new Date(Date.UTC(2024, 0, 1, 0, 0, second)).toISOString();

async function withAuthors() {
  const setup = await migratedDb();
  const john = setup.repos.users.create({ username: 'john', email: 'john@example.com' });
  const susan = setup.repos.users.create({ username: 'susan', email: 'susan@example.com' });
  return { ...setup, john, susan };
}

/** Walks every page and returns the ids in the order they came. */
function walk(
  page: (cursor: string | null) => { items: { id: number }[]; nextCursor: string | null },
): number[] {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const result = page(cursor);
    ids.push(...result.items.map((p) => p.id));
    if (result.nextCursor === null) return ids;
    cursor = result.nextCursor;
  }
  throw new Error('pagination never ended');
}

describe('posts repository', () => {
  it('create returns the post with a UTC millisecond timestamp; get finds it', async () => {
    const { repos, john } = await withAuthors();
    const post = repos.posts.create({ userId: john.id, body: 'my first post!' });
    expect(post).toMatchObject({ id: 1, body: 'my first post!', userId: john.id });
    expect(post.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(post.timestamp) - Date.now())).toBeLessThan(5000);
    expect(repos.posts.get(post.id)).toEqual(post);
    expect(repos.posts.get(999)).toBeUndefined();
  });

  it('accepts exactly 140 code points, emoji counting once', async () => {
    const { repos, john } = await withAuthors();
    expect(repos.posts.create({ userId: john.id, body: 'a'.repeat(140) }).body).toHaveLength(140);
    expect(repos.posts.create({ userId: john.id, body: '🎉'.repeat(140) }).body).toHaveLength(280);
  });

  it('timeline: newest first with the author username; equal timestamps broken by id, newest id first', async () => {
    const { repos, john, susan } = await withAuthors();
    repos.posts.create({ userId: john.id, body: 'old', timestamp: ts(1) });
    repos.posts.create({ userId: susan.id, body: 'tie a', timestamp: ts(5) });
    repos.posts.create({ userId: john.id, body: 'tie b', timestamp: ts(5) });
    repos.posts.create({ userId: susan.id, body: 'mid', timestamp: ts(3) });
    const { items, nextCursor } = repos.posts.timeline();
    expect(items.map((p) => [p.id, p.username, p.body])).toEqual([
      [3, 'john', 'tie b'],
      [2, 'susan', 'tie a'],
      [4, 'susan', 'mid'],
      [1, 'john', 'old'],
    ]);
    expect(nextCursor).toBeNull();
  });

  it('byUser: only that profile, newest first', async () => {
    const { repos, john, susan } = await withAuthors();
    repos.posts.create({ userId: john.id, body: 'j1', timestamp: ts(1) });
    repos.posts.create({ userId: susan.id, body: 's1', timestamp: ts(2) });
    repos.posts.create({ userId: john.id, body: 'j2', timestamp: ts(3) });
    expect(repos.posts.byUser(john.id).items.map((p) => p.body)).toEqual(['j2', 'j1']);
    expect(repos.posts.byUser(susan.id).items.map((p) => p.body)).toEqual(['s1']);
    expect(repos.posts.byUser(999).items).toEqual([]);
  });

  describe('cursor pagination has no gaps or duplicates', () => {
    async function manyPosts(): Promise<{ repos: Repositories; expected: number[]; johnExpected: number[] }> {
      const { repos, john, susan } = await withAuthors();
      // 57 posts over 12 distinct timestamps: many ties, so the id tie-break matters on page edges.
      const rows: { id: number; second: number; user: number }[] = [];
      for (let i = 0; i < 57; i++) {
        const second = (i * 7) % 12;
        const user = i % 3 === 0 ? susan.id : john.id;
        rows.push({
          id: repos.posts.create({ userId: user, body: `post ${i}`, timestamp: ts(second) }).id,
          second,
          user,
        });
      }
      const order = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
        b.second - a.second || b.id - a.id;
      const sorted = [...rows].sort(order);
      return {
        repos,
        expected: sorted.map((r) => r.id),
        johnExpected: sorted.filter((r) => r.user === john.id).map((r) => r.id),
      };
    }

    it.each([1, 2, 5, 10, 20, 56, 57, 100])('timeline, page size %i', async (limit) => {
      const { repos, expected } = await manyPosts();
      expect(walk((cursor) => repos.posts.timeline({ cursor, limit }))).toEqual(expected);
    });

    it.each([1, 3, 7, 38, 100])('byUser, page size %i', async (limit) => {
      const { repos, johnExpected } = await manyPosts();
      expect(walk((cursor) => repos.posts.byUser(1, { cursor, limit }))).toEqual(johnExpected);
    });

    it('a post written while paging does not shift the later pages', async () => {
      const { repos, expected } = await manyPosts();
      const first = repos.posts.timeline({ limit: 10 });
      repos.posts.create({ userId: 1, body: 'brand new' });
      const rest = walk((cursor) => repos.posts.timeline({ cursor: cursor ?? first.nextCursor, limit: 10 }));
      expect([...first.items.map((p) => p.id), ...rest]).toEqual(expected);
    });

    /** Walks down to the last page, then back up with each page's prevCursor: every id, in order, once. */
    function walkBackUp(page: (options: PageOptions) => Page<Post>, limit: number): number[] {
      let bottom = page({ limit });
      while (bottom.nextCursor !== null) bottom = page({ cursor: bottom.nextCursor, limit });
      const ids = bottom.items.map((p) => p.id);
      for (let cursor = bottom.prevCursor, guard = 0; cursor; guard++) {
        if (guard > 10_000) throw new Error('paging back up never ended');
        const newer = page({ cursor, limit, direction: 'newer' });
        expect(newer.items.length).toBeLessThanOrEqual(limit);
        ids.unshift(...newer.items.map((p) => p.id));
        cursor = newer.prevCursor;
      }
      return ids;
    }

    it.each([1, 2, 5, 10, 38, 56, 57, 100])('back up with direction "newer", page size %i', async (limit) => {
      const { repos, expected, johnExpected } = await manyPosts();
      expect(walkBackUp((options) => repos.posts.timeline(options), limit)).toEqual(expected);
      expect(walkBackUp((options) => repos.posts.byUser(1, options), limit)).toEqual(johnExpected);
    });

    it('the first page has no prevCursor; a page after a cursor leads back to the page before it', async () => {
      const { repos, expected } = await manyPosts();
      const first = repos.posts.timeline({ limit: 10 });
      expect(first.prevCursor).toBeNull();
      const second = repos.posts.timeline({ cursor: first.nextCursor, limit: 10 });
      const back = repos.posts.timeline({ cursor: second.prevCursor, limit: 10, direction: 'newer' });
      expect(back.items.map((p) => p.id)).toEqual(expected.slice(0, 10));
      expect(back.prevCursor).toBeNull();
      expect(back.nextCursor).toBe(first.nextCursor);
    });

    it('the last full page says there is no next page', async () => {
      const { repos } = await manyPosts();
      expect(repos.posts.timeline({ limit: 57 }).nextCursor).toBeNull();
      expect(repos.posts.timeline({ limit: 56 }).nextCursor).not.toBeNull();
    });
  });

  it.each([
    'garbage',
    '',
    '2024-01-01T00:00:00.000Z',
    '2024-01-01T00:00:00.000Z_0',
    '2024-01-01_5',
    '2024-01-01T00:00:00.000Z_1_2',
    'x_1',
  ])('a malformed cursor %j is INVALID_CURSOR', async (cursor) => {
    const { repos } = await withAuthors();
    repos.posts.create({ userId: 1, body: 'x' });
    const call = () => repos.posts.timeline({ cursor: cursor === '' ? 'bad_' : cursor });
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', field: 'cursor' }));
    expect(() => repos.posts.byUser(1, { cursor: cursor === '' ? 'bad_' : cursor })).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
  });

  it.each([0, -1, 101, 1.5])('a page size of %s is INVALID_INPUT on limit', async (limit) => {
    const { repos } = await withAuthors();
    expect(() => repos.posts.timeline({ limit })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'limit' }),
    );
    expect(() => repos.posts.byUser(1, { limit })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'limit' }),
    );
  });

  it("delete removes a post; with an author, only that author's; a missing one is POST_NOT_FOUND", async () => {
    const { db, repos, john, susan } = await withAuthors();
    const a = repos.posts.create({ userId: john.id, body: 'a' });
    const b = repos.posts.create({ userId: john.id, body: 'b' });
    expect(repos.posts.count()).toBe(2);
    repos.posts.delete(a.id);
    expect(repos.posts.get(a.id)).toBeUndefined();
    const before = dump(db);
    expect(() => repos.posts.delete(b.id, susan.id)).toThrow(
      expect.objectContaining({ code: 'POST_NOT_FOUND', field: 'postId' }),
    );
    expect(() => repos.posts.delete(a.id)).toThrow(expect.objectContaining({ code: 'POST_NOT_FOUND' }));
    expect(dump(db)).toEqual(before);
    repos.posts.delete(b.id, john.id);
    expect(repos.posts.count()).toBe(0);
  });
});
