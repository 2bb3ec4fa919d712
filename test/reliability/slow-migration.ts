import type { MigrationModule } from '../../electron/db/migration-types';
import { migrations } from '../../migrations/index';

/** The marker the slow migration prints when it starts, so the parent knows when to kill. */
export const SLOW_MIGRATION_STARTED = 'slow migration started';
export const SLOW_MIGRATION = '9999-test-slow-fill';

/**
 * A test-only migration appended after the real ones: it creates a table and fills it with
 * `rows` rows inside its transaction, announcing itself first on stdout. With many rows it
 * runs long enough to be killed half-way.
 */
export function slowMigration(rows: number): MigrationModule {
  return {
    name: SLOW_MIGRATION,
    up({ context: db }) {
      process.stdout.write(`${SLOW_MIGRATION_STARTED}\n`);
      db.exec(`CREATE TABLE slow_fill (id INTEGER PRIMARY KEY, filler TEXT NOT NULL) STRICT`);
      const insert = db.prepare<[string]>(`INSERT INTO slow_fill (filler) VALUES (?)`);
      for (let i = 0; i < rows; i++) insert.run(`row ${i} `.padEnd(200, '.'));
    },
    down({ context: db }) {
      db.exec(`DROP TABLE slow_fill`);
    },
  };
}

/** The app's migrations plus the slow one. */
export function withSlowMigration(rows: number): MigrationModule[] {
  return [...migrations, slowMigration(rows)];
}
