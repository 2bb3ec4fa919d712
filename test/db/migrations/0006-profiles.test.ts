/**
 * Migration 0006 the Signal way: a database at 0005 with 1,000 users, 100,000 posts and drafts
 * goes to 0006 through the app's startup path, and every row comes through.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/connection';
import { createMigrator } from '../../../electron/db/migrator';
import { migrations } from '../../../migrations/index';
import * as fx from '../../fixtures/index';

const BEFORE = '0005-never-reuse-ids-and-write-keys';
const NAME = '0006-profiles';
/** The chain up to this migration: later ones have their own tests. */
const UP_TO = migrations.slice(0, migrations.findIndex((m) => m.name === NAME) + 1);
const USERS = 1000;
const POSTS = 100_000;
const OLD_USER_COLUMNS = 'id, username, email, password_hash';

/** Every row of `table` as `columns` in id order, hashed: equal hashes, equal content. */
function tableHash(db: Db, table: string, columns = '*', order = 'rowid'): string {
  const rows = db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${order}`).raw().all();
  return fx.sha256Text(JSON.stringify(rows));
}

const hashes = (db: Db) => ({
  users: tableHash(db, 'users', OLD_USER_COLUMNS, 'id'),
  posts: tableHash(db, 'posts', '*', 'id'),
  drafts: tableHash(db, 'drafts', '*', 'user_id'),
  settings: tableHash(db, 'settings', '*', 'key'),
  write_keys: tableHash(db, 'write_keys', '*', 'key'),
  sequence: tableHash(db, 'sqlite_sequence', '*', 'name'),
});

/** sqlite_master (quoting of a renamed table's name aside) and each table's pragmas. */
function schema(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows = db
    .prepare<[], { type: string; name: string; sql: string | null }>(
      `SELECT type, name, sql FROM sqlite_master WHERE name <> 'schema_migrations' ORDER BY name`,
    )
    .all();
  for (const row of rows) {
    const sql = row.sql?.replace(/^CREATE TABLE "(\w+)"/, 'CREATE TABLE $1');
    const pragmas =
      row.type === 'table'
        ? { columns: db.pragma(`table_xinfo(${row.name})`), keys: db.pragma(`foreign_key_list(${row.name})`) }
        : { index: db.pragma(`index_xinfo(${row.name})`) };
    out[`${row.type} ${row.name}`] = { sql, ...pragmas };
  }
  return out;
}

/**
 * At 0005: users 1..1000 (every tenth with a password, user 1000 deleted so the sequence runs
 * ahead of the highest id), 100,000 posts round-robin over the first 900 (the last 99 have
 * none), a draft for every seventh user, the active profile and a stored write outcome.
 */
async function at0005(file: string): Promise<void> {
  const db = openDatabase(file);
  await fx.migrateTo(db, BEFORE);
  db.transaction(() => {
    fx.insertRows(
      db,
      'users',
      Array.from({ length: USERS }, (_, i) => ({
        username: `user${i + 1}`,
        email: `user${i + 1}@example.com`,
        password_hash: i % 10 === 0 ? `scrypt$32768$8$1$salt${i}$hash${i}` : null,
      })),
    );
    db.prepare(`DELETE FROM users WHERE id = ?`).run(USERS);
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
       INSERT INTO posts (body, timestamp, user_id)
       SELECT 'post ' || i || ' 👋🏽', strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' seconds'), i % 900 + 1
       FROM n`,
    ).run(POSTS);
    fx.insertRows(
      db,
      'drafts',
      Array.from({ length: Math.floor(USERS / 7) }, (_, i) => ({
        user_id: i * 7 + 1,
        body: `half a thought ${i}`,
        updated_at: '2026-02-01T00:00:00.000Z',
      })),
    );
    fx.insertRows(db, 'settings', [{ key: 'activeUserId', value: '3' }]);
    fx.insertRows(db, 'write_keys', [{ key: 'k-1', channel: 'posts:create', result: '{"id":1}' }]);
  })();
  db.close();
}

