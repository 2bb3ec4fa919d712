/** An app context with the Data service, 3,000 posts by susan, and its events recorded. */
import path from 'node:path';
import type { JobStart } from '../../electron/ipc/channels/data-screen';
import type { Result } from '../../electron/ipc/contract';
import type { AppEvent, EventPayload } from '../../electron/ipc/events';
import { type AppContext, createAppContext } from '../../electron/main/app-context';
import type { Desktop } from '../../electron/main/data-service';
import { afterThisTest, tempDir } from '../fixtures/index';

/** The app on a fresh file; `finished(jobId)` resolves with that job's `data:finished` event. */
export async function dataApp(desktop: Partial<Desktop> = {}) {
  const dir = tempDir();
  const dbPath = path.join(dir, 'microblog.db');
  const ctx: AppContext = await createAppContext({ dbPath, version: '9.9.9', desktop });
  afterThisTest(() => ctx.close());
  const events: AppEvent[] = [];
  ctx.subscribe((event) => events.push(event));
  const call = async <T>(channel: string, payload: unknown): Promise<Result<T>> =>
    structuredClone((await ctx.dispatch(channel, structuredClone(payload))) as Result<T>);
  const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await call<T>(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  /** Resolves with the `data:finished` event of this job. */
  const finished = (jobId: string) =>
    new Promise<EventPayload<'data:finished'>>((resolve) => {
      const off = ctx.subscribe((event) => {
        if (event.name === 'data:finished' && event.payload.jobId === jobId) {
          off();
          resolve(event.payload);
        }
      });
    });
  /** Starts an export of everything as JSON Lines to where the dialog answers; its job id. */
  const startExport = async (): Promise<string> => {
    const start = await ok<JobStart>('data:export', {
      username: null,
      format: 'json',
      passwordHashes: false,
    });
    if (!start.started) throw new Error('the export did not start');
    return start.jobId;
  };
  await ok('users:create', { username: 'susan', email: 'susan@example.com' });
  const insert = ctx.db.prepare(`INSERT INTO posts (body, user_id) VALUES (?, 1)`);
  ctx.db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`post ${i}`);
  })();
  return { dir, dbPath, ctx, events, call, ok, finished, startExport };
}
