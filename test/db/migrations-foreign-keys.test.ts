/**
 * Migrations flagged `foreignKeys: 'off'`: foreign keys are off while they run (set before the
 * transaction, since SQLite ignores the pragma inside one), must hold before COMMIT, and are on after.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import type { MigrationModule } from '../../electron/db/migration-types';
import { createMigrator, migrateToLatest, MigrationRunError } from '../../electron/db/migrator';
import { migrations } from '../../migrations/index';
import { startDatabase } from '../../electron/main/startup';
import { emptyDb, seedDatabase, tempDir } from '../fixtures/index';
import { dump } from './helpers';

/** A rebuild of users as a hand-written migration would do it (the 12-step way). */
const rebuildUsers = (seen: number[]): MigrationModule => ({
  name: '0900-rebuild-users',
  foreignKeys: 'off',
  up: ({ context: db }) => {
    seen.push(db.pragma('foreign_keys', { simple: true }) as number);
    const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'users'`).pluck().get() as string;
    db.exec(`${sql.replace(/CREATE TABLE "?users"?/, 'CREATE TABLE users_new')};
      INSERT INTO users_new SELECT * FROM users; DROP TABLE users; ALTER TABLE users_new RENAME TO users;
      CREATE UNIQUE INDEX ix_users_username ON users (username); CREATE UNIQUE INDEX ix_users_email ON users (email);`);
  },
  down: () => undefined,
});

/** Leaves a post whose author does not exist. */
const orphanPost: MigrationModule = {
  name: '0901-orphan-post',
  foreignKeys: 'off',
  up: ({ context: db }) => void db.prepare(`INSERT INTO posts (body, user_id) VALUES ('lost', 999)`).run(),
  down: () => undefined,
};

async function withRows() {
  const db = emptyDb();
  await migrateToLatest(db, { migrations });
  db.prepare(`INSERT INTO users (username, email) VALUES ('susan', 'susan@example.com')`).run();
  db.prepare(`INSERT INTO posts (body, user_id) VALUES ('hello', 1), ('again', 1)`).run();
  db.prepare(`INSERT INTO drafts (user_id, body) VALUES (1, 'unfinished')`).run();
  return db;
}

describe("a migration with foreignKeys: 'off'", () => {
  it('at startup (all pending in one transaction): runs with them off, keeps every child row, turns them on', async () => {
    const db = await withRows();
    const seen: number[] = [];
    await migrateToLatest(db, { migrations: [...migrations, rebuildUsers(seen)] });
    expect(seen).toEqual([0]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(1);
  });

  it('through the CLI path (one migration, one transaction) does the same', async () => {
    const db = await withRows();
    const seen: number[] = [];
    await createMigrator(db, { migrations: [...migrations, rebuildUsers(seen)] }).up();
    expect(seen).toEqual([0]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(2);
  });

  it('with the flag missing, the same rebuild cascades and deletes every post (why the flag exists)', async () => {
    const db = await withRows();
    const unflagged: MigrationModule = { ...rebuildUsers([]), foreignKeys: undefined };
    await migrateToLatest(db, { migrations: [...migrations, unflagged] });
    expect(db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(0);
  });

  for (const how of ['startup', 'cli'] as const) {
    it(`(${how}) rolls everything back with a sentence naming the table when a foreign key is broken`, async () => {
      const db = await withRows();
      const before = dump(db);
      const list = [...migrations, rebuildUsers([]), orphanPost];
      const run =
        how === 'startup'
          ? migrateToLatest(db, { migrations: list })
          : createMigrator(db, { migrations: list }).up();
      const error = await run.then(
        () => undefined,
        (e: unknown) => e,
      );
      const message = error instanceof Error ? `${error.message} ${String(error.cause)}` : '';
      expect(message).toMatch(
        /would leave rows whose parent row is missing: posts → users \(1 row\)\. Nothing was changed\./,
      );
      if (how === 'startup') expect(dump(db)).toEqual(before);
      else expect(dump(db).rows.posts).toEqual(before.rows.posts);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    });
  }

  it('is refused inside a transaction that has foreign keys on, before it changes anything', async () => {
    const db = await withRows();
    const before = dump(db);
    db.exec('BEGIN');
    await expect(createMigrator(db, { migrations: [...migrations, orphanPost] }).up()).rejects.toThrow(
      MigrationRunError,
    );
    db.exec('ROLLBACK');
    expect(dump(db)).toEqual(before);
  });
});

describe("startup with a pending foreignKeys: 'off' migration", () => {
  it('backs up first, applies it with every post kept, and refuses all-or-nothing when a key breaks', async () => {
    const dbPath = path.join(tempDir(), 'microblog.db');
    await seedDatabase(dbPath, { posts: 5 });
    const failed = await startDatabase({ dbPath, migrations: [...migrations, rebuildUsers([]), orphanPost] });
    expect(failed).toMatchObject({ ok: false, reason: 'migration-failed' });
    const check = openDatabase(dbPath);
    expect(check.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(5);
    expect(check.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    check.close();

    const outcome = await startDatabase({ dbPath, migrations: [...migrations, rebuildUsers([])] });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.applied).toEqual(['0900-rebuild-users']);
    expect(outcome.backupPath).not.toBeNull();
    expect(outcome.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(5);
    expect(outcome.db.pragma('foreign_keys', { simple: true })).toBe(1);
    outcome.db.close();
  });
});
