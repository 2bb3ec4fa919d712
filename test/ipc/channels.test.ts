import { describe, expect, it } from 'vitest';
import type {
  AppInfo,
  Draft,
  Page,
  Post,
  Session,
  TimelinePost,
  User,
  UserProfile,
} from '../../electron/ipc/contract';
import { migrations } from '../../migrations/index';
import { startApp } from './context';

describe('every channel, called as IPC would', () => {
  it('app:info reports version, paths, schema version, platform and the versions a bug report needs', async () => {
    const app = await startApp();
    const info = await app.ok<AppInfo>('app:info', {});
    expect(info).toEqual({
      version: '9.9.9',
      databasePath: app.dbPath,
      dataFolder: app.dir,
      schemaVersion: migrations.at(-1)?.name,
      platform: process.platform,
      // Outside Electron there is no Electron or Chromium in this process.
      versions: {
        electron: null,
        chrome: null,
        node: process.versions.node,
        sqlite: expect.stringMatching(/^3\.\d+\.\d+$/),
      },
    });
  });

  it('users:create, users:list (order, prefix), users:get with postCount', async () => {
    const app = await startApp();
    for (const name of ['susan', 'bob', 'sam', 'Sally_1']) {
      await app.ok('users:create', { username: name, email: `${name}@example.com` });
    }
    const asc = await app.ok<User[]>('users:list', { order: 'asc' });
    expect(asc.map((u) => u.username)).toEqual(['bob', 'Sally_1', 'sam', 'susan']);
    const desc = await app.ok<User[]>('users:list', { order: 'desc', prefix: 's' });
    expect(desc.map((u) => u.username)).toEqual(['susan', 'sam', 'Sally_1']);
    const literal = await app.ok<User[]>('users:list', { order: 'asc', prefix: 'sally_' });
    expect(literal.map((u) => u.username)).toEqual(['Sally_1']);

    const susan = asc.find((u) => u.username === 'susan') as User;
    await app.ok('session:activate', { userId: susan.id });
    await app.ok('posts:create', { userId: susan.id, body: 'one' });
    await app.ok('posts:create', { userId: susan.id, body: 'two' });
    const profile = await app.ok<UserProfile>('users:get', { username: 'susan' });
    expect(profile).toEqual({
      ...susan,
      postCount: 2,
      aboutMe: null,
      lastSeen: expect.any(String),
      createdAt: expect.any(String),
      avatar: null,
      followers: 0,
      following: 0,
    });
    expect(Object.keys(profile)).not.toContain('password_hash');
    expect(await app.fails('users:get', { username: 'nobody' })).toMatchObject({
      code: 'USER_NOT_FOUND',
      field: 'username',
    });
  });

  it('users:create reports taken names and bad fields with the field name', async () => {
    const app = await startApp();
    await app.ok('users:create', { username: 'susan', email: 'susan@example.com' });
    expect(await app.fails('users:create', { username: 'SUSAN', email: 'other@example.com' })).toEqual({
      code: 'USERNAME_TAKEN',
      message: 'That username is taken.',
      field: 'username',
      sentence: { key: 'errors.usernameTaken' },
    });
    expect(await app.fails('users:create', { username: 'bob', email: 'SUSAN@example.com' })).toMatchObject({
      code: 'EMAIL_TAKEN',
      field: 'email',
    });
    expect(await app.fails('users:create', { username: 'b o b', email: 'bob@example.com' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'username',
    });
    expect(
      await app.fails('users:create', { username: 'bob', email: 'bob@example.com', password: 'short' }),
    ).toMatchObject({ code: 'INVALID_INPUT', field: 'password' });
  });

  it('posts:create, posts:timeline and posts:byUser page newest first', async () => {
    const app = await startApp();
    const a = await app.ok<User>('users:create', { username: 'a', email: 'a@example.com' });
    const b = await app.ok<User>('users:create', { username: 'b', email: 'b@example.com' });
    const made: Post[] = [];
    for (let i = 0; i < 5; i++) {
      const userId = i % 2 ? b.id : a.id;
      await app.ok('session:activate', { userId });
      made.push(await app.ok<Post>('posts:create', { userId, body: `p${i}` }));
    }
    const first = await app.ok<Page<TimelinePost>>('posts:timeline', { limit: 3 });
    expect(first.items.map((p) => p.body)).toEqual(['p4', 'p3', 'p2']);
    expect(first.items[0]?.username).toBe('a');
    const second = await app.ok<Page<TimelinePost>>('posts:timeline', { cursor: first.nextCursor, limit: 3 });
    expect(second.items.map((p) => p.body)).toEqual(['p1', 'p0']);
    expect(second.nextCursor).toBeNull();
    const mine = await app.ok<Page<Post>>('posts:byUser', { userId: b.id });
    expect(mine.items.map((p) => p.body)).toEqual(['p3', 'p1']);
    expect(await app.fails('posts:timeline', { cursor: 'garbage' })).toMatchObject({
      code: 'INVALID_CURSOR',
    });
    expect(await app.fails('posts:create', { userId: a.id, body: '   ' })).toMatchObject({
      code: 'BODY_EMPTY',
      field: 'body',
    });
    expect(await app.fails('posts:create', { userId: a.id, body: 'x'.repeat(141) })).toMatchObject({
      code: 'BODY_TOO_LONG',
      field: 'body',
    });
    // 140 emoji are 140 characters.
    await app.ok('posts:create', { userId: a.id, body: '😀'.repeat(140) });
    expect(await app.fails('posts:create', { userId: 999, body: 'hi' })).toMatchObject({
      code: 'USER_NOT_FOUND',
    });
  });

  it('posts:delete deletes only the given user’s own post', async () => {
    const app = await startApp();
    const a = await app.ok<User>('users:create', { username: 'a', email: 'a@example.com' });
    const b = await app.ok<User>('users:create', { username: 'b', email: 'b@example.com' });
    await app.ok('session:activate', { userId: a.id });
    const post = await app.ok<Post>('posts:create', { userId: a.id, body: 'mine' });
    // b, active, names a's post as its own: b has no such post.
    await app.ok('session:activate', { userId: b.id });
    expect(await app.fails('posts:delete', { postId: post.id, userId: b.id })).toMatchObject({
      code: 'POST_NOT_FOUND',
    });
    await app.ok('session:activate', { userId: a.id });
    expect((await app.ok<Page<Post>>('posts:byUser', { userId: a.id })).items).toHaveLength(1);
    expect(await app.ok('posts:delete', { postId: post.id, userId: a.id })).toEqual({ postId: post.id });
    expect((await app.ok<Page<Post>>('posts:byUser', { userId: a.id })).items).toHaveLength(0);
    expect(await app.fails('posts:delete', { postId: post.id, userId: a.id })).toMatchObject({
      code: 'POST_NOT_FOUND',
    });
  });

  it('drafts:save and drafts:get keep a draft; posting clears it in the same step', async () => {
    const app = await startApp();
    const a = await app.ok<User>('users:create', { username: 'a', email: 'a@example.com' });
    await app.ok('session:activate', { userId: a.id });
    expect(await app.ok('drafts:get', { userId: a.id })).toBeNull();
    const saved = await app.ok<Draft>('drafts:save', { userId: a.id, body: 'half a tho' });
    expect(saved.body).toBe('half a tho');
    expect(await app.ok<Draft>('drafts:get', { userId: a.id })).toEqual(saved);
    await app.ok('posts:create', { userId: a.id, body: 'half a thought, finished' });
    expect(await app.ok('drafts:get', { userId: a.id })).toBeNull();

    // A refused post keeps the draft.
    await app.ok('drafts:save', { userId: a.id, body: 'x'.repeat(141) });
    await app.fails('posts:create', { userId: a.id, body: 'x'.repeat(141) });
    expect((await app.ok<Draft>('drafts:get', { userId: a.id })).body).toHaveLength(141);
    expect(await app.ok('drafts:save', { userId: a.id, body: '' })).toBeNull();
    expect(await app.ok('drafts:get', { userId: a.id })).toBeNull();
  });

  it('users:delete returns deletedPosts, removes the posts and clears the active profile', async () => {
    const app = await startApp();
    const a = await app.ok<User>('users:create', { username: 'a', email: 'a@example.com' });
    const b = await app.ok<User>('users:create', { username: 'b', email: 'b@example.com' });
    await app.ok('session:activate', { userId: b.id });
    await app.ok('posts:create', { userId: b.id, body: 'b' });
    await app.ok('session:activate', { userId: a.id });
    for (const body of ['1', '2', '3']) await app.ok('posts:create', { userId: a.id, body });
    expect(await app.ok('users:delete', { userId: a.id })).toEqual({ deletedPosts: 3 });
    expect(await app.ok<Session>('session:get', {})).toEqual({ activeUser: null, locked: false });
    expect((await app.ok<Page<TimelinePost>>('posts:timeline', {})).items.map((p) => p.body)).toEqual(['b']);
    expect(await app.fails('users:delete', { userId: a.id })).toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});
