import type { MigrationParams } from '../electron/db/migration-types';

/** One unfinished post per profile, saved as the user types so a crash never loses it. */
export function up({ context: db }: MigrationParams): void {
  db.exec(`
    CREATE TABLE drafts (
      user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      body       TEXT NOT NULL
        CONSTRAINT draft_length CHECK (length(body) <= 1000),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
  `);
}

export function down({ context: db }: MigrationParams): void {
  db.exec(`DROP TABLE drafts;`);
}
