import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/index';
import { createAppContext, createReadOnlyContext } from '../../electron/main/app-context';
import { cleanShutdownMarker, writeCleanShutdown } from '../../electron/main/clean-shutdown';
import { migrations } from '../../migrations/index';
import { backupsOf, randomBytes, seedDatabase, start, tempDir } from '../fixtures/index';

/** A seeded file that the app has opened once and closed on quit, as after a normal day. */
async function closedByTheApp(posts = 200): Promise<string> {
  const dbPath = path.join(tempDir('clean'), 'microblog.db');
  await seedDatabase(dbPath, { users: 2, posts });
  const context = await createAppContext({ dbPath });
  context.close();
  return dbPath;
}

/** Overwrites one page near the end (a posts page, not the schema) with garbage, as a failing disk might. */
function damageAPage(dbPath: string): void {
  const bytes = fs.readFileSync(dbPath);
  const pageSize = bytes.readUInt16BE(16);
  const pages = bytes.length / pageSize;
  randomBytes(pageSize, 5).copy(bytes, (pages - 2) * pageSize);
  fs.writeFileSync(dbPath, bytes);
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
