import { Umzug, type UmzugStorage } from 'umzug';
import { migrations as allMigrations } from '../../migrations/index';
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import type { MigrationModule } from './migration-types';

/** The bookkeeping table: one row per applied migration, written in the migration's own transaction. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export interface AppliedMigration {
  name: string;
  appliedAt: string;
}

/** Creates the bookkeeping table if this is the first migration ever written to the file. */
export function ensureMigrationsTable(db: Db): void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
       name       TEXT PRIMARY KEY NOT NULL,
       applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ) STRICT`,
  );
}

/** Umzug storage on the same connection as the migrations, so both commit together. */
class SqliteStorage implements UmzugStorage<Db> {
  // Prepared once the table exists; better-sqlite3 re-prepares them if the schema changes.
  private insert: Statement<[string]> | undefined;
  private remove: Statement<[string]> | undefined;

  constructor(private readonly db: Db) {}

  async executed(): Promise<string[]> {
    return listAppliedMigrations(this.db).map((row) => row.name);
  }

  async logMigration({ name }: { name: string }): Promise<void> {
    if (!this.insert) {
      ensureMigrationsTable(this.db);
      this.insert = this.db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES (?)`);
    }
    this.insert.run(name);
  }

  async unlogMigration({ name }: { name: string }): Promise<void> {
    this.remove ??= this.db.prepare(`DELETE FROM ${MIGRATIONS_TABLE} WHERE name = ?`);
    this.remove.run(name);
  }
}

interface LogStatements {
  exists: Statement<[string], number>;
  rows?: Statement<[], AppliedMigration>;
}

// Umzug asks for the applied list before every command; keep its statements per connection
// (better-sqlite3 re-prepares them if the schema changes).
const logStatements = new WeakMap<Db, LogStatements>();

/** The applied migrations in the order they were applied; empty for a new database. */
export function listAppliedMigrations(db: Db): AppliedMigration[] {
  let statements = logStatements.get(db);
  if (!statements) {
    statements = {
      exists: db
        .prepare<[string], number>(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
        .pluck(),
    };
    logStatements.set(db, statements);
  }
  if (statements.exists.get(MIGRATIONS_TABLE) === undefined) return [];
  statements.rows ??= db.prepare<[], AppliedMigration>(
    `SELECT name, applied_at AS appliedAt FROM ${MIGRATIONS_TABLE} ORDER BY name`,
  );
  return statements.rows.all();
}

export type Migrator = Umzug<Db>;

export interface MigratorOptions {
  migrations?: readonly MigrationModule[];
  logger?: Pick<Console, 'info' | 'warn' | 'error' | 'debug'> | undefined;
}

/**
 * An Umzug instance over `db` in which every migration and its bookkeeping row run in one
 * transaction: begun on `migrating`/`reverting`, committed on `migrated`/`reverted` (Umzug
 * logs the row just before emitting those), rolled back if a command ends with it still
 * open. Inside an outer transaction (startup runs all pending migrations as one step) each
 * migration uses a savepoint instead, so the outer one stays all-or-nothing.
 */
export function createMigrator(db: Db, options: MigratorOptions = {}): Migrator {
  const list = options.migrations ?? allMigrations;
  const keysOff = new Set(list.filter((m) => m.foreignKeys === 'off').map((m) => m.name));
  let savepoint = false;
  let open = false;
  let restoreKeys = false;

  const begin = ({ name }: { name: string }): void => {
    savepoint = db.inTransaction;
    // The pragma is a no-op inside a transaction: an outer one must have turned keys off already.
    if (!savepoint && keysOff.has(name) && db.pragma('foreign_keys', { simple: true }) === 1) {
      db.pragma('foreign_keys = OFF');
      restoreKeys = true;
    }
    db.exec(savepoint ? 'SAVEPOINT migration' : 'BEGIN IMMEDIATE');
    open = true;
  };
  const keysBackOn = (): void => {
    if (restoreKeys) db.pragma('foreign_keys = ON');
    restoreKeys = false;
  };
  const commit = (): void => {
    if (restoreKeys) assertForeignKeys(db);
    db.exec(savepoint ? 'RELEASE migration' : 'COMMIT');
    open = false;
    keysBackOn();
  };
  const rollback = (): void => {
    if (!open) return keysBackOn();
    open = false;
    if (savepoint) {
      db.exec('ROLLBACK TO migration');
      db.exec('RELEASE migration');
    } else if (db.inTransaction) {
      db.exec('ROLLBACK');
    }
    keysBackOn();
  };

  const umzug = new Umzug<Db>({
    migrations: list.map((m) => ({
      name: m.name,
      up: async (params: { name: string; context: Db }) => m.up(params),
      down: async (params: { name: string; context: Db }) => m.down(params),
    })),
    context: db,
    storage: new SqliteStorage(db),
    logger: options.logger,
  });
  umzug.on('migrating', begin);
  umzug.on('reverting', begin);
  umzug.on('migrated', commit);
  umzug.on('reverted', commit);
  umzug.on('afterCommand', rollback);
  return umzug;
}

/** Refuses to commit a migration that left a row pointing at nothing. */
function assertForeignKeys(db: Db): void {
  const broken = db.pragma('foreign_key_check') as { table: string }[];
  if (broken.length > 0) {
    throw new Error(
      `The migration left ${broken.length} rows with a broken reference (in ${broken[0]?.table}).`,
    );
  }
}

/** The names of the migrations this build knows, in order. */
export function knownMigrationNames(list: readonly MigrationModule[] = allMigrations): string[] {
  return list.map((m) => m.name);
}

/**
 * Applies every pending migration as one all-or-nothing step: if any fails, the schema
 * and the bookkeeping table are exactly as before. Returns the names applied.
 */
export async function migrateToLatest(db: Db, options: MigratorOptions = {}): Promise<string[]> {
  const umzug = createMigrator(db, options);
  const pending = await umzug.pending();
  if (pending.length === 0) return [];
  const list = options.migrations ?? allMigrations;
  const keysOff =
    pending.some((p) => list.find((m) => m.name === p.name)?.foreignKeys === 'off') &&
    db.pragma('foreign_keys', { simple: true }) === 1;
  if (keysOff) db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    const applied = await umzug.up();
    if (keysOff) assertForeignKeys(db);
    db.exec('COMMIT');
    return applied.map((m) => m.name);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
}

/**
 * Marks the database as being at `target` (a migration name, `'head'` or `0` for none)
 * without running any migration: the bookkeeping table then lists exactly the known
 * migrations up to and including `target`. One transaction; returns the names now recorded.
 */
export function stampMigrations(
  db: Db,
  target: string | 0,
  list: readonly MigrationModule[] = allMigrations,
): string[] {
  const known = knownMigrationNames(list);
  const index = target === 0 ? -1 : target === 'head' ? known.length - 1 : known.indexOf(target);
  if (index === -1 && target !== 0) {
    throw new Error(`There is no migration named "${target}" (try "npm run db -- history").`);
  }
  const wanted = known.slice(0, index + 1);
  const stamp = db.transaction(() => {
    ensureMigrationsTable(db);
    const recorded = new Set(listAppliedMigrations(db).map((row) => row.name));
    const remove = db.prepare(`DELETE FROM ${MIGRATIONS_TABLE} WHERE name = ?`);
    const insert = db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES (?)`);
    for (const name of recorded) if (!wanted.includes(name)) remove.run(name);
    for (const name of wanted) if (!recorded.has(name)) insert.run(name);
  });
  stamp.immediate();
  return wanted;
}
