import { describe, expect, it } from 'vitest';
import type { Session, User, UserProfile } from '../../electron/ipc/contract';
import { twoProfiles } from './context';

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
      sentence: { key: 'errors.usernameTaken' },
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
    ).toEqual({
      code: 'WRONG_PASSWORD',
      message: 'That password is not right.',
      field: 'currentPassword',
      sentence: { key: 'errors.wrongPassword' },
    });
    expect(await app.fails('users:setPassword', { userId: app.a.id, newPassword: null })).toEqual({
      code: 'WRONG_PASSWORD',
      message: 'Enter your current password.',
      field: 'currentPassword',
      sentence: { key: 'password.enterCurrent' },
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
      sentence: { key: 'errors.tooManySeconds', params: { count: 30 } },
      field: 'currentPassword',
    });
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
