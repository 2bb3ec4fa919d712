import { describe, expect, it } from 'vitest';
import { openDatabase, readPragmas, type Db } from '../../electron/db/connection';
import { MIGRATIONS_TABLE } from '../../electron/db/migrator';
import { migratedDb } from '../fixtures/index';
import { dump, tableNames } from './helpers';

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

const columns = (db: Db, table: string): Column[] => db.pragma(`table_info(${table})`) as Column[];
const indexes = (db: Db, table: string) =>
  db.pragma(`index_list(${table})`) as { name: string; unique: number; origin: string }[];
const indexColumns = (db: Db, index: string) =>
  (db.pragma(`index_xinfo(${index})`) as { name: string | null; desc: number; coll: string; key: number }[])
    .filter((c) => c.key === 1)
    .map((c) => ({ name: c.name, desc: c.desc, coll: c.coll }));

describe('the schema at head', () => {
  it('has exactly the app tables plus the bookkeeping table', async () => {
    const { db } = await migratedDb();
    expect(tableNames(db)).toEqual(
      [
        'accounts',
        'avatars',
        'deleted_posts',
        'outbox',
        'post_records',
        'drafts',
        'follows',
        'post_revisions',
        'post_tags',
        'posts',
        // FTS5's virtual table and the tables it keeps its index in.
        'posts_fts',
        'posts_fts_config',
        'posts_fts_data',
        'posts_fts_docsize',
        'posts_fts_idx',
        MIGRATIONS_TABLE,
        'settings',
        'users',
        'write_keys',
      ].sort(),
    );
  });

  it('users: columns, NOCASE unique indexes on username and email', async () => {
    const { db } = await migratedDb();
    expect(columns(db, 'users').map((c) => [c.name, c.type, c.notnull, c.pk])).toEqual([
      ['id', 'INTEGER', 0, 1],
      ['username', 'TEXT', 1, 0],
      ['email', 'TEXT', 0, 0],
      ['password_hash', 'TEXT', 0, 0],
      ['display_name', 'TEXT', 0, 0],
      ['about_me', 'TEXT', 0, 0],
      ['last_seen', 'TEXT', 0, 0],
      ['created_at', 'TEXT', 1, 0],
      ['sort_key', 'TEXT', 1, 0],
    ]);
    const list = indexes(db, 'users');
    expect(list.find((i) => i.name === 'ix_users_username')?.unique).toBe(1);
    expect(list.find((i) => i.name === 'ix_users_email')?.unique).toBe(1);
    expect(indexColumns(db, 'ix_users_username')).toEqual([{ name: 'username', desc: 0, coll: 'NOCASE' }]);
    expect(indexColumns(db, 'ix_users_email')).toEqual([{ name: 'email', desc: 0, coll: 'NOCASE' }]);
  });

  it('posts: columns, timestamp default, the two paging indexes and the cascading foreign key', async () => {
    const { db } = await migratedDb();
    const cols = columns(db, 'posts');
    expect(cols.map((c) => [c.name, c.type, c.notnull, c.pk])).toEqual([
      ['id', 'INTEGER', 0, 1],
      ['body', 'TEXT', 1, 0],
      ['timestamp', 'TEXT', 1, 0],
      ['edited_at', 'TEXT', 0, 0],
      ['user_id', 'INTEGER', 1, 0],
    ]);
    expect(cols.find((c) => c.name === 'timestamp')?.dflt_value).toContain('now');
    expect(indexColumns(db, 'ix_posts_timestamp_user_id')).toEqual([
      { name: 'timestamp', desc: 1, coll: 'BINARY' },
      { name: 'id', desc: 1, coll: 'BINARY' },
      { name: 'user_id', desc: 0, coll: 'BINARY' },
    ]);
    expect(indexColumns(db, 'ix_posts_user_id_timestamp')).toEqual([
      { name: 'user_id', desc: 0, coll: 'BINARY' },
      { name: 'timestamp', desc: 1, coll: 'BINARY' },
      { name: 'id', desc: 1, coll: 'BINARY' },
    ]);
    const fks = db.pragma('foreign_key_list(posts)') as {
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }[];
    expect(fks.map((f) => [f.table, f.from, f.to, f.on_delete])).toEqual([
      ['users', 'user_id', 'id', 'CASCADE'],
    ]);
  });

  it('drafts and settings: keyed by user (cascading) and by key', async () => {
    const { db } = await migratedDb();
    expect(columns(db, 'drafts').map((c) => c.name)).toEqual(['user_id', 'body', 'updated_at']);
    const fks = db.pragma('foreign_key_list(drafts)') as { table: string; on_delete: string }[];
    expect(fks.map((f) => [f.table, f.on_delete])).toEqual([['users', 'CASCADE']]);
    expect(columns(db, 'settings').map((c) => [c.name, c.pk])).toEqual([
      ['key', 1],
      ['value', 0],
    ]);
  });

  it('the connection has WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const { db } = await migratedDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(10_000);
    expect(readPragmas(db)).toEqual({
      journal_mode: 'wal',
      synchronous: 2,
      foreign_keys: 1,
      busy_timeout: 10_000,
    });
  });

  it('a read-only connection reads but cannot write, and never creates a file', async () => {
    const { db } = await migratedDb();
    const reader = openDatabase(db.name, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
      expect(() => reader.prepare(`INSERT INTO settings VALUES ('k', 'v')`).run()).toThrow(/readonly/);
    } finally {
      reader.close();
    }
    expect(() => openDatabase(`${db.name}.missing`, { readonly: true })).toThrow();
  });
});

