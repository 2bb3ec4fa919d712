import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../electron/ipc/contract';
import type { Handlers } from '../../electron/ipc/handlers';
import { startApp } from './context';

describe('the handler table', () => {
  it('has exactly one handler per contract channel', async () => {
    const app = await startApp();
    const { createHandlers } = await import('../../electron/ipc/handlers');
    const { createRepositories } = await import('../../electron/db/index');
    const table = createHandlers({
      db: app.ctx.db,
      repos: createRepositories(app.ctx.db),
      app: { version: '1', databasePath: app.dbPath, dataFolder: app.dir, platform: 'test' },
    });
    expect(Object.keys(table).sort()).toEqual([...CHANNELS].sort());
  });

  it('does not compile without every channel (checked by tsc)', () => {
    const rest: Omit<Handlers, 'app:info'> = {} as Handlers;
    // @ts-expect-error -- a table missing `app:info` is not a Handlers table.
    const incomplete: Handlers = rest;
    expect(incomplete).toBeDefined();
  });
});
