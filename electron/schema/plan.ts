/**
 * Plans the steps from one schema to another, running each on a copy of the first as it goes
 * and checking at the end that the copy is the second schema: a plan that does not reach its
 * target is never written.
 */
import Database from 'better-sqlite3';
import type { Db } from '../db/connection';
import { compareSchemas, sameTable } from './compare';
import { readSchema, type SchemaModel } from './model';
import { dedent, quoteName } from './sql-text';
import { PlanRefusal, changeTable, run, tableOf, type Step, type Work } from './steps';

export { PlanRefusal, type Step };

export interface Renames {
  /** old table name → new table name */
  tables: ReadonlyMap<string, string>;
  /** table (new name) → old column name → new column name */
  columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export interface PlanOptions {
  renames?: Renames;
  /** `table.column` (or `column`) → the SQL value rows already in the table get. */
  defaults?: ReadonlyMap<string, string>;
  /** For a column no default names (planning a `down`): a zero value of its type instead of a refusal. */
  fillWithZero?: boolean;
}

const ZERO: Record<string, string> = { integer: '0', int: '0', real: '0.0', blob: "x''", text: "''" };

function checkRenames(from: SchemaModel, to: SchemaModel, renames: Renames): void {
  for (const [old, next] of renames.tables) {
    if (!from.tables.some((t) => t.name === old))
      throw new PlanRefusal(`--rename ${old}=${next}: the migrations have no table ${old}.`);
    if (!to.tables.some((t) => t.name === next))
      throw new PlanRefusal(`--rename ${old}=${next}: schema.sql has no table ${next}.`);
  }
  for (const [table, columns] of renames.columns) {
    const target = to.tables.find((t) => t.name === table);
    for (const [old, next] of columns) {
      if (!target?.columns.some((c) => c.name === next)) {
        throw new PlanRefusal(
          `--rename ${table}.${old}=${table}.${next}: schema.sql has no column ${table}.${next}.`,
        );
      }
    }
  }
}

/** Drops every object of one kind (index, trigger, view) that the target does not have exactly. */
function dropChanged(work: Work, kind: 'index' | 'trigger' | 'view', target: SchemaModel): void {
  const key = kind === 'index' ? 'indexes' : kind === 'trigger' ? 'triggers' : 'views';
  for (const item of readSchema(work.db)[key]) {
    if (target[key].some((t) => t.name === item.name && t.shape === item.shape)) continue;
    run(work, {
      sql: `DROP ${kind.toUpperCase()} ${quoteName(item.name)}`,
      says: `Drop ${kind} ${item.name}.`,
    });
  }
}

/** Creates every object of one kind that the target has and the working copy lacks. */
function createMissing(work: Work, kind: 'index' | 'trigger' | 'view', target: SchemaModel): void {
  const key = kind === 'index' ? 'indexes' : kind === 'trigger' ? 'triggers' : 'views';
  const present = new Set(readSchema(work.db)[key].map((item) => item.name));
  for (const item of target[key]) {
    if (!present.has(item.name))
      run(work, { sql: dedent(item.sql.trim()), says: `Create ${kind} ${item.name}.` });
  }
}

/** The steps that turn the schema of `fromDb` into that of `toDb` (neither is changed). */
export function planSteps(fromDb: Db, toDb: Db, options: PlanOptions = {}): Step[] {
  const renames = options.renames ?? { tables: new Map(), columns: new Map() };
  const from = readSchema(fromDb);
  const to = readSchema(toDb);
  checkRenames(from, to, renames);
  const db = new Database(fromDb.serialize());
  db.pragma('foreign_keys = ON');
  const work: Work = {
    db,
    steps: [],
    valueFor(table, column) {
      const given = options.defaults?.get(`${table}.${column}`) ?? options.defaults?.get(column);
      if (given !== undefined || !options.fillWithZero) return given;
      const type =
        to.tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.definition ?? '';
      return ZERO[type.split(' ')[0] ?? ''] ?? "''";
    },
  };
  try {
    dropChanged(work, 'trigger', to);
    dropChanged(work, 'view', to);
    dropChanged(work, 'index', to);
    for (const [old, next] of renames.tables) {
      run(work, {
        sql: `ALTER TABLE ${quoteName(old)} RENAME TO ${quoteName(next)}`,
        says: `Rename table ${old} to ${next}.`,
      });
    }
    const present = (): Set<string> => new Set(readSchema(db).tables.map((t) => t.name));
    for (const table of [...readSchema(db).tables].reverse()) {
      if (to.tables.some((t) => t.name === table.name)) continue;
      const sql = `DROP TABLE ${quoteName(table.name)}`;
      // Dropping a parent deletes its rows first, which with foreign keys on cascades into the children.
      const parent = readSchema(db).tables.some(
        (t) => t.name !== table.name && t.foreignKeys.some((fk) => fk.includes(`→ ${table.name}(`)),
      );
      run(work, {
        sql,
        says: `Drop table ${table.name}.`,
        destructive: `drops table ${table.name} and every row in it`,
        foreignKeysOff: parent,
      });
    }
    for (const table of to.tables) {
      if (!present().has(table.name))
        run(work, { sql: dedent(table.sql.trim()), says: `Create table ${table.name}.` });
    }
    for (const target of to.tables) {
      for (const [old, next] of renames.columns.get(target.name) ?? []) {
        const sql = `ALTER TABLE ${quoteName(target.name)} RENAME COLUMN ${quoteName(old)} TO ${quoteName(next)}`;
        run(work, { sql, says: `Rename column ${target.name}.${old} to ${next}.` });
      }
      const current = tableOf(db, target.name);
      if (!current || sameTable(current, target)) continue;
      if (current.virtual || target.virtual) {
        run(work, {
          sql: `DROP TABLE ${quoteName(target.name)}`,
          says: `Drop virtual table ${target.name}.`,
          destructive: `recreates virtual table ${target.name}; its rows are lost`,
          foreignKeysOff: true,
        });
        run(work, { sql: dedent(target.sql.trim()), says: `Create virtual table ${target.name}.` });
      } else changeTable(work, current, target);
    }
    createMissing(work, 'index', to);
    createMissing(work, 'view', to);
    createMissing(work, 'trigger', to);
    const left = compareSchemas(readSchema(db), to, { left: 'the generated steps', right: 'the target' });
    if (left.length > 0) {
      throw new PlanRefusal(
        `The generated steps do not reach the declared schema (${left.join('; ')}); write this migration by hand with "npm run db -- create".`,
      );
    }
    return work.steps;
  } finally {
    db.close();
  }
}
