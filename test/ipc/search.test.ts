import { describe, expect, it } from 'vitest';
import type {
  DirectoryUser,
  FollowEntry,
  Page,
  SearchHit,
  TimelinePost,
  UserProfile,
} from '../../electron/ipc/contract';
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';
import { startApp } from './context';

/** ann (active), bob and cat (cat has a password), with a few posts each. */
async function threeProfiles() {
  const app = await startApp();
  for (const username of ['ann', 'bob'])
    await app.ok('users:create', { username, email: `${username}@example.com` });
  await app.ok('users:create', {
    username: 'cat',
    email: 'cat@example.com',
    password: 'correct horse battery',
  });
  // Written straight through the repository: cat's password is not given in this session.
  const { posts } = createRepositories(app.ctx.db);
  let second = 0;
  for (const [userId, body] of [
    [1, 'ann writes about sqlite'],
    [2, 'bob likes SQLite and search'],
    [3, 'cat posts <img src=x onerror=alert(1)>'],
    [2, 'bob again: full text search'],
  ] as const) {
    posts.create({ userId, body, timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, ++second)).toISOString() });
  }
  await app.ok('session:activate', { userId: 1 });
  const rows = () => JSON.stringify(app.ctx.db.prepare(`SELECT * FROM follows`).all());
  return { ...app, rows };
}

describe('follows over IPC', () => {
  it('the active profile follows and unfollows; counts, status and both lists follow', async () => {
    const app = await threeProfiles();
    expect(await app.ok('follows:add', { followerId: 1, followedId: 2 })).toEqual({ following: true });
    expect(await app.ok('follows:add', { followerId: 1, followedId: 3 })).toEqual({ following: true });
    expect(await app.ok('follows:status', { followerId: 1, followedId: 2 })).toEqual({ following: true });
    const bob = await app.ok<UserProfile>('users:get', { username: 'bob' });
    expect([bob.followers, bob.following]).toEqual([1, 0]);
    const page = await app.ok<Page<FollowEntry>>('follows:following', { userId: 1, limit: 1 });
    expect(page.items.map((f) => f.username)).toEqual(['cat']);
    const next = await app.ok<Page<FollowEntry>>('follows:following', {
      userId: 1,
      limit: 1,
      cursor: page.nextCursor,
    });
    expect([next.items.map((f) => f.username), next.nextCursor]).toEqual([['bob'], null]);
    const followers = await app.ok<Page<FollowEntry>>('follows:followers', { userId: 2 });
    expect(followers.items.map((f) => f.username)).toEqual(['ann']);
    expect(await app.ok('follows:remove', { followerId: 1, followedId: 2 })).toEqual({ following: false });
    expect(await app.ok('follows:status', { followerId: 1, followedId: 2 })).toEqual({ following: false });
  });

  it('refuses to follow for another, a locked or a missing profile, and oneself, changing nothing', async () => {
    const app = await threeProfiles();
    await app.ok('follows:add', { followerId: 1, followedId: 2 });
    const before = app.rows();
    expect(await app.fails('follows:add', { followerId: 2, followedId: 3 })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await app.fails('follows:remove', { followerId: 2, followedId: 1 })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await app.fails('follows:add', { followerId: 1, followedId: 1 })).toEqual({
      code: 'INVALID_INPUT',
      message: 'You cannot follow yourself.',
      field: 'followedId',
      sentence: { key: 'errors.followSelf' },
    });
    expect(await app.fails('follows:add', { followerId: 1, followedId: 99 })).toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    expect(app.rows()).toBe(before);
    // cat is active, but after a restart its password has not been given again.
    await app.ok('session:activate', { userId: 3 });
    app.ctx.close();
    const restarted = await createAppContext({ dbPath: app.dbPath });
    try {
      const result = await restarted.dispatch('follows:add', { followerId: 3, followedId: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: 'PROFILE_LOCKED', field: 'password' } });
      expect(JSON.stringify(restarted.db.prepare(`SELECT * FROM follows`).all())).toBe(before);
    } finally {
      restarted.close();
    }
  });
});

