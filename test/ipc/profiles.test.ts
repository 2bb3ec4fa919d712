import { describe, expect, it } from 'vitest';
import { AVATAR_BYTES_MAX } from '../../electron/db/profile-rules';
import type { Channel, Session, User, UserProfile } from '../../electron/ipc/contract';
import { TINY_PNG, startApp } from './context';

/** Two profiles, `a` active; `b` (with a password) has a post, a draft and a picture. */
async function twoProfiles() {
  const app = await startApp();
  const b = await app.ok<User>('users:create', {
    username: 'b',
    email: 'b@example.com',
    password: 'b password',
  });
  await app.ok('session:activate', { userId: b.id });
  await app.ok('posts:create', { userId: b.id, body: 'by b' });
  await app.ok('drafts:save', { userId: b.id, body: 'b draft' });
  await app.ok('users:setAvatar', { userId: b.id, image: TINY_PNG });
  const a = await app.ok<User>('users:create', { username: 'a' });
  await app.ok('session:activate', { userId: a.id });
  const snapshot = () =>
    JSON.stringify(
      ['users', 'posts', 'drafts', 'avatars', 'settings'].map((t) =>
        app.ctx.db.prepare(`SELECT * FROM ${t}`).all(),
      ),
    );
  return { ...app, a, b, snapshot };
}

describe('a profile edits only itself', () => {
  const writes = (userId: number): [Channel, Record<string, unknown>][] => [
    ['users:update', { userId, username: 'taken-over', displayName: 'X', aboutMe: 'X', email: '' }],
    ['users:setPassword', { userId, currentPassword: 'b password', newPassword: 'another password' }],
    ['users:setPassword', { userId, currentPassword: 'b password', newPassword: null }],
    ['users:setAvatar', { userId, image: TINY_PNG }],
    ['users:removeAvatar', { userId }],
    ['users:delete', { userId, password: 'b password' }],
  ];

  it.each([0, 1, 2, 3, 4, 5])(
    'write %i for another profile answers FORBIDDEN and changes nothing',
    async (i) => {
      const app = await twoProfiles();
      const [channel, payload] = writes(app.b.id)[i] as [Channel, Record<string, unknown>];
      const before = app.snapshot();
      expect(await app.fails(channel, payload)).toEqual({
        code: 'FORBIDDEN',
        message: 'Only the active profile can change itself. Switch to it first.',
      });
      expect(app.snapshot()).toBe(before);
    },
  );

  it('the same writes are refused with no active profile, and a missing profile is not found', async () => {
    const app = await twoProfiles();
    app.ctx.db.prepare(`DELETE FROM settings WHERE key = 'activeUserId'`).run();
    const before = app.snapshot();
    for (const [channel, payload] of writes(app.a.id)) {
      expect((await app.fails(channel, payload)).code, channel).toBe('FORBIDDEN');
    }
    for (const [channel, payload] of writes(4242)) {
      expect((await app.fails(channel, payload)).code, channel).toBe('USER_NOT_FOUND');
    }
    expect(app.snapshot()).toBe(before);
  });
});

