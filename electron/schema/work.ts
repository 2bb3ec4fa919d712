/** The working copy a plan is built on, and the steps recorded as they run on it. */
import type { Db } from '../db/connection';
import { readSchema, type TableModel } from './model';

/** One statement of a generated migration, with what it does in words. */
export interface Step {
  sql: string;
  says: string;
  /** Why this step can lose data, when it can; `migrate` refuses such steps without --allow-data-loss. */
  destructive?: string;
  /** The step drops or rebuilds a table, so the migration must run with foreign keys off. */
  foreignKeysOff?: boolean;
}

/** Thrown when a change cannot be generated as asked; the message says what to pass or change. */
export class PlanRefusal extends Error {
  override name = 'PlanRefusal';
}

/** The working copy a plan is built on: every step runs on it as it is planned. */
export interface Work {
  db: Db;
  steps: Step[];
  /** For a column that needs a value in existing rows: the SQL to fill it, or undefined. */
  valueFor(table: string, column: string): string | undefined;
}

/** Runs `step` on the working copy and records it. */
export function run(work: Work, step: Step): void {
  if (step.foreignKeysOff) work.db.pragma('foreign_keys = OFF');
  try {
    work.db.exec(step.sql);
  } finally {
    if (step.foreignKeysOff) work.db.pragma('foreign_keys = ON');
  }
  work.steps.push(step);
}

export function tableOf(db: Db, name: string): TableModel | undefined {
  return readSchema(db).tables.find((t) => t.name === name);
}
