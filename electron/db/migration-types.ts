import type { Db } from './connection';

/** What a migration's `up` and `down` receive: Umzug's params with the open database as context. */
export interface MigrationParams {
  name: string;
  context: Db;
}

/** One migration file: synchronous `up` and `down` against the open database. */
export interface MigrationModule {
  name: string;
  /**
   * `'off'`: run with foreign keys off (a table rebuild must not cascade into its children);
   * the runner turns them off before the transaction and runs `foreign_key_check` before COMMIT.
   */
  foreignKeys?: 'off';
  up(params: MigrationParams): void;
  down(params: MigrationParams): void;
}
