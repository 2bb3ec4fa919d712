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
}
