/** The bookkeeping table and what a database's recorded history means against a list of migrations. */
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

interface LogStatements {
  exists: Statement<[string], number>;
  rows?: Statement<[], AppliedMigration>;
}

// Umzug asks for the applied list before every command; keep its statements per connection
// (better-sqlite3 re-prepares them if the schema changes).
const logStatements = new WeakMap<Db, LogStatements>();

/** The rows of the bookkeeping table in the order they were applied; empty for a new database. */
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

/** The names of the migrations in `list`, in order. */
export function knownMigrationNames(list: readonly MigrationModule[]): string[] {
  return list.map((m) => m.name);
}

const startsWith = (applied: readonly string[], history: readonly string[]): boolean =>
  history.length <= applied.length && history.every((name, i) => applied[i] === name);

/**
 * The recorded history in this build's names: when the first migration is a squashed baseline
 * and the database recorded one of the histories it stands for, that prefix becomes the
 * baseline's own name, so a database migrated before the squash is at the baseline.
 */
export function effectiveHistory(applied: readonly string[], list: readonly MigrationModule[]): string[] {
  const baseline = list[0];
  const replaced = baseline?.replaces?.find((history) => startsWith(applied, history));
  if (!baseline || !replaced) return [...applied];
  return [baseline.name, ...applied.slice(replaced.length)];
}

export type HistoryComparison =
  | { ok: true; applied: string[]; pending: string[] }
  | { ok: false; reason: 'from-the-future' | 'out-of-sync'; detail: string };

/**
 * Whether a recorded history is a prefix of `list` (after a squash, either history is): the
 * applied and pending names if so; otherwise names this build does not know are from a newer
 * version, and a history that stops inside a squashed range, or differs, is out of sync.
 */
export function compareHistory(
  recorded: readonly string[],
  list: readonly MigrationModule[],
): HistoryComparison {
  const applied = effectiveHistory(recorded, list);
  const known = knownMigrationNames(list);
  const squashed = new Set(list[0]?.replaces?.flat() ?? []);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0 && unknown.every((name) => squashed.has(name))) {
    return {
      ok: false,
      reason: 'out-of-sync',
      detail: `stops inside the squashed range at ${unknown.at(-1)}`,
    };
  }
  if (unknown.length > 0) return { ok: false, reason: 'from-the-future', detail: unknown.join(', ') };
  if (applied.some((name, i) => name !== known[i])) {
    return { ok: false, reason: 'out-of-sync', detail: applied.join(', ') };
  }
  return { ok: true, applied, pending: known.slice(applied.length) };
}

/**
 * Marks the database as being at `target` (a migration name, `'head'` or `0` for none)
 * without running any migration: the bookkeeping table then lists exactly the migrations of
 * `list` up to and including `target`. One transaction; returns the names now recorded.
 */
export function stampMigrations(db: Db, target: string | 0, list: readonly MigrationModule[]): string[] {
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
