import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/db/connection';
import { createRepositories } from '../../../electron/db/index';
import { createMigrator, migrateToLatest } from '../../../electron/db/migrator';
import { migrations as chain } from '../../../migrations/index';
import { emptyDb } from '../../fixtures/index';

const BEFORE = '0004-create-settings';
const NAME = '0005-never-reuse-ids-and-write-keys';
// The chain as it was when 0005 shipped: this test is about 0005, not the migrations after it.
const migrations = chain.slice(0, chain.findIndex((m) => m.name === NAME) + 1);
const NEW = new Set(['write_keys', 'sqlite_autoindex_write_keys_1', 'sqlite_sequence']);

/** sqlite_master and every pragma that describes a table or index, keyed by name. */
function schema(db: Db, { plain = false } = {}): Record<string, unknown> {
  const rows = db
    .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>(
      `SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name`,
    )
    .all()
    .filter((row) => !(plain && NEW.has(row.name)));
  const out: Record<string, unknown> = {};
  for (const row of rows) {
    const sql = plain && row.sql !== null ? row.sql.replace(/ AUTOINCREMENT/g, '') : row.sql;
    const pragmas =
      row.type === 'table'
        ? {
            columns: db.pragma(`table_xinfo(${row.name})`),
            indexes: db.pragma(`index_list(${row.name})`),
            keys: db.pragma(`foreign_key_list(${row.name})`),
          }
        : { index: db.pragma(`index_xinfo(${row.name})`) };
    out[`${row.type} ${row.name}`] = { table: row.tbl_name, sql, ...pragmas };
  }
  return out;
}

/** A database at 0004 with two profiles, their posts and a draft, ids with gaps. */
async function at0004(): Promise<Db> {
  const db = emptyDb();
  await createMigrator(db, { migrations }).up({ to: BEFORE });
  db.exec(`
    INSERT INTO users (id, username, email, password_hash) VALUES
      (2, 'susan', 'susan@example.com', NULL), (5, 'bob', 'bob@example.com', 'scrypt$abc');
    INSERT INTO posts (id, body, timestamp, user_id) VALUES
      (3, 'first', '2026-01-01T00:00:00.000Z', 2), (8, 'second', '2026-01-02T00:00:00.000Z', 5),
      (9, 'third', '2026-01-03T00:00:00.000Z', 2);
    INSERT INTO drafts (user_id, body, updated_at) VALUES (5, 'half a thought', '2026-01-04T00:00:00.000Z');
    INSERT INTO settings (key, value) VALUES ('activeUserId', '5');
  `);
  return db;
}

/** Up to this migration (later ones have their own tests), answering the names applied. */
async function upToThis(db: Db): Promise<string[]> {
  return (await createMigrator(db, { migrations }).up({ to: NAME })).map((m) => m.name);
}

const rows = (db: Db) => ({
  users: db.prepare(`SELECT * FROM users ORDER BY id`).all(),
  posts: db.prepare(`SELECT * FROM posts ORDER BY id`).all(),
  drafts: db.prepare(`SELECT * FROM drafts ORDER BY user_id`).all(),
  settings: db.prepare(`SELECT * FROM settings ORDER BY key`).all(),
});

describe(`migration ${NAME}`, () => {
  it('keeps every row with its id, including the children of the rebuilt users table', async () => {
    const db = await at0004();
    const before = rows(db);
    expect(await upToThis(db)).toEqual([NAME]);
    expect(rows(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves the 0004 schema exactly as it was, apart from AUTOINCREMENT and write_keys', async () => {
    const reference = emptyDb();
    await createMigrator(reference, { migrations }).up({ to: BEFORE });
    const db = await at0004();
    await upToThis(db);
    expect(schema(db, { plain: true })).toEqual(schema(reference));
    // And the difference really is AUTOINCREMENT on the two ids.
    const sql = db.prepare(`SELECT name, sql FROM sqlite_master WHERE name IN ('users', 'posts')`).all();
    for (const row of sql as { sql: string }[])
      expect(row.sql).toMatch(/id\s+INTEGER PRIMARY KEY AUTOINCREMENT,/);
  });

  it('never hands out the id of a deleted profile or post again, through every later migration', async () => {
    const db = await at0004();
    // To head: the repositories read today's schema, and later rebuilds of users keep the sequence.
    await migrateToLatest(db, { migrations: chain });
    const { users, posts } = createRepositories(db);
    users.delete(5);
    posts.delete(9);
    expect(users.create({ username: 'newcomer', email: 'new@example.com' }).id).toBe(6);
    expect(posts.create({ userId: 2, body: 'after' }).id).toBe(10);
    // Bob's draft went with him and the newcomer's id is not his, so it can never be read back.
    expect(db.prepare(`SELECT count(*) FROM drafts`).pluck().get()).toBe(0);
  });

  it('down goes back to the 0004 schema with every row', async () => {
    const reference = emptyDb();
    await createMigrator(reference, { migrations }).up({ to: BEFORE });
    const db = await at0004();
    const before = rows(db);
    await upToThis(db);
    await createMigrator(db, { migrations }).down({ to: NAME });
    expect(rows(db)).toEqual(before);
    // SQLite never drops sqlite_sequence once made; down leaves it empty.
    expect(db.prepare(`SELECT count(*) FROM sqlite_sequence`).pluck().get()).toBe(0);
    expect(schema(db, { plain: true })).toEqual(schema(reference));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // And up again works on the reverted file.
    expect(await upToThis(db)).toEqual([NAME]);
    expect(rows(db)).toEqual(before);
  });

  it('rolls back entirely, with foreign keys back on, when a reference is broken', async () => {
    const db = await at0004();
    db.pragma('foreign_keys = OFF');
    db.exec(`INSERT INTO posts (id, body, user_id) VALUES (20, 'orphan', 99)`);
    db.pragma('foreign_keys = ON');
    const before = schema(db);
    await expect(upToThis(db)).rejects.toThrow(/parent row is missing: posts → users/);
    expect(schema(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