describe('users:update', () => {
  it('saves every field; an empty display name, about me or email is none', async () => {
    const app = await twoProfiles();
    const saved = await app.ok<User>('users:update', {
      userId: app.a.id,
      username: 'Jose',
      displayName: 'José 👋🏽',
      aboutMe: 'Línea uno\nline two',
      email: 'jose@example.com',
    });
    expect(saved).toMatchObject({ username: 'Jose', displayName: 'José 👋🏽', email: 'jose@example.com' });
    expect(await app.ok<UserProfile>('users:get', { username: 'jose' })).toMatchObject({
      aboutMe: 'Línea uno\nline two',
      displayName: 'José 👋🏽',
    });
    await app.ok('users:update', {
      userId: app.a.id,
      username: 'Jose',
      displayName: '',
      aboutMe: '',
      email: '',
    });
    expect(await app.ok<UserProfile>('users:get', { username: 'jose' })).toMatchObject({
      displayName: null,
      aboutMe: null,
      email: null,
    });
  });

  it('counts display name and about me in graphemes, and refuses in its own words', async () => {
    const app = await twoProfiles();
    const edit = (fields: Record<string, string>) =>
      app.call('users:update', {
        userId: app.a.id,
        username: 'a',
        displayName: '',
        aboutMe: '',
        email: '',
        ...fields,
      });
    expect((await edit({ displayName: '👩‍👩‍👧‍👦'.repeat(50) })).ok).toBe(true);
    expect(await edit({ displayName: '👩‍👩‍👧‍👦'.repeat(51) })).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'A display name has at most 50 characters.',
        field: 'displayName',
      },
    });
    expect((await edit({ aboutMe: 'e\u0301'.repeat(280) })).ok).toBe(true);
    expect(await edit({ aboutMe: 'x'.repeat(281) })).toMatchObject({
      error: { message: 'About me has at most 280 characters.', field: 'aboutMe' },
    });
    expect(
      await edit({ displayName: 'a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308'.repeat(50) }),
    ).toMatchObject({
      error: { message: 'A display name has too many combining marks for its length.' },
    });
    expect(await edit({ email: 'nope' })).toMatchObject({
      error: { message: 'That is not an email address.' },
    });
  });

  it('a rename stays unique ignoring case, and the email too', async () => {
    const app = await twoProfiles();
    const before = app.snapshot();
    const base = { userId: app.a.id, displayName: '', aboutMe: '', email: '' };
    expect(await app.fails('users:update', { ...base, username: 'B' })).toEqual({
      code: 'USERNAME_TAKEN',
      message: 'That username is taken.',
      field: 'username',
    });
    expect(await app.fails('users:update', { ...base, username: 'a', email: 'B@EXAMPLE.com' })).toMatchObject(
      {
        code: 'EMAIL_TAKEN',
        field: 'email',
      },
    );
    expect(app.snapshot()).toBe(before);
  });
});

describe('users:setPassword', () => {
  it('sets a first password, then changes and removes it only with the current one', async () => {
    const app = await twoProfiles();
    const set = await app.ok<User>('users:setPassword', { userId: app.a.id, newPassword: 'first password' });
    expect(set.hasPassword).toBe(true);
    // Still unlocked in this process: whoever chose it just typed it.
    expect(await app.ok<Session>('session:get', {})).toMatchObject({ locked: false });
    const before = app.snapshot();
    expect(
      await app.fails('users:setPassword', {
        userId: app.a.id,
        currentPassword: 'wrong one',
        newPassword: 'x'.repeat(8),
      }),
    ).toEqual({ code: 'WRONG_PASSWORD', message: 'That password is not right.', field: 'currentPassword' });
    expect(await app.fails('users:setPassword', { userId: app.a.id, newPassword: null })).toEqual({
      code: 'WRONG_PASSWORD',
      message: 'Enter your current password.',
      field: 'currentPassword',
    });
    expect(
      await app.fails('users:setPassword', {
        userId: app.a.id,
        currentPassword: 'first password',
        newPassword: 'short',
      }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'newPassword',
    });
    expect(app.snapshot()).toBe(before);
    await app.ok('users:setPassword', {
      userId: app.a.id,
      currentPassword: 'first password',
      newPassword: 'second password',
    });
    // The old one no longer works; the new one removes the password.
    expect(
      (
        await app.fails('users:setPassword', {
          userId: app.a.id,
          currentPassword: 'first password',
          newPassword: null,
        })
      ).code,
    ).toBe('WRONG_PASSWORD');
    const removed = await app.ok<User>('users:setPassword', {
      userId: app.a.id,
      currentPassword: 'second password',
      newPassword: null,
    });
    expect(removed.hasPassword).toBe(false);
  });

  it('wrong current passwords wait like unlocking does', async () => {
    const app = await twoProfiles();
    await app.ok('users:setPassword', { userId: app.a.id, newPassword: 'first password' });
    const wrong = { userId: app.a.id, currentPassword: 'not it at all', newPassword: 'whatever password' };
    for (let i = 0; i < 5; i++)
      expect((await app.fails('users:setPassword', wrong)).code).toBe('WRONG_PASSWORD');
    const right = { ...wrong, currentPassword: 'first password' };
    expect(await app.fails('users:setPassword', right)).toEqual({
      code: 'PROFILE_LOCKED',
      message: 'Too many wrong passwords. Try again in 30 seconds.',
      field: 'currentPassword',
    });
  });
});

