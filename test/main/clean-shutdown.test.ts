import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/index';
import { createAppContext, createReadOnlyContext } from '../../electron/main/app-context';
import { cleanShutdownMarker, writeCleanShutdown } from '../../electron/main/clean-shutdown';
import type { AppEvent } from '../../electron/ipc/events';
import { migrations } from '../../migrations/index';
import { backupsOf, damageAPage, seedDatabase, start, tempDir } from '../fixtures/index';

/** A seeded file that the app has opened once and closed on quit, as after a normal day. */
async function closedByTheApp(posts = 200): Promise<string> {
  const dbPath = path.join(tempDir('clean'), 'microblog.db');
  await seedDatabase(dbPath, { users: 2, posts });
  const context = await createAppContext({ dbPath });
  context.close();
  return dbPath;
}

describe('the clean-shutdown marker', () => {
  it('is written when the app closes the file, and lets the next start skip quick_check', async () => {
    const dbPath = await closedByTheApp();
    expect(fs.existsSync(cleanShutdownMarker(dbPath))).toBe(true);
    const outcome = await start({ dbPath });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.integrity).toBe('skipped');
    // Taken at start: a crash in this run must not look like a clean end.
    expect(fs.existsSync(cleanShutdownMarker(dbPath))).toBe(false);
  });

  it('after a run that ended without closing (a crash), the next start reads the whole file', async () => {
    const dbPath = await closedByTheApp();
    const crashed = await createAppContext({ dbPath });
    crashed.db.close(); // the connection goes, as in a crash; the app never wrote its marker
    const outcome = await start({ dbPath });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.integrity).toBe('full');
    crashed.close(); // stops its timers; the start above has already been checked
  });

  it('reads the whole file when another program changed it after the app closed it', async () => {
    const dbPath = await closedByTheApp();
    const other = openDatabase(dbPath);
    other
      .prepare(`INSERT INTO posts (body, timestamp, user_id) VALUES ('from outside', ?, 1)`)
      .run(new Date().toISOString());
    other.close();
    const outcome = await start({ dbPath });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.integrity).toBe('full');
  });

  it('refuses a damaged file that had no marker, with the same reason as always', async () => {
    const dbPath = await closedByTheApp(2000);
    damageAPage(dbPath);
    const outcome = await start({ dbPath });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('corrupt');
  });

  it('still checks the whole file before a backup and migration, even after a clean end', async () => {
    const dbPath = path.join(tempDir('clean'), 'microblog.db');
    await seedDatabase(dbPath, { posts: 2000, migrations: migrations.slice(0, -1) });
    damageAPage(dbPath);
    // A marker that matches the file as it is: damage the app never saw (bit rot while it ran).
    writeCleanShutdown(dbPath);
    const outcome = await start({ dbPath });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('corrupt');
    expect(backupsOf(path.dirname(dbPath))).toEqual([]);
  });

  it('is not written by the read-only context, nor while a -wal is left beside the file', async () => {
    const dbPath = await closedByTheApp();
    fs.rmSync(cleanShutdownMarker(dbPath));
    createReadOnlyContext({ dbPath }).close();
    expect(fs.existsSync(cleanShutdownMarker(dbPath))).toBe(false);

    const holder = openDatabase(dbPath);
    holder
      .prepare(`INSERT INTO posts (body, timestamp, user_id) VALUES ('held', ?, 1)`)
      .run(new Date().toISOString());
    writeCleanShutdown(dbPath);
    expect(fs.existsSync(cleanShutdownMarker(dbPath))).toBe(false);
    holder.close();
  });
});

describe('the integrity check a quick start skipped, run once the first screen has its data', () => {
  /** Starts the app on the file, asks for the first screen, and waits for the deferred check. */
  async function openAndWait(dbPath: string) {
    const context = await createAppContext({ dbPath });
    const events: AppEvent[] = [];
    context.subscribe((event) => events.push(event));
    const first = await context.dispatch('app:firstScreen', {});
    return { context, events, first, outcome: await context.integrityCheck() };
  }

  it('finds damage that happened while nothing was looking, says so, and leaves the next start to refuse', async () => {
    const dbPath = await closedByTheApp(2000);
    damageAPage(dbPath);
    // A marker that matches the damaged file: bit rot after a clean quit.
    writeCleanShutdown(dbPath);
    const { context, events, first, outcome } = await openAndWait(dbPath);
    expect(context.startup.integrity).toBe('skipped');
    expect(first.ok).toBe(true);
    expect(outcome?.state).toBe('damaged');
    const damaged = events.filter((event) => event.name === 'db:damaged');
    expect(damaged).toHaveLength(1);
    context.close();
    expect(fs.existsSync(cleanShutdownMarker(dbPath))).toBe(false);
    const next = await start({ dbPath });
    expect(!next.ok && next.reason).toBe('corrupt');
  });

  it('on an intact file says nothing, and the quit still vouches for it', async () => {
    const dbPath = await closedByTheApp();
    const { context, events, outcome } = await openAndWait(dbPath);
    expect(outcome).toEqual({ state: 'ok' });
    expect(events.filter((event) => event.name === 'db:damaged')).toEqual([]);
    context.close();
    expect(fs.existsSync(cleanShutdownMarker(dbPath))).toBe(true);
  });

  it('does not run again after a start that already read the whole file', async () => {
    const dbPath = await closedByTheApp();
    fs.rmSync(cleanShutdownMarker(dbPath));
    const { context, outcome } = await openAndWait(dbPath);
    expect(context.startup.integrity).toBe('full');
    expect(outcome).toBeNull();
    context.close();
  });
});
