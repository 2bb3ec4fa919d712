import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepositories, listAppliedMigrations, openDatabase } from '../../electron/db/index';
import { knownMigrationNames } from '../../electron/db/migrator';
import { startDatabase } from '../../electron/main/startup';
import { runScript, seededRandom, tempFolder } from '../fixtures/index';
import { SLOW_MIGRATION, SLOW_MIGRATION_STARTED, withSlowMigration } from './slow-migration';
import { migrations } from '../../migrations/index';

const ROUNDS = 10;
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
const folder = tempFolder('kill-migration');
afterAll(() => folder.remove());

/** What the database holds that must survive: every post's id and body. */
function contents(dbPath: string): {
  tables: string[];
  posts: string[];
  integrity: unknown;
  applied: string[];
} {
  const db = openDatabase(dbPath);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      applied: listAppliedMigrations(db).map((m) => m.name),
      tables: db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
        .pluck()
        .all() as string[],
      posts: db.prepare(`SELECT id || ':' || body FROM posts ORDER BY id`).pluck().all() as string[],
    };
  } finally {
    db.close();
  }
}

describe('kill during migration', () => {
  it(`leaves the database at the previous version with all its data, then migrates cleanly (seed ${seed})`, async () => {
    console.log(`kill during migration: seed ${seed}`);
    const random = seededRandom(seed);
    const dbPath = path.join(folder.dir, 'microblog.db');
    const started = await startDatabase({ dbPath });
    if (!started.ok) throw new Error(started.message);
    const { users, posts } = createRepositories(started.db);
    const user = users.create({ username: 'before', email: 'before@example.com' });
    started.db.transaction(() => {
      for (let i = 0; i < 500; i++)
        posts.create({ userId: user.id, body: `written before the upgrade ${i}` });
    })();
    started.db.close();
    const before = contents(dbPath);
    expect(before.applied).toEqual(knownMigrationNames(migrations));

    for (let round = 1; round <= ROUNDS; round++) {
      // Enough rows to take seconds, so the kill lands inside the migration's transaction.
      const child = runScript('test/reliability/children/slow-startup.ts', [dbPath, '5000000']);
      await child.waitForLine((line) => line === SLOW_MIGRATION_STARTED);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 300)));
      child.child.kill('SIGKILL');
      const { signal } = await child.exited;
      expect(signal, `round ${round}: the migration finished before the kill`).toBe('SIGKILL');
      expect(child.lines.some((l) => l.startsWith('migrated'))).toBe(false);

      const after = contents(dbPath);
      expect(after.integrity).toBe('ok');
      expect(after.applied).toEqual(before.applied);
      expect(after.tables).toEqual(before.tables);
      expect(after.posts).toEqual(before.posts);
    }
    console.log(
      `kill during migration: ${ROUNDS} kills inside the slow migration, ${before.posts.length} posts intact`,
    );

    const next = await startDatabase({ dbPath, migrations: withSlowMigration(1000) });
    if (!next.ok) throw new Error(next.message);
    try {
      expect(next.applied).toEqual([SLOW_MIGRATION]);
      expect(next.db.prepare('SELECT count(*) FROM slow_fill').pluck().get()).toBe(1000);
      expect(next.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(next.db.prepare(`SELECT id || ':' || body FROM posts ORDER BY id`).pluck().all()).toEqual(
        before.posts,
      );
    } finally {
      next.db.close();
    }
  }, 90_000);
});
