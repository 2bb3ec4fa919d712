import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../electron/db/accounts';
import { createRepositories } from '../../electron/db/index';
import { createOutboxRepository } from '../../electron/db/outbox';
import type { Post, PublishState, User } from '../../electron/ipc/contract';
import { type AppEvent, parseEvent } from '../../electron/ipc/events';
import { type AppContext, createAppContext } from '../../electron/main/app-context';
import { tempDir } from '../fixtures/index';

const open: AppContext[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.close();
});

/** An app that publishes, on a computer that is offline and has no keychain. */
async function offlineApp() {
  const dir = tempDir();
  const ctx = await createAppContext({
    dbPath: path.join(dir, 'microblog.db'),
    publishing: {
      sessionsFolder: path.join(dir, 'sessions'),
      cipher: {
        isEncryptionAvailable: () => false,
        encryptString: () => Buffer.alloc(0),
        decryptString: () => '',
      },
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    },
  });
  open.push(ctx);
  const events: AppEvent[] = [];
  ctx.subscribe((event) => events.push(event));
  const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await ctx.dispatch(channel, structuredClone(payload));
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const ann = await ok<User>('users:create', { username: 'ann' });
  await ok('session:activate', { userId: ann.id });
  createAccountRepository(ctx.db).link(
    {
      userId: ann.id,
      did: 'did:plc:ann4567abcdefghijklmnop',
      handle: 'ann.test',
      pdsUrl: 'http://127.0.0.1:9',
    },
    new Date(Date.now() - 60_000),
  );
  const named = (name: AppEvent['name']) => events.filter((event) => event.name === name);
  return { ctx, ok, ann, named };
}

describe('publishing:changed', () => {
  it('names the profile whose post the publisher tried, and never says db:changed for it', async () => {
    const { ok, ann, named } = await offlineApp();
    await ok<Post>('posts:create', { userId: ann.id, body: 'hello from a train' });
    // Not signed in (and offline): the publisher stops, the post stays queued, and the window is told.
    await expect
      .poll(() => named('publishing:changed'), { timeout: 5000 })
      .toEqual([{ name: 'publishing:changed', payload: { userIds: [ann.id] } }]);
    expect(named('db:changed')).toEqual([]);
  });

  it('looks at what an earlier run left waiting once the first screen has its data', async () => {
    const { ctx, ok, ann, named } = await offlineApp();
    // Written past IPC, as an earlier run's queue is found at start: nothing woke the publisher.
    createRepositories(ctx.db).posts.create({ userId: ann.id, body: 'left from yesterday' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(named('publishing:changed')).toEqual([]);
    await ok('app:firstScreen', { limit: 20 });
    await expect
      .poll(() => named('publishing:changed'), { timeout: 5000 })
      .toEqual([{ name: 'publishing:changed', payload: { userIds: [ann.id] } }]);
  });

  it('follows a Retry: the refused post is queued again and the window is told which profile', async () => {
    const { ctx, ok, ann, named } = await offlineApp();
    const post = await ok<Post>('posts:create', { userId: ann.id, body: 'refused once' });
    await expect.poll(() => named('publishing:changed').length, { timeout: 5000 }).toBe(1);
    const outbox = createOutboxRepository(ctx.db);
    const entry = ctx.db.prepare(`SELECT id FROM outbox WHERE post_id = ?`).pluck().get(post.id) as number;
    outbox.refused(entry, { key: 'publishing.refused' });
    const states = () =>
      ok<{ postId: number; state: PublishState }[]>('accounts:postStates', { postIds: [post.id] });
    expect(await states()).toEqual([
      {
        postId: post.id,
        state: {
          state: 'failed',
          reason: 'The server refused this post.',
          sentence: { key: 'publishing.refused' },
        },
      },
    ]);
    expect(await ok('accounts:retry', { userId: ann.id, postId: post.id })).toEqual({ retried: true });
    await expect.poll(() => named('publishing:changed').length, { timeout: 5000 }).toBe(2);
    expect(named('publishing:changed')[1]?.payload).toEqual({ userIds: [ann.id] });
    expect(await states()).toEqual([{ postId: post.id, state: { state: 'queued', attempts: 1 } }]);
  });

  it('is checked like every event: at least one profile id, whole numbers only, nothing else', () => {
    const valid = { name: 'publishing:changed', payload: { userIds: [1, 2] } };
    expect(parseEvent(valid)).toEqual(valid);
    for (const payload of [
      {},
      { userIds: [] },
      { userIds: ['1'] },
      { userIds: [1.5] },
      { userIds: [0] },
      { userIds: [1], postIds: [2] },
      { userIds: Array.from({ length: 1001 }, (_, i) => i + 1) },
    ])
      expect(parseEvent({ name: 'publishing:changed', payload }), JSON.stringify(payload)).toBeNull();
  });
});
