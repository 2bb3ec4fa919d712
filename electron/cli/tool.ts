/** What the db, shell and seed tools share: which file they open, the guard, and how they fail. */
import { openDatabase, type Db } from '../db/connection';
import { inspectDatabaseFile } from '../db/guard';
import type { MigrationModule } from '../db/migration-types';
import { resolveDatabasePath } from '../db/paths';
import { toolSentence } from '../db/sqlite-errors';
import { type RunToolOptions, ToolFailure, runTool } from '../shared/run-tool';
import { loadMigrations, migrationsFolder } from './migrations-folder';

export { ToolFailure, runTool };

/** The database file the tools work on (MICROBLOG_DB, or the app's own file), announced on stderr. */
export function databaseFile(): string {
  const file = resolveDatabasePath();
  process.stderr.write(`Database: ${file}\n`);
  return file;
}

/** The migrations the tools work with: the barrel of MICROBLOG_MIGRATIONS or of the project's folder. */
export async function toolMigrations(): Promise<readonly MigrationModule[]> {
  return loadMigrations(migrationsFolder());
}

/**
 * Runs the startup guard and only then opens the file for writing, so a refused file is
 * never touched. A missing database, or one with pending migrations, is refused with a hint.
 * Returns the connection and the migration the database is at.
 */
export function openDatabaseAtHead(
  file: string,
  migrations: readonly MigrationModule[],
  options: { readonly?: boolean } = {},
): { db: Db; version: string } {
  const inspection = inspectDatabaseFile(file, migrations, { readOnly: options.readonly === true });
  if (inspection.state === 'missing') {
    throw new ToolFailure(`The database ${file} does not exist yet. Run "npm run db -- upgrade" first.`);
  }
  if (inspection.pending.length > 0) {
    throw new ToolFailure(
      `The database ${file} is not up to date (${inspection.pending.length} migrations pending). Run "npm run db -- upgrade" first.`,
    );
  }
  return {
    db: openDatabase(file, { readonly: options.readonly === true }),
    version: inspection.applied.at(-1) ?? 'base',
  };
}

/** Rolls back whatever a failed command left open, then closes the connection. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  if (db.inTransaction) db.exec('ROLLBACK');
  db.close();
}

/** How the database tools fail: every error is one sentence, SQLite's in the storage vocabulary. */
export const DB_TOOL_FAILURES: RunToolOptions = { everyErrorIsASentence: true, sentenceFor: toolSentence };
