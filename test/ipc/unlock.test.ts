import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../electron/db/index';
import type { Result, Session, User } from '../../electron/ipc/contract';
import { createDispatcher, createHandlers } from '../../electron/ipc/handlers';
import { FREE_ATTEMPTS, waitAfterFailures } from '../../electron/ipc/unlock-attempts';
import { migratedDb } from '../fixtures/index';
import { startApp } from './context';

const PASSWORD = 'correct horse battery';

/** A dispatcher over a fresh database whose attempt delay reads `clock.now`. */
async function appWithClock() {
  const { db } = await migratedDb();
  const repos = createRepositories(db);
  const user = repos.users.create({ username: 'p', email: 'p@example.com', password: PASSWORD });
  const clock = { now: 1_000_000 };
  const handlers = createHandlers(
    { db, repos, app: { version: '1', databasePath: ':memory:', dataFolder: '/', platform: 'test' } },
    { now: () => clock.now },
  );
  const dispatch = createDispatcher(handlers);
  const unlock = (password: string) => dispatch('session:unlock', { userId: user.id, password });
  return { user, clock, unlock };
}

const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);

describe('unlocking a profile', () => {
  it('20 concurrent wrong passwords do not hold up an unrelated call', async () => {
    const app = await startApp();
    const p = await app.ok<User>('users:create', {
      username: 'p',
      email: 'p@example.com',
      password: PASSWORD,
    });
    const order: string[] = [];
    const unlocks = Array.from({ length: 20 }, (_, i) =>
      app.ctx
        .dispatch('session:unlock', { userId: p.id, password: `wrong guess ${i}` })
        .then((result) => void order.push(codeOf(result))),
    );
    // The unrelated call goes out on the event loop's next turn, as a click in the window would.
    const started = performance.now();
    const listed = new Promise<Result<unknown>>((resolve) => {
      setImmediate(() =>
        resolve(
          app.ctx.dispatch('users:list', { order: 'asc' }).then((result) => {
            order.push(`list ${(performance.now() - started).toFixed(1)} ms`);
            return result;
          }),
        ),
      );
    });
    expect(await listed).toMatchObject({ ok: true, value: [{ username: 'p' }] });
    await Promise.all(unlocks);
    // A blocking scrypt would have checked (and answered) the passwords before that turn came.
    const list = order.findIndex((entry) => entry.startsWith('list'));
    expect(list).toBeLessThan(order.indexOf('WRONG_PASSWORD'));
    console.log(`users:list answered while 20 unlocks were pending: ${order[list]}`);
    // Only five are checked at once; the others are refused without a scrypt.
    expect(order.filter((c) => c === 'WRONG_PASSWORD')).toHaveLength(FREE_ATTEMPTS);
    expect(order.filter((c) => c === 'PROFILE_LOCKED')).toHaveLength(20 - FREE_ATTEMPTS);
  });

  it('after five wrong passwords the next attempt waits 30 s, then the wait doubles', async () => {
    const app = await appWithClock();
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect(await app.unlock(`wrong ${i}`)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    }
    // Even the right password is not checked during the wait.
    expect(await app.unlock(PASSWORD)).toEqual({
      ok: false,
      error: {
        code: 'PROFILE_LOCKED',
        message: 'Too many wrong passwords. Try again in 30 seconds.',
        field: 'password',
        sentence: { key: 'errors.tooManySeconds', params: { count: 30 } },
      },
    });
    app.clock.now += 29_000;
    expect(await app.unlock(PASSWORD)).toMatchObject({
      error: { message: 'Too many wrong passwords. Try again in 1 second.' },
    });
    app.clock.now += 1_000;
    expect(await app.unlock('wrong again')).toMatchObject({ error: { code: 'WRONG_PASSWORD' } });
    expect(await app.unlock(PASSWORD)).toMatchObject({
      error: { message: 'Too many wrong passwords. Try again in 60 seconds.' },
    });
    app.clock.now += 60_000;
    const unlocked = await app.unlock(PASSWORD);
    expect(unlocked).toEqual({ ok: true, value: { activeUser: app.user, locked: false } satisfies Session });
  });

  it('the right password clears the count', async () => {
    const app = await appWithClock();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < FREE_ATTEMPTS - 1; i++) {
        expect(codeOf(await app.unlock(`wrong ${i}`))).toBe('WRONG_PASSWORD');
      }
      expect(codeOf(await app.unlock(PASSWORD))).toBe('OK');
    }
  });

  it('waits 0 for the first five, then 30 s doubling, at most 15 minutes', () => {
    const waits = Array.from({ length: 12 }, (_, failures) => waitAfterFailures(failures) / 1000);
    expect(waits).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
  });
});