describe(`migration ${NAME}`, () => {
  it('at startup: backs up first, then carries every row of 1,000 users and 100,000 posts', async () => {
    const file = fx.tempDbPath();
    await at0005(file);
    const db0005 = openDatabase(file, { readonly: true });
    const before = hashes(db0005);
    const schema0005 = schema(db0005);
    db0005.close();

    const startedAt = new Date().toISOString();
    const outcome = await fx.start({ dbPath: file, migrations: UP_TO });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.applied).toEqual([NAME]);
    // The backup holds the file as it was at 0005, byte for byte in content.
    expect(fx.backupsOf(file.replace(/\/[^/]+$/, ''))).toEqual([
      expect.stringMatching(/before-0006-profiles\.db$/),
    ]);
    const backup = openDatabase(outcome.backupPath as string, { readonly: true });
    expect(hashes(backup)).toEqual(before);
    expect(schema(backup)).toEqual(schema0005);
    backup.close();

    const db = outcome.db;
    expect(hashes(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // created_at is each profile's first post; last_seen its newest; none: the migration time.
    const user = db.prepare<[number], { createdAt: string; lastSeen: string | null }>(
      `SELECT created_at AS createdAt, last_seen AS lastSeen FROM users WHERE id = ?`,
    );
    expect(user.get(1)).toEqual({
      createdAt: '2026-01-01T00:00:00.000Z',
      lastSeen: '2026-01-02T03:45:00.000Z',
    });
    expect(user.get(900)).toEqual({
      createdAt: '2026-01-01T00:14:59.000Z',
      lastSeen: '2026-01-02T03:44:59.000Z',
    });
    const lonely = user.get(950);
    expect(lonely?.lastSeen).toBeNull();
    const createdAt = lonely?.createdAt ?? '';
    expect(createdAt >= startedAt && createdAt <= new Date().toISOString()).toBe(true);
    // New columns start empty; the deleted profile's id stays used.
    expect(
      db
        .prepare(`SELECT count(*) FROM users WHERE display_name IS NOT NULL OR about_me IS NOT NULL`)
        .pluck()
        .get(),
    ).toBe(0);
    expect(db.prepare(`INSERT INTO users (username) VALUES ('newcomer') RETURNING id`).pluck().get()).toBe(
      USERS + 1,
    );
  });

  it('makes email optional (still unique when given) and keeps every limit a named CHECK', async () => {
    const db = fx.emptyDb();
    await createMigrator(db, { migrations }).up({ to: NAME });
    const insert = db.prepare(
      `INSERT INTO users (username, email, display_name, about_me) VALUES (?, ?, ?, ?)`,
    );
    insert.run('a', null, 'José', null);
    insert.run('b', null, null, null);
    expect(() => insert.run('c', 'x@example.com', null, null)).not.toThrow();
    expect(() => insert.run('d', 'X@example.com', null, null)).toThrow(
      /UNIQUE constraint failed: users.email/,
    );
    for (const [values, check] of [
      [['e', null, '', null], 'display_name_length'],
      [['f', null, 'x'.repeat(401), null], 'display_name_length'],
      [['g', null, 'a\0b', null], 'display_name_no_nul'],
      [['h', null, null, 'y'.repeat(2241)], 'about_me_length'],
      [['i', 'not-an-email', null, null], 'email_shape'],
    ] as const) {
      expect(() => insert.run(...values), check).toThrow(new RegExp(`CHECK constraint failed: ${check}`));
    }
    const avatar = db.prepare(`INSERT INTO avatars (user_id, image) VALUES (1, ?)`);
    expect(() => avatar.run(Buffer.from('not an image at all'))).toThrow(/avatar_type/);
    expect(() => avatar.run(Buffer.alloc(256 * 1024 + 1, 0xff))).toThrow(/avatar_size/);
    avatar.run(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(8)]));
    db.prepare(`DELETE FROM users WHERE id = 1`).run();
    expect(db.prepare(`SELECT count(*) FROM avatars`).pluck().get()).toBe(0);
  });

  it('down restores the 0005 schema with every row, and up runs again', async () => {
    const file = fx.tempDbPath();
    await at0005(file);
    const reference = openDatabase(file, { readonly: true });
    const before = hashes(reference);
    const schema0005 = schema(reference);
    reference.close();

    const db = openDatabase(file);
    const umzug = createMigrator(db, { migrations });
    await umzug.up({ to: NAME });
    db.prepare(`UPDATE users SET email = NULL, display_name = 'Zoë' WHERE id = 2`).run();
    await umzug.down({ to: NAME });
    expect(schema(db)).toEqual(schema0005);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // A profile that had dropped its email gets one that can be nobody's; everything else is as it was.
    expect(db.prepare(`SELECT email FROM users WHERE id = 2`).pluck().get()).toBe(
      'profile-2@no-email.invalid',
    );
    db.prepare(`UPDATE users SET email = 'user2@example.com' WHERE id = 2`).run();
    expect(hashes(db)).toEqual(before);
    await umzug.up({ to: NAME });
    expect(hashes(db)).toEqual(before);
    db.close();
  });
});
