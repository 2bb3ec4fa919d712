import { describe, expect, it } from 'vitest';
import type { Channel, Post, User } from '../../electron/ipc/contract';
import { dump } from '../db/helpers';
import { twoProfiles } from './context';

/**
 * `a` active; `b` (with a password) has a post, a deleted post Undo can bring back, a draft and
 * follows `a`; `c` exists to be followed. Every call below would succeed for `b` itself.
 */
async function threeProfiles() {
  const app = await twoProfiles();
  const c = await app.ok<User>('users:create', { username: 'c' });
  await app.ok('session:unlock', { userId: app.b.id, password: 'b password' });
  const gone = await app.ok<Post>('posts:create', { userId: app.b.id, body: 'b deletes this' });
  await app.ok('posts:delete', { postId: gone.id, userId: app.b.id });
  // Posting cleared b's draft: it is written again, so reading it is worth refusing.
  await app.ok('drafts:save', { userId: app.b.id, body: 'b draft' });
  await app.ok('follows:add', { followerId: app.b.id, followedId: app.a.id });
  await app.ok('session:activate', { userId: app.a.id });
  const post = app.ctx.db.prepare(`SELECT id FROM posts WHERE body = 'by b'`).pluck().get() as number;
  return { ...app, c, post, gone: gone.id };
}

type App = Awaited<ReturnType<typeof threeProfiles>>;

const ACTS_AS_B: [Channel, (app: App) => Record<string, unknown>][] = [
  ['posts:create', ({ b }) => ({ userId: b.id, body: 'posted as b' })],
  ['posts:delete', ({ b, post }) => ({ postId: post, userId: b.id })],
  ['posts:edit', ({ b, post }) => ({ postId: post, userId: b.id, body: 'edited as b' })],
  ['posts:restore', ({ b, gone }) => ({ postId: gone, userId: b.id })],
  ['drafts:get', ({ b }) => ({ userId: b.id })],
  ['drafts:save', ({ b }) => ({ userId: b.id, body: 'overwritten' })],
  ['follows:add', ({ b, c }) => ({ followerId: b.id, followedId: c.id })],
  ['follows:remove', ({ a, b }) => ({ followerId: b.id, followedId: a.id })],
];

describe('a profile posts, keeps its draft and follows only as itself', () => {
  it.each(ACTS_AS_B.map(([channel, payload]) => [channel, payload] as const))(
    '%s for another profile answers FORBIDDEN and changes nothing',
    async (channel, payload) => {
      const app = await threeProfiles();
      const before = dump(app.ctx.db);
      expect(await app.fails(channel, payload(app))).toEqual({
        code: 'FORBIDDEN',
        message: 'Only the active profile can do this. Switch to it first.',
        sentence: { key: 'errors.onlyActiveChanges' },
      });
      expect(dump(app.ctx.db)).toEqual(before);
      // The same call is a good one: b, active and unlocked, makes it.
      await app.ok('session:unlock', { userId: app.b.id, password: 'b password' });
      await app.ok(channel, payload(app));
    },
  );

  it('with no active profile every one is FORBIDDEN, and a missing profile is not found', async () => {
    const app = await threeProfiles();
    app.ctx.db.prepare(`DELETE FROM settings WHERE key = 'activeUserId'`).run();
    const before = dump(app.ctx.db);
    for (const [channel, payload] of ACTS_AS_B) {
      expect((await app.fails(channel, payload(app))).code, channel).toBe('FORBIDDEN');
      const missing = JSON.parse(
        JSON.stringify(payload(app)).replace(/"(userId|followerId)":\d+/, '"$1":4242'),
      );
      expect((await app.fails(channel, missing)).code, channel).toBe('USER_NOT_FOUND');
    }
    expect(dump(app.ctx.db)).toEqual(before);
  });
});
