/** The two schemas `migrate` and `check` compare: the declared one and the head of the migration chain. */
import { openDatabase, type Db } from '../db/connection';
import type { MigrationModule } from '../db/migration-types';
import { migrateToLatest } from '../db/migrator';
import { readSchema } from './model';
import { dedent } from './sql-text';

/** A sentence from an SQLite error, without SQLite's error-code prefix. */
function reason(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^SQLITE_\w+:\s*/, '') : String(error);
}

/** `sql` (the contents of schema.sql) built in an in-memory database; `label` names the file in a refusal. */
export function buildDeclared(sql: string, label: string): Db {
  const db = openDatabase(':memory:');
  try {
    db.exec(sql);
    return db;
  } catch (error) {
    db.close();
    throw new Error(
      `${label} does not build in SQLite (${reason(error)}); fix it and run the command again.`,
      { cause: error },
    );
  }
}

/** Every migration of `list` (up to `upTo`, a name, when given) run on an in-memory database. */
export async function buildChain(list: readonly MigrationModule[], upTo?: string): Promise<Db> {
  const end = upTo === undefined ? list.length : list.findIndex((m) => m.name === upTo) + 1;
  const db = openDatabase(':memory:');
  try {
    await migrateToLatest(db, { migrations: list.slice(0, end) });
    return db;
  } catch (error) {
    db.close();
    throw new Error(`The migration chain does not run on an empty database (${reason(error)}).`, {
      cause: error,
    });
  }
}

/** The statements that create `db`'s schema directly, in creation order (what a squashed baseline runs). */
export function schemaStatements(db: Db): string[] {
  const schema = readSchema(db);
  const order = db.prepare(`SELECT name FROM sqlite_master ORDER BY rowid`).pluck().all() as string[];
  const all = [...schema.tables, ...schema.indexes, ...schema.views, ...schema.triggers];
  return order
    .map((name) => all.find((item) => item.name === name.toLowerCase()))
    .filter((item) => item !== undefined)
    .map((item) => dedent(item.sql.trim()));
}
