import type { Db } from '../electron/db/connection';
import type { MigrationParams } from '../electron/db/migration-types';

/**
 * Ids of users and posts are never handed out twice (AUTOINCREMENT), so nothing keyed by an
 * id (a draft, a second window's unlocked profile, a stored outcome) can point at a newer
 * row. SQLite cannot add AUTOINCREMENT to a table, so `users` and `posts` are rebuilt the
 * documented way (rename, create, copy, drop), reusing the exact CREATE text and index
 * statements stored in sqlite_master, so every named CHECK and index stays as it was.
 * `write_keys` keeps the first outcome of each keyed write, so a retry never writes twice.
 *
 * Runs with foreign keys off: dropping the old `users` would otherwise cascade into posts
 * and drafts. The runner checks every reference before COMMIT.
 */
export const foreignKeys = 'off';

const ID_PLAIN = /^(\s*id\s+INTEGER PRIMARY KEY)(\s*,)/m;
const ID_AUTOINCREMENT = /^(\s*id\s+INTEGER PRIMARY KEY) AUTOINCREMENT(\s*,)/m;

function schemaOf(db: Db, table: string): { create: string; indexes: string[] } {
  const rows = db
    .prepare<[string], { type: string; sql: string }>(
      `SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC, rowid`,
    )
    .all(table);
  const create = rows.find((row) => row.type === 'table')?.sql;
  if (create === undefined) throw new Error(`The table ${table} is missing.`);
  return { create, indexes: rows.filter((row) => row.type === 'index').map((row) => row.sql) };
}

/** Rebuilds `table` with its id column's CREATE text rewritten; rows, ids and indexes carried over. */
function rebuild(db: Db, table: string, from: RegExp, to: string): void {
  const { create, indexes } = schemaOf(db, table);
  if (!from.test(create)) throw new Error(`The table ${table} does not have the expected id column.`);
  const old = `${table}_before_0005`;
  // Legacy renaming leaves other tables' REFERENCES users(...) alone: they must keep naming `users`.
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec(`ALTER TABLE ${table} RENAME TO ${old}`);
    db.exec(create.replace(from, to));
    db.exec(`INSERT INTO ${table} SELECT * FROM ${old}`);
    db.exec(`DROP TABLE ${old}`);
  } finally {
    db.pragma('legacy_alter_table = OFF');
  }
  for (const sql of indexes) db.exec(sql);
}

/** With foreign keys on, renaming `users` would repoint posts and drafts and dropping it would cascade. */
function requireForeignKeysOff(db: Db): void {
  if (db.pragma('foreign_keys', { simple: true }) !== 0) {
    throw new Error('Migration 0005 rebuilds users and must run with foreign keys off (foreignKeys: "off").');
  }
}

export function up({ context: db }: MigrationParams): void {
  requireForeignKeysOff(db);
  rebuild(db, 'users', ID_PLAIN, '$1 AUTOINCREMENT$2');
  rebuild(db, 'posts', ID_PLAIN, '$1 AUTOINCREMENT$2');
  db.exec(`
    CREATE TABLE write_keys (
      key        TEXT PRIMARY KEY NOT NULL
        CONSTRAINT write_key_length CHECK (length(key) BETWEEN 1 AND 64),
      channel    TEXT NOT NULL,
      result     TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
  `);
}

export function down({ context: db }: MigrationParams): void {
  requireForeignKeysOff(db);
  db.exec(`DROP TABLE write_keys;`);
  rebuild(db, 'posts', ID_AUTOINCREMENT, '$1$2');
  rebuild(db, 'users', ID_AUTOINCREMENT, '$1$2');
  // sqlite_sequence stays (SQLite never drops it) but is emptied, as a database without AUTOINCREMENT has it.
  db.exec(`DELETE FROM sqlite_sequence`);
}
