import { describe, expect, it } from 'vitest';
import type { FirstScreen, Session } from '../../electron/ipc/contract';
import { PAGE_SIZE_SENTENCE } from '../../electron/db/rules';
import { createAppContext } from '../../electron/main/app-context';
import { startApp } from './context';

describe('app:firstScreen', () => {
  it('on the first run: no profile, no session, an empty timeline, no draft', async () => {
    const app = await startApp();
    expect(await app.ok<FirstScreen>('app:firstScreen', {})).toEqual({
      session: { activeUser: null, locked: false },
      hasProfiles: false,
      timeline: { items: [], nextCursor: null, prevCursor: null },
      draft: null,
    });
  });

  it('answers what session:get, posts:timeline and drafts:get answer, in one call', async () => {
    const app = await startApp();
    const susan = await app.ok<{ id: number }>('users:create', { username: 'susan', email: 's@example.com' });
    await app.ok('session:activate', { userId: susan.id });
    for (let i = 0; i < 5; i++) await app.ok('posts:create', { userId: susan.id, body: `post ${i}` });
    await app.ok('drafts:save', { userId: susan.id, body: 'half a thought' });

    const first = await app.ok<FirstScreen>('app:firstScreen', { limit: 3 });
    expect(first.session).toEqual(await app.ok('session:get', {}));
    expect(first.hasProfiles).toBe(true);
    expect(first.timeline).toEqual(await app.ok('posts:timeline', { limit: 3 }));
    expect(first.timeline.items.map((p) => p.body)).toEqual(['post 4', 'post 3', 'post 2']);
    expect(first.draft).toEqual(await app.ok('drafts:get', { userId: susan.id }));
    expect(first.draft?.body).toBe('half a thought');
  });

  it('gives no draft of a profile that is still locked after a restart', async () => {
    const app = await startApp();
    const bob = await app.ok<{ id: number }>('users:create', {
      username: 'bob',
      email: 'b@example.com',
      password: 'correct horse battery',
    });
    await app.ok('session:activate', { userId: bob.id });
    await app.ok('drafts:save', { userId: bob.id, body: 'private words' });
    app.ctx.close();

    const restarted = await createAppContext({ dbPath: app.dbPath });
    try {
      const result = await restarted.dispatch('app:firstScreen', {});
      if (!result.ok) throw new Error(result.error.message);
      const first = result.value as FirstScreen;
      expect(first.session).toMatchObject({ locked: true } satisfies Partial<Session>);
      expect(first.session.activeUser?.username).toBe('bob');
      expect(first.draft).toBeNull();
      expect(JSON.stringify(first)).not.toContain('private words');
    } finally {
      restarted.close();
    }
  });

  it('refuses a bad page size or an unknown key with a sentence, and changes nothing', async () => {
    const app = await startApp();
    expect(await app.fails('app:firstScreen', { limit: 0 })).toMatchObject({
      code: 'BAD_REQUEST',
      message: PAGE_SIZE_SENTENCE,
      field: 'limit',
    });
    expect(await app.fails('app:firstScreen', { limit: 10, userId: 1 })).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('posts:timeline and posts:byUser with direction "newer"', () => {
  it('read the page just before a cursor, newest first, and lead back up to the top', async () => {
    const app = await startApp();
    const susan = await app.ok<{ id: number }>('users:create', { username: 'susan', email: 's@example.com' });
    await app.ok('session:activate', { userId: susan.id });
    for (let i = 0; i < 7; i++) await app.ok('posts:create', { userId: susan.id, body: `post ${i}` });
    type P = { items: { body: string }[]; nextCursor: string | null; prevCursor: string | null };
    for (const [channel, extra] of [
      ['posts:timeline', {}],
      ['posts:byUser', { userId: susan.id }],
    ] as const) {
      const first = await app.ok<P>(channel, { ...extra, limit: 3 });
      const second = await app.ok<P>(channel, { ...extra, cursor: first.nextCursor, limit: 3 });
      expect(second.items.map((p) => p.body)).toEqual(['post 3', 'post 2', 'post 1']);
      const back = await app.ok<P>(channel, {
        ...extra,
        cursor: second.prevCursor,
        limit: 3,
        direction: 'newer',
      });
      expect(back.items.map((p) => p.body)).toEqual(['post 6', 'post 5', 'post 4']);
      expect(back.prevCursor).toBeNull();
    }
    expect(await app.fails('posts:timeline', { direction: 'up' })).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The direction is "older" or "newer".',
    });
  });
});
