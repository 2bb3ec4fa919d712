import type { MigrationParams } from '../electron/db/migration-types';

/** Small app settings kept with the data, such as which profile was active last. */
export function up({ context: db }: MigrationParams): void {
  db.exec(`
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT;
  `);
}

export function down({ context: db }: MigrationParams): void {
  db.exec(`DROP TABLE settings;`);
}
