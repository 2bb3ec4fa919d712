import { describe, expect, it } from 'vitest';
import type { User } from '../../electron/ipc/contract';
import { startApp } from './context';

describe('accounts channels', () => {
  it('only the active profile may sign in, and only to an http(s) server', async () => {
    const app = await startApp();
    const ann = await app.ok<User>('users:create', { username: 'ann' });
    const bob = await app.ok<User>('users:create', { username: 'bob' });
    await app.ok('session:activate', { userId: ann.id });
    const signIn = {
      identifier: 'bob.test',
      appPassword: 'abcd-efgh-ijkl-mnop',
      pdsUrl: 'http://127.0.0.1:9',
    };
    expect(await app.fails('accounts:signIn', { userId: bob.id, ...signIn })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await app.fails('accounts:unlink', { userId: bob.id })).toMatchObject({ code: 'FORBIDDEN' });
    for (const pdsUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'https://me:secret@example.org'])
      expect(await app.fails('accounts:signIn', { userId: ann.id, ...signIn, pdsUrl })).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^A server address|^That is not a server address/),
        sentence: { key: expect.stringMatching(/^accounts\.errors\.serverAddress/) },
      });
    // This test's app runs without a keychain or a publisher: it says so in a sentence.
    expect(await app.fails('accounts:signIn', { userId: ann.id, ...signIn })).toEqual({
      code: 'INVALID_INPUT',
      message: 'This window cannot publish.',
      sentence: { key: 'accounts.errors.cannotPublish' },
    });
    expect(app.ctx.db.prepare(`SELECT count(*) FROM accounts`).pluck().get()).toBe(0);
  });
});