describe('the Following feed over IPC', () => {
  it('holds your own posts and those of whom you follow, newest first, and changes with a follow', async () => {
    const app = await threeProfiles();
    const feed = async () =>
      (await app.ok<Page<TimelinePost>>('feed:following', { userId: 1 })).items.map((p) => p.body);
    expect(await feed()).toEqual(['ann writes about sqlite']);
    await app.ok('follows:add', { followerId: 1, followedId: 2 });
    expect(await feed()).toEqual([
      'bob again: full text search',
      'bob likes SQLite and search',
      'ann writes about sqlite',
    ]);
    await app.ok('follows:remove', { followerId: 1, followedId: 2 });
    expect(await feed()).toEqual(['ann writes about sqlite']);
  });
});

describe('search over IPC', () => {
  const bodies = (page: Page<SearchHit>) => page.items.map((p) => p.body);

  it('finds words, phrases and prefixes newest first, with the matches as ranges', async () => {
    const app = await threeProfiles();
    const sqlite = await app.ok<Page<SearchHit>>('search:posts', { query: 'sqlite' });
    expect(bodies(sqlite)).toEqual(['bob likes SQLite and search', 'ann writes about sqlite']);
    const [first] = sqlite.items;
    expect(first?.highlights.map(([a, b]) => first.body.slice(a, b))).toEqual(['SQLite']);
    expect(bodies(await app.ok('search:posts', { query: '"full text"' }))).toEqual([
      'bob again: full text search',
    ]);
    expect(bodies(await app.ok('search:posts', { query: '"text full"' }))).toEqual([]);
    expect(bodies(await app.ok('search:posts', { query: 'sea*' }))).toHaveLength(2);
    expect(bodies(await app.ok('search:posts', { query: 'search from:bob' }))).toHaveLength(2);
    expect(bodies(await app.ok('search:posts', { query: 'sqlite from:ann' }))).toEqual([
      'ann writes about sqlite',
    ]);
  });

  it('treats FTS5 syntax as plain text and answers a sentence when there is nothing to search', async () => {
    const app = await threeProfiles();
    for (const query of [
      '"',
      '*',
      'NEAR(',
      'col:',
      'body:sqlite',
      'sqlite AND',
      '(sqlite',
      '^sqlite',
      'NOT sqlite',
    ]) {
      const result = await app.call('search:posts', { query });
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
      if (!result.ok) expect(result.error.message).toBe('Type a word to search for.');
    }
    expect(bodies(await app.ok('search:posts', { query: 'body:sqlite' }))).toEqual([]);
    expect(bodies(await app.ok('search:posts', { query: '^sqlite' }))).toHaveLength(2);
    expect(bodies(await app.ok('search:posts', { query: '<img src=x onerror=alert(1)>' }))).toEqual([
      'cat posts <img src=x onerror=alert(1)>',
    ]);
    expect(await app.fails('search:posts', { query: '" * -' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Type a word to search for.',
    });
    expect(await app.fails('search:posts', { query: 'x from:nobody' })).toMatchObject({
      code: 'USER_NOT_FOUND',
      message: 'There is no profile named nobody.',
    });
    expect(await app.fails('search:posts', { query: 'a'.repeat(201) })).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('the directory over IPC', () => {
  it('matches substrings of username and email, in natural order, saying whom the viewer follows', async () => {
    const app = await startApp();
    for (const username of ['sam79', 'Sam9', 'sam100', 'bob', 'rosa']) {
      await app.ok('users:create', { username, email: `${username.toLowerCase()}@example.com` });
    }
    await app.ok('session:activate', { userId: 4 });
    await app.ok('follows:add', { followerId: 4, followedId: 1 });
    const list = async (payload: Record<string, unknown>) =>
      (await app.ok<DirectoryUser[]>('search:users', payload)).map(
        (u) => `${u.username}${u.followed ? '+' : ''}`,
      );
    expect(await list({ text: 'sam', viewerId: 4 })).toEqual(['Sam9', 'sam79+', 'sam100']);
    expect(await list({ text: 'SAM', order: 'desc' })).toEqual(['sam100', 'sam79', 'Sam9']);
    expect(await list({ text: 'amp' })).toHaveLength(5);
    expect(await list({ text: 'ob' })).toEqual(['bob']);
    expect(await list({ text: 'zz@' })).toEqual([]);
    expect(await list({ text: '9@example' })).toEqual(['Sam9', 'sam79']);
    expect(await list({ text: '%' })).toEqual([]);
    expect(await list({})).toEqual(['bob', 'rosa', 'Sam9', 'sam79', 'sam100']);
  });
});
