import path from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from '../fixtures/index';
import type { Channel, IpcError, Result, User } from '../../electron/ipc/contract';
import { type AppContext, createAppContext } from '../../electron/main/app-context';
import { SEARCH_VALID_PAYLOADS } from './search-payloads';

const open: AppContext[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.close();
});

/** A started app on a fresh temp database; `call` sends a payload the way IPC would (structured clone). */
export async function startApp() {
  const dir = tempDir();
  const dbPath = path.join(dir, 'microblog.db');
  const ctx = await createAppContext({ dbPath, version: '9.9.9' });
  open.push(ctx);
  const call = async (channel: Channel | string, payload: unknown): Promise<Result<unknown>> =>
    structuredClone(await ctx.dispatch(channel, structuredClone(payload)));
  /** The value of a call that must succeed. */
  const ok = async <T = unknown>(channel: Channel, payload: unknown): Promise<T> => {
    const result = await call(channel, payload);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  /** The error of a call that must fail. */
  const fails = async (channel: Channel | string, payload: unknown): Promise<IpcError> => {
    const result = await call(channel, payload);
    if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
    return result.error;
  };
  return { ctx, dir, dbPath, call, ok, fails };
}

/** The smallest bytes the avatar checks take for a PNG: its signature, then one empty chunk length. */
export const TINY_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** A valid payload for each channel, against `seededApp`'s database (user 1 and post 1). */
export const VALID_PAYLOADS: Record<Channel, Record<string, unknown>> = {
  'app:info': {},
  'app:firstScreen': {},
  'session:get': {},
  'session:activate': { userId: 1 },
  'session:unlock': { userId: 1, password: 'whatever' },
  'users:create': { username: 'newbie', email: 'newbie@example.com' },
  'users:list': { order: 'asc' },
  'users:get': { username: 'susan' },
  'users:delete': { userId: 1 },
  'users:update': { userId: 1, username: 'susan', displayName: 'Susan', aboutMe: 'hi', email: '' },
  'users:setPassword': { userId: 1, newPassword: 'a new password' },
  'users:setAvatar': { userId: 1, image: TINY_PNG },
  'users:removeAvatar': { userId: 1 },
  'users:avatar': { userId: 1 },
  'posts:create': { userId: 1, body: 'hello' },
  'posts:timeline': {},
  'posts:byUser': { userId: 1 },
  'posts:delete': { postId: 1, userId: 1 },
  'drafts:get': { userId: 1 },
  'drafts:save': { userId: 1, body: 'draft' },
  'settings:get': {},
  'settings:set': { language: 'es', theme: 'dark' },
  'posts:edit': { postId: 1, userId: 1, body: 'first, edited' },
  'posts:history': { postId: 1 },
  'posts:restore': { postId: 1, userId: 1 },
  'posts:byTag': { tag: 'til' },
  'links:open': { url: 'https://example.com/' },
  ...SEARCH_VALID_PAYLOADS,
  'data:overview': {},
  'data:export': { username: null, format: 'json', passwordHashes: false },
  'data:import': {},
  'data:cancel': { jobId: 'no-such-job' },
  'data:backupNow': {},
  'data:restore': { name: 'microblog-2026-01-01T00-00-00Z-manual.db' },
  'data:setKeepBackups': { keepBackups: 5 },
  'data:showInFolder': { target: 'database' },
  'data:copy': { what: 'path' },
  'accounts:get': { userId: 1 },
  'accounts:signIn': {
    userId: 1,
    identifier: 'susan.test',
    appPassword: 'abcd-efgh',
    pdsUrl: 'http://127.0.0.1:9',
  },
  'accounts:unlink': { userId: 1 },
  'accounts:publishEarlier': { userId: 1 },
  'accounts:retry': { userId: 1, postId: 1 },
  'accounts:postStates': { postIds: [1] },
  'accounts:import': { userId: 1 },
};

/** A started app with user 1 (susan, no password, active), post 1 and a draft; `snapshot` is every row as text. */
export async function seededApp() {
  const app = await startApp();
  await app.ok('users:create', { username: 'susan', email: 'susan@example.com' });
  // Only the active profile may post or keep a draft.
  await app.ok('session:activate', { userId: 1 });
  await app.ok('posts:create', { userId: 1, body: 'first' });
  await app.ok('drafts:save', { userId: 1, body: 'a draft' });
  const snapshot = () =>
    JSON.stringify(
      ['users', 'posts', 'drafts', 'settings', 'avatars'].map((table) =>
        app.ctx.db.prepare(`SELECT * FROM ${table}`).all(),
      ),
    );
  return { ...app, snapshot };
}

/** Two profiles, `a` active; `b` (with a password) has a post, a draft and a picture. */
export async function twoProfiles() {
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
