import { describe, expect, it } from 'vitest';
import type { Session, User } from '../../electron/ipc/contract';
import { createAppContext } from '../../electron/main/app-context';
import { startApp } from './context';

describe('sessions and locked profiles', () => {
  it('session:get is empty at first, and session:activate sets a profile without password', async () => {
    const app = await startApp();
    expect(await app.ok<Session>('session:get', {})).toEqual({ activeUser: null, locked: false });
    const a = await app.ok<User>('users:create', { username: 'a', email: 'a@example.com' });
    expect(await app.ok<Session>('session:activate', { userId: a.id })).toEqual({
      activeUser: a,
      locked: false,
    });
    expect(await app.ok<Session>('session:get', {})).toEqual({ activeUser: a, locked: false });
    expect(await app.fails('session:activate', { userId: 4242 })).toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('a profile created with a password is unlocked in this process only', async () => {
    const app = await startApp();
    const p = await app.ok<User>('users:create', {
      username: 'p',
      email: 'p@example.com',
      password: 'correct horse',
    });
    expect(p.hasPassword).toBe(true);
    expect(await app.ok<Session>('session:activate', { userId: p.id })).toEqual({
      activeUser: p,
      locked: false,
    });
    await app.ok('posts:create', { userId: p.id, body: 'hello' });
    app.ctx.close();

    // A restart forgets the unlock: the profile is still active, but locked.
    const again = await createAppContext({ dbPath: app.dbPath });
    try {
      const session = await again.dispatch('session:get', {});
      expect(session).toEqual({ ok: true, value: { activeUser: p, locked: true } });
      for (const [channel, payload] of [
        ['posts:create', { userId: p.id, body: 'sneaky' }],
        ['posts:delete', { userId: p.id, postId: 1 }],
        ['drafts:get', { userId: p.id }],
        ['drafts:save', { userId: p.id, body: 'x' }],
        ['users:delete', { userId: p.id }],
        ['session:activate', { userId: p.id }],
      ] as const) {
        expect(await again.dispatch(channel, payload), channel).toMatchObject({
          ok: false,
          error: { code: 'PROFILE_LOCKED', field: 'password' },
        });
      }
      expect(await again.dispatch('posts:timeline', {})).toMatchObject({
        ok: true,
        value: { items: [{ body: 'hello' }] },
      });

      expect(await again.dispatch('session:unlock', { userId: p.id, password: 'wrong horse' })).toMatchObject(
        {
          ok: false,
          error: { code: 'WRONG_PASSWORD', field: 'password' },
        },
      );
      expect(await again.dispatch('session:get', {})).toMatchObject({ value: { locked: true } });
      expect(await again.dispatch('session:unlock', { userId: p.id, password: 'correct horse' })).toEqual({
        ok: true,
        value: { activeUser: p, locked: false },
      });
      expect(await again.dispatch('posts:create', { userId: p.id, body: 'now allowed' })).toMatchObject({
        ok: true,
      });
      expect(await again.dispatch('users:delete', { userId: p.id, password: 'correct horse' })).toEqual({
        ok: true,
        value: { deletedPosts: 2 },
      });
    } finally {
      again.close();
    }
  });

  it('unlocking one profile does not unlock another, and switching away locks it again', async () => {
    const app = await startApp();
    const a = await app.ok<User>('users:create', { username: 'a', email: 'a@example.com' });
    app.ctx.close();
    const setup = await createAppContext({ dbPath: app.dbPath });
    await setup.dispatch('users:create', { username: 'p', email: 'p@example.com', password: 'password-p' });
    await setup.dispatch('users:create', { username: 'q', email: 'q@example.com', password: 'password-q' });
    setup.close();

    const ctx = await createAppContext({ dbPath: app.dbPath });
    try {
      expect(await ctx.dispatch('session:unlock', { userId: 2, password: 'password-q' })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSWORD' },
      });
      expect(await ctx.dispatch('session:unlock', { userId: 2, password: 'password-p' })).toMatchObject({
        ok: true,
      });
      expect(await ctx.dispatch('session:activate', { userId: 3 })).toMatchObject({
        error: { code: 'PROFILE_LOCKED' },
      });
      expect(await ctx.dispatch('session:activate', { userId: 2 })).toMatchObject({
        ok: true,
        value: { locked: false },
      });
      expect(await ctx.dispatch('session:activate', { userId: a.id })).toMatchObject({ ok: true });
      // Coming back to a protected profile asks for its password again.
      expect(await ctx.dispatch('session:activate', { userId: 2 })).toMatchObject({
        ok: false,
        error: { code: 'PROFILE_LOCKED', field: 'password' },
      });
      // a is active now: p may not post, whether or not its password is known.
      expect(await ctx.dispatch('posts:create', { userId: 2, body: 'sneaky' })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await ctx.dispatch('session:unlock', { userId: 2, password: 'password-p' })).toMatchObject({
        ok: true,
        value: { activeUser: { id: 2 }, locked: false },
      });
      // A profile without a password has nothing to unlock: it just becomes active.
      expect(await ctx.dispatch('session:unlock', { userId: a.id, password: '' })).toMatchObject({
        ok: true,
        value: { activeUser: { id: a.id }, locked: false },
      });
    } finally {
      ctx.close();
    }
  });

  it('session:get forgets an active profile that no longer exists', async () => {
    const app = await startApp();
    const a = await app.ok<User>('users:create', { username: 'a', email: 'a@example.com' });
    await app.ok('session:activate', { userId: a.id });
    app.ctx.db.prepare(`DELETE FROM users`).run();
    expect(await app.ok<Session>('session:get', {})).toEqual({ activeUser: null, locked: false });
  });
});
