/**
 * Checks that a file's schema still has what its recorded migrations created: every table and
 * column of the migrations it records, rebuilt in memory from those same migrations, so the
 * expected schema is never written out by hand a second time.
 */
import Database from 'better-sqlite3';
import type { Db } from './connection';
import { MIGRATIONS_TABLE } from './migrator';
import type { MigrationModule } from './migration-types';

type Schema = Map<string, Set<string>>;

function readSchema(db: Db): Schema {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[];
  const schema: Schema = new Map();
  for (const table of tables) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
    schema.set(table, new Set(columns));
  }
  return schema;
}

/** The user tables of `db` (SQLite's own left out). */
export function tableNames(db: Db): string[] {
  return [...readSchema(db).keys()];
}

/**
 * The names recorded in the bookkeeping table, read without its optional columns; null when a
 * column the history needs is missing (the caller reports a damaged schema).
 */
export function recordedMigrations(db: Db): string[] | null {
  const columns = readSchema(db).get(MIGRATIONS_TABLE);
  if (!columns) return [];
  if (!columns.has('name') || !columns.has('applied_at')) return null;
  return db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`).pluck().all() as string[];
}

/** What is missing from `db`'s schema after the migrations in `applied`, e.g. `drafts` or `users.email`. */
export function missingFromSchema(db: Db, applied: readonly MigrationModule[]): string[] {
  const expected = new Database(':memory:');
  try {
    // An empty copy has no rows to protect, and a migration that rebuilds a table (foreignKeys:
    // 'off') refuses to run with foreign keys on, which better-sqlite3 turns on by default.
    expected.pragma('foreign_keys = OFF');
    for (const migration of applied) migration.up({ name: migration.name, context: expected });
    const want = readSchema(expected);
    const have = readSchema(db);
    const missing: string[] = [];
    for (const [table, columns] of want) {
      const present = have.get(table);
      if (!present) {
        missing.push(table);
        continue;
      }
      for (const column of columns) if (!present.has(column)) missing.push(`${table}.${column}`);
    }
    return missing;
  } finally {
    expected.close();
  }
}
