/**
 * Create follows and natural sort key.
 *
 * Written by `npm run db -- migrate` from migrations/schema.sql. The SQL may be edited;
 * `npm run db -- check` keeps the chain equal to the declared schema.
 */
import type { MigrationParams } from '../electron/db/migration-types';

/**
 * The directory's sort key as electron/db/natural-key.ts writes it, copied here so this shipped
 * migration keeps filling the same keys whatever later becomes of that module.
 */
function naturalKey(username: string): string {
  return username.toLowerCase().replace(/\d+/g, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return `${String(digits.length).padStart(2, '0')}${digits}`;
  });
}

export function up({ context: db }: MigrationParams): void {
  // Create table follows.
  db.exec(`
    CREATE TABLE follows (
      follower_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      followed_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      PRIMARY KEY (follower_id, followed_id),
      CONSTRAINT follow_not_self CHECK (follower_id <> followed_id)
    ) STRICT, WITHOUT ROWID
  `);
  // Add column users.sort_key.
  db.exec(`ALTER TABLE users ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''`);
  // Create index ix_users_sort_key.
  db.exec(`CREATE INDEX ix_users_sort_key ON users (sort_key, username)`);
  // Create index ix_follows_followed.
  db.exec(`CREATE INDEX ix_follows_followed ON follows (followed_id, created_at DESC, follower_id DESC)`);
  // Create index ix_follows_follower.
  db.exec(`CREATE INDEX ix_follows_follower ON follows (follower_id, created_at DESC, followed_id DESC)`);
  // Backfill (not generated): the natural sort key of every existing profile.
  const setKey = db.prepare<[string, number]>(`UPDATE users SET sort_key = ? WHERE id = ?`);
  const rows = db.prepare<[], { id: number; username: string }>(`SELECT id, username FROM users`).all();
  for (const { id, username } of rows) setKey.run(naturalKey(username), id);
}

export function down({ context: db }: MigrationParams): void {
  // Drop index ix_users_sort_key.
  db.exec(`DROP INDEX ix_users_sort_key`);
  // Drop index ix_follows_followed.
  db.exec(`DROP INDEX ix_follows_followed`);
  // Drop index ix_follows_follower.
  db.exec(`DROP INDEX ix_follows_follower`);
  // Drop table follows.
  // DESTRUCTIVE: drops table follows and every row in it.
  db.exec(`DROP TABLE follows`);
  // Drop column users.sort_key.
  // DESTRUCTIVE: drops column users.sort_key and its values.
  db.exec(`ALTER TABLE users DROP COLUMN sort_key`);
}
