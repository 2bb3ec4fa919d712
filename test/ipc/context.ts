import path from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from '../fixtures/index';
import type { Channel, IpcError, Result } from '../../electron/ipc/contract';
import { type AppContext, createAppContext } from '../../electron/main/app-context';

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

/** A valid payload for each channel, against `seededApp`'s database (user 1 and post 1). */
export const VALID_PAYLOADS: Record<Channel, Record<string, unknown>> = {
  'app:info': {},
  'session:get': {},
  'session:activate': { userId: 1 },
  'session:unlock': { userId: 1, password: 'whatever' },
  'users:create': { username: 'newbie', email: 'newbie@example.com' },
  'users:list': { order: 'asc' },
  'users:get': { username: 'susan' },
  'users:delete': { userId: 1 },
  'posts:create': { userId: 1, body: 'hello' },
  'posts:timeline': {},
  'posts:byUser': { userId: 1 },
  'posts:delete': { postId: 1, userId: 1 },
  'drafts:get': { userId: 1 },
  'drafts:save': { userId: 1, body: 'draft' },
  'settings:get': {},
  'settings:set': { language: 'es', theme: 'dark' },
};

/** A started app with user 1 (susan, no password), post 1 and a draft; `snapshot` is every row as text. */
export async function seededApp() {
  const app = await startApp();
  await app.ok('users:create', { username: 'susan', email: 'susan@example.com' });
  await app.ok('posts:create', { userId: 1, body: 'first' });
  await app.ok('drafts:save', { userId: 1, body: 'a draft' });
  const snapshot = () =>
    JSON.stringify(
      ['users', 'posts', 'drafts', 'settings'].map((table) =>
        app.ctx.db.prepare(`SELECT * FROM ${table}`).all(),
      ),
    );
  return { ...app, snapshot };
}
