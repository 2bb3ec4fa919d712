import path from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from '../db/helpers';
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
