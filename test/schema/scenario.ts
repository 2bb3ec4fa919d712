/**
 * A change to the declared schema tried end to end in a temp copy of migrations/: a database
 * with rows at the current head, schema.sql edited, the migration generated, applied and reverted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { autogenerate, type MigrateRequest } from '../../electron/cli/autogenerate';
import { loadMigrations, MIGRATIONS_DIR } from '../../electron/cli/migrations-folder';
import { openDatabase, type Db } from '../../electron/db/connection';
import type { MigrationModule } from '../../electron/db/migration-types';
import { createMigrator, migrateToLatest } from '../../electron/db/migrator';
import { buildDeclared } from '../../electron/schema/build';
import { compareSchemas } from '../../electron/schema/compare';
import { readSchema } from '../../electron/schema/model';
import { migrations } from '../../migrations/index';
import { seedDatabase, tempDir } from '../fixtures/index';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

/** A copy of the project's migrations folder (files, barrel, schema.sql) in a fresh temp folder. */
export function copyOfMigrations(from = MIGRATIONS_DIR): string {
  const folder = path.join(tempDir(), 'migrations');
  fs.cpSync(from, folder, { recursive: true });
  return folder;
}

/** Rewrites `folder/schema.sql`; fails the test if the edit changed nothing (the pattern went stale). */
export function editSchema(folder: string, edit: (sql: string) => string): void {
  const file = path.join(folder, 'schema.sql');
  const before = fs.readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after, 'the edit of schema.sql must change it').not.toBe(before);
  fs.writeFileSync(file, after);
}

/** The database at `file` migrated with `list`, with users and posts (makeDatabase) plus a draft and a setting. */
export async function databaseWithRows(
  file: string,
  list: readonly MigrationModule[] = migrations,
): Promise<void> {
  await seedDatabase(file, { migrations: list, posts: 6 });
  const db = openDatabase(file);
  db.prepare(`INSERT INTO drafts (user_id, body) VALUES (1, 'half a thought')`).run();
  db.prepare(`INSERT INTO settings (key, value) VALUES ('active_user', '1')`).run();
  db.close();
}

/** How many rows each of the app's tables holds (a table the change dropped counts as absent). */
export function counts(db: Db): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'schema_migrations'`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
  );
}

/** The differences between the schema of `db` and the declared schema of `folder`. */
export function differencesFromDeclared(db: Db, folder: string): string[] {
  const declared = buildDeclared(fs.readFileSync(path.join(folder, 'schema.sql'), 'utf8'), 'schema.sql');
  try {
    return compareSchemas(readSchema(db), readSchema(declared), {
      left: 'the database',
      right: 'schema.sql',
    });
  } finally {
    declared.close();
  }
}

export interface Outcome {
  /** The temp migrations folder, with the generated file and barrel. */
  folder: string;
  /** The generated file's source. */
  source: string;
  /** The list with the generated migration last. */
  list: readonly MigrationModule[];
  /** The database after up: its schema is the declared one. */
  db: Db;
  before: Record<string, number>;
  after: Record<string, number>;
  /** Reverts the generated migration and asserts the schema is the one before it. */
  down(): Promise<void>;
}

/**
 * Edits schema.sql in a copy, generates the migration (with `request`'s flags), applies it to a
 * database with rows and asserts the result is the declared schema.
 */
export async function tryChange(
  edit: (sql: string) => string,
  request: Partial<MigrateRequest> = {},
  start: { folder: string; list: readonly MigrationModule[] } = { folder: MIGRATIONS_DIR, list: migrations },
): Promise<Outcome> {
  const folder = copyOfMigrations(start.folder);
  const file = path.join(path.dirname(folder), 'microblog.db');
  await databaseWithRows(file, start.list);
  editSchema(folder, edit);
  const result = await autogenerate({ folder, migrations: start.list, message: 'the change', ...request });
  if (!result.written) throw new Error('No migration was generated.');
  const list = await loadMigrations(folder);
  expect(list.map((m) => m.name)).toEqual([...start.list.map((m) => m.name), result.name]);
  const db = openDatabase(file);
  open.push(db);
  const before = counts(db);
  const headSchema = readSchema(db);
  await migrateToLatest(db, { migrations: list });
  expect(differencesFromDeclared(db, folder)).toEqual([]);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  return {
    folder,
    source: fs.readFileSync(result.file, 'utf8'),
    list,
    db,
    before,
    after: counts(db),
    async down() {
      await createMigrator(db, { migrations: list }).down();
      expect(compareSchemas(readSchema(db), headSchema, { left: 'after down', right: 'before up' })).toEqual(
        [],
      );
    },
  };
}
