import { Umzug, type UmzugStorage } from 'umzug';
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import {
  effectiveHistory,
  ensureMigrationsTable,
  listAppliedMigrations,
  MIGRATIONS_TABLE,
} from './migration-history';
import type { MigrationModule } from './migration-types';

export {
  MIGRATIONS_TABLE,
  compareHistory,
  effectiveHistory,
  ensureMigrationsTable,
  knownMigrationNames,
  listAppliedMigrations,
  stampMigrations,
  type AppliedMigration,
} from './migration-history';

/** A migration run the runner stopped; `message` is a sentence for the developer or the log. */
export class MigrationRunError extends Error {
  override name = 'MigrationRunError';
  constructor(
    readonly code: 'FOREIGN_KEY_VIOLATION' | 'FOREIGN_KEYS_ON',
    message: string,
  ) {
    super(message);
  }
}

/** Umzug storage on the same connection as the migrations, so both commit together. */
class SqliteStorage implements UmzugStorage<Db> {
  // Prepared once the table exists; better-sqlite3 re-prepares them if the schema changes.
  private insert: Statement<[string]> | undefined;
  private remove: Statement<[string]> | undefined;

  constructor(
    private readonly db: Db,
    private readonly list: readonly MigrationModule[],
  ) {}

  async executed(): Promise<string[]> {
    return effectiveHistory(
      listAppliedMigrations(this.db).map((row) => row.name),
      this.list,
    );
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

export type Migrator = Umzug<Db>;

export interface MigratorOptions {
  /** The migrations, in order: startup and the CLI pass the project's list (migrations/index.ts). */
  migrations: readonly MigrationModule[];
  logger?: Pick<Console, 'info' | 'warn' | 'error' | 'debug'> | undefined;
}

const foreignKeysOn = (db: Db): boolean => db.pragma('foreign_keys', { simple: true }) === 1;

/** Throws unless every foreign key holds: the sentence names each table with rows whose parent is gone. */
export function assertForeignKeysHold(db: Db, what: string): void {
  const rows = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (rows.length === 0) return;
  const tables = new Map<string, number>();
  for (const row of rows)
    tables.set(`${row.table} → ${row.parent}`, (tables.get(`${row.table} → ${row.parent}`) ?? 0) + 1);
  const list = [...tables].map(([pair, n]) => `${pair} (${n} ${n === 1 ? 'row' : 'rows'})`).join(', ');
  throw new MigrationRunError(
    'FOREIGN_KEY_VIOLATION',
    `${what} would leave rows whose parent row is missing: ${list}. Nothing was changed.`,
  );
}

/**
 * An Umzug instance over `db` in which every migration and its bookkeeping row run in one
 * transaction: begun on `migrating`/`reverting`, committed on `migrated`/`reverted` (Umzug
 * logs the row just before emitting those), rolled back if a command ends with it still
 * open. Inside an outer transaction (startup runs all pending migrations as one step) each
 * migration uses a savepoint instead, so the outer one stays all-or-nothing. A migration with
 * `foreignKeys: 'off'` gets them turned off before its own transaction and checked before COMMIT;
 * inside an outer transaction the outer owner must have turned them off already.
 */
export function createMigrator(db: Db, options: MigratorOptions): Migrator {
  const list = options.migrations;
  const byName = new Map(list.map((m) => [m.name, m]));
  let savepoint = false;
  let open = false;
  let current = '';
  let checkForeignKeys = false;
  let restoreForeignKeys = false;

  const begin = ({ name }: { name: string }): void => {
    savepoint = db.inTransaction;
    current = name;
    checkForeignKeys = !savepoint && byName.get(name)?.foreignKeys === 'off';
    if (savepoint && byName.get(name)?.foreignKeys === 'off' && foreignKeysOn(db)) {
      throw new MigrationRunError(
        'FOREIGN_KEYS_ON',
        `${name} rebuilds tables and must run with foreign keys off, but the transaction around it has them on.`,
      );
    }
    if (checkForeignKeys && foreignKeysOn(db)) {
      db.pragma('foreign_keys = OFF');
      restoreForeignKeys = true;
    }
    db.exec(savepoint ? 'SAVEPOINT migration' : 'BEGIN IMMEDIATE');
    open = true;
  };
  const restore = (): void => {
    if (restoreForeignKeys) db.pragma('foreign_keys = ON');
    restoreForeignKeys = false;
  };
  const commit = (): void => {
    if (checkForeignKeys) assertForeignKeysHold(db, current);
    db.exec(savepoint ? 'RELEASE migration' : 'COMMIT');
    open = false;
    restore();
  };
  const rollback = (): void => {
    if (open) {
      open = false;
      if (savepoint) {
        db.exec('ROLLBACK TO migration');
        db.exec('RELEASE migration');
      } else if (db.inTransaction) {
        db.exec('ROLLBACK');
      }
    }
    restore();
  };

  const umzug = new Umzug<Db>({
    migrations: list.map((m) => ({
      name: m.name,
      up: async (params: { name: string; context: Db }) => m.up(params),
      down: async (params: { name: string; context: Db }) => m.down(params),
    })),
    context: db,
    storage: new SqliteStorage(db, list),
    logger: options.logger,
  });
  umzug.on('migrating', begin);
  umzug.on('reverting', begin);
  umzug.on('migrated', commit);
  umzug.on('reverted', commit);
  umzug.on('afterCommand', rollback);
  return umzug;
}

/**
 * Applies every pending migration as one all-or-nothing step: if any fails, the schema
 * and the bookkeeping table are exactly as before. When one of them needs foreign keys off,
 * they are turned off before the one transaction (SQLite ignores the pragma inside it),
 * `PRAGMA foreign_key_check` must be empty before COMMIT, and they are turned back on after.
 * Returns the names applied.
 */
export async function migrateToLatest(db: Db, options: MigratorOptions): Promise<string[]> {
  const umzug = createMigrator(db, options);
  const pending = await umzug.pending();
  if (pending.length === 0) return [];
  const needOff = pending.filter(
    (p) => options.migrations.find((m) => m.name === p.name)?.foreignKeys === 'off',
  );
  const turnBackOn = needOff.length > 0 && foreignKeysOn(db);
  if (turnBackOn) db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    const applied = await umzug.up();
    if (needOff.length > 0) assertForeignKeysHold(db, needOff.map((p) => p.name).join(', '));
    db.exec('COMMIT');
    return applied.map((m) => m.name);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    if (turnBackOn) db.pragma('foreign_keys = ON');
  }
}
