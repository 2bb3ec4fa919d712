import { describe, expect, expectTypeOf, it } from 'vitest';
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

  it('does not compile without every channel (a type assertion: npm test fails in tsc)', () => {
    expectTypeOf<Omit<Handlers, 'app:info'>>().not.toExtend<Handlers>();
    expectTypeOf<Handlers>().toExtend<Omit<Handlers, 'app:info'>>();
  });
});