describe('users:setAvatar, users:removeAvatar, users:avatar', () => {
  it('stores a PNG, JPEG or WebP, serves it as a data: URL, and removes it', async () => {
    const app = await twoProfiles();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const user = await app.ok<User>('users:setAvatar', { userId: app.a.id, image: jpeg });
    expect(user.hasAvatar).toBe(true);
    const url = `data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}`;
    expect(await app.ok('users:avatar', { userId: app.a.id })).toBe(url);
    expect(await app.ok<UserProfile>('users:get', { username: 'a' })).toMatchObject({
      avatar: url,
      hasAvatar: true,
    });
    const webp = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
    await app.ok('users:setAvatar', { userId: app.a.id, image: webp });
    expect(await app.ok('users:avatar', { userId: app.a.id })).toMatch(/^data:image\/webp;base64,/);
    expect((await app.ok<User>('users:removeAvatar', { userId: app.a.id })).hasAvatar).toBe(false);
    expect(await app.ok('users:avatar', { userId: app.a.id })).toBeNull();
  });

  it('refuses what is not an image, or too large, with one sentence, keeping the stored picture', async () => {
    const app = await twoProfiles();
    await app.ok('users:setAvatar', { userId: app.a.id, image: TINY_PNG });
    const before = app.snapshot();
    const gif = new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0, 0]);
    const big = new Uint8Array(AVATAR_BYTES_MAX + 1);
    big.set(TINY_PNG);
    for (const [image, message] of [
      [gif, 'That file is not an image Microblog can use. Pick a PNG, JPEG or WebP picture.'],
      [new Uint8Array(0), 'That file is not an image Microblog can use. Pick a PNG, JPEG or WebP picture.'],
      [big, 'That picture is too large. A profile picture has at most 256 KB.'],
    ] as const) {
      expect(await app.fails('users:setAvatar', { userId: app.a.id, image })).toEqual({
        code: 'BAD_REQUEST',
        message,
        field: 'image',
      });
    }
    expect(await app.fails('users:setAvatar', { userId: app.a.id, image: 'iVBORw0KGgo=' })).toMatchObject({
      message: 'That picture could not be read. Pick the file again.',
    });
    expect(
      (await app.fails('users:setAvatar', { userId: app.a.id, image: new Uint8Array(2_000_000) })).code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(app.snapshot()).toBe(before);
  });
});

describe('users:delete', () => {
  it('needs the password of a protected profile in the same call', async () => {
    const app = await twoProfiles();
    await app.ok('session:unlock', { userId: app.b.id, password: 'b password' });
    const before = app.snapshot();
    expect(await app.fails('users:delete', { userId: app.b.id })).toEqual({
      code: 'WRONG_PASSWORD',
      message: 'Enter your current password.',
      field: 'password',
    });
    expect((await app.fails('users:delete', { userId: app.b.id, password: 'wrong password' })).code).toBe(
      'WRONG_PASSWORD',
    );
    expect(app.snapshot()).toBe(before);
    expect(await app.ok('users:delete', { userId: app.b.id, password: 'b password' })).toEqual({
      deletedPosts: 1,
    });
    expect(app.ctx.db.prepare(`SELECT count(*) FROM avatars`).pluck().get()).toBe(0);
  });
});

describe('last_seen', () => {
  it('moves when the profile is activated or posts, at most once a minute', async () => {
    const app = await twoProfiles();
    const seen = () =>
      app.ctx.db.prepare(`SELECT last_seen FROM users WHERE id = ?`).pluck().get(app.a.id) as string;
    app.ctx.db.prepare(`UPDATE users SET last_seen = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(app.a.id);
    const post = await app.ok<{ timestamp: string }>('posts:create', { userId: app.a.id, body: 'hello' });
    expect(seen()).toBe(post.timestamp);
    // Within the minute, another post leaves it where it is.
    await app.ok('posts:create', { userId: app.a.id, body: 'again' });
    expect(seen()).toBe(post.timestamp);
    app.ctx.db.prepare(`UPDATE users SET last_seen = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(app.a.id);
    await app.ok('session:activate', { userId: app.a.id });
    expect(seen() > '2026-01-01T00:00:00.000Z').toBe(true);
  });
});