describe('the schema itself rejects bad rows (raw SQL, no application code)', () => {
  const badUsers: [string, string, string | null][] = [
    ['', 'a@example.com', null],
    ['x'.repeat(65), 'a@example.com', null],
    ['has space', 'a@example.com', null],
    ['per%cent', 'a@example.com', null],
    ['ok', 'no-at-sign', null],
    ['ok', 'with space@example.com', null],
    ['ok', `${'e'.repeat(110)}@example.com`, null],
    ['ok', 'a@example.com', 'h'.repeat(257)],
  ];
  it.each(badUsers)('users (%s, %s) fails a CHECK', async (username, email, hash) => {
    const { db } = await migratedDb();
    const insert = db.prepare('INSERT INTO users (username, email, password_hash) VALUES (?, ?, ?)');
    expect(() => insert.run(username, email, hash)).toThrow(/CHECK constraint failed/);
  });

  it('users: username and email are unique regardless of case', async () => {
    const { db } = await migratedDb();
    const insert = db.prepare('INSERT INTO users (username, email) VALUES (?, ?)');
    insert.run('Susan', 'susan@example.com');
    expect(() => insert.run('susan', 'other@example.com')).toThrow(
      /UNIQUE constraint failed: users.username/,
    );
    expect(() => insert.run('other', 'SUSAN@EXAMPLE.COM')).toThrow(/UNIQUE constraint failed: users.email/);
    expect(insert.run('x'.repeat(64), 'x@example.com').changes).toBe(1);
  });

  const badBodies: [string, string][] = [
    ['empty', ''],
    ['blank', ' \t\n '],
    ['2,241 code points (over the ceiling)', 'a'.repeat(2241)],
    ['NUL byte', 'a\0b'],
  ];
  it.each(badBodies)('posts with a %s body fail a CHECK', async (_label, body) => {
    const { db } = await migratedDb();
    db.prepare(`INSERT INTO users (username, email) VALUES ('u', 'u@example.com')`).run();
    expect(() => db.prepare('INSERT INTO posts (body, user_id) VALUES (?, 1)').run(body)).toThrow(/CHECK/);
  });

  it('posts: 2,240 emoji fit (code points, not UTF-16 units), a bad timestamp and a missing user do not', async () => {
    const { db } = await migratedDb();
    db.prepare(`INSERT INTO users (username, email) VALUES ('u', 'u@example.com')`).run();
    const insert = db.prepare('INSERT INTO posts (body, timestamp, user_id) VALUES (?, ?, ?)');
    expect(insert.run('😀'.repeat(2240), '2024-01-01T00:00:00.000Z', 1).changes).toBe(1);
    expect(() => insert.run('😀'.repeat(2241), '2024-01-01T00:00:00.000Z', 1)).toThrow(
      /CHECK constraint failed: body_ceiling/,
    );
    expect(() => insert.run('hi', '2024-01-01 00:00:00', 1)).toThrow(
      /CHECK constraint failed: timestamp_format/,
    );
    expect(() => insert.run('hi', '2024-01-01T00:00:00.000Z', 99)).toThrow(/FOREIGN KEY/);
    const stamped = db
      .prepare(`INSERT INTO posts (body, user_id) VALUES ('now', 1) RETURNING timestamp`)
      .pluck()
      .get();
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('deleting a user deletes their posts and draft (ON DELETE CASCADE)', async () => {
    const { db } = await migratedDb();
    db.prepare(
      `INSERT INTO users (username, email) VALUES ('a', 'a@example.com'), ('b', 'b@example.com')`,
    ).run();
    db.prepare(`INSERT INTO posts (body, user_id) VALUES ('x', 1), ('y', 1), ('z', 2)`).run();
    db.prepare(`INSERT INTO drafts (user_id, body) VALUES (1, 'draft')`).run();
    db.prepare('DELETE FROM users WHERE id = 1').run();
    expect(dump(db).rows.posts).toHaveLength(1);
    expect(dump(db).rows.drafts).toHaveLength(0);
  });
});
