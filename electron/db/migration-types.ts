import type { Db } from './connection';

/** What a migration's `up` and `down` receive: Umzug's params with the open database as context. */
export interface MigrationParams {
  name: string;
  context: Db;
}

/** One migration file: synchronous `up` and `down` against the open database. */
export interface MigrationModule {
  name: string;
  up(params: MigrationParams): void;
  down(params: MigrationParams): void;
  /**
   * `'off'`: the migration rebuilds tables, so it runs with foreign keys off. A rebuild drops the
   * old table, and with foreign keys on that DROP deletes (ON DELETE CASCADE) every child row.
   * The runner turns them off before its transaction begins (SQLite ignores the pragma inside
   * one), requires `PRAGMA foreign_key_check` to be empty before COMMIT, and turns them back on.
   */
  foreignKeys?: 'off';
  /**
   * Set on a baseline written by `npm run db -- squash`: each entry is a history (migration names
   * in order) that this one migration stands for, so a database that applied those is at the
   * baseline and nothing is re-run.
   */
  replaces?: readonly (readonly string[])[];
}
