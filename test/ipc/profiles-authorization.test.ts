import { describe, expect, it } from 'vitest';
import type { Channel } from '../../electron/ipc/contract';
import { TINY_PNG, twoProfiles } from './context';

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
        message: 'Only the active profile can do this. Switch to it first.',
        sentence: { key: 'errors.onlyActiveChanges' },
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

describe('users:delete', () => {
  it('needs the password of a protected profile in the same call', async () => {
    const app = await twoProfiles();
    await app.ok('session:unlock', { userId: app.b.id, password: 'b password' });
    const before = app.snapshot();
    expect(await app.fails('users:delete', { userId: app.b.id })).toEqual({
      code: 'WRONG_PASSWORD',
      message: 'Enter your current password.',
      sentence: { key: 'password.enterCurrent' },
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
