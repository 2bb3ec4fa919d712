/**
 * The timeline index holds each post's author too.
 *
 * Written by `npm run db -- migrate` from migrations/schema.sql. The SQL may be edited;
 * `npm run db -- check` keeps the chain equal to the declared schema.
 *
 * The Following feed walks this index newest first and keeps the posts of the profiles
 * followed; with `user_id` in the index it reads each author there and fetches only the post
 * rows it keeps. The wider index replaces the old one (the timeline walks it the same way), so
 * every insert still maintains one timeline index, not two.
 */
import type { MigrationParams } from '../electron/db/migration-types';

export function up({ context: db }: MigrationParams): void {
  // Dropped first, so the new index reuses the old one's pages and the file does not grow.
  // Drop index ix_posts_timestamp.
  db.exec(`DROP INDEX ix_posts_timestamp`);
  // Create index ix_posts_timestamp_user_id.
  db.exec(`CREATE INDEX ix_posts_timestamp_user_id ON posts (timestamp DESC, id DESC, user_id)`);
}

export function down({ context: db }: MigrationParams): void {
  // Drop index ix_posts_timestamp_user_id.
  db.exec(`DROP INDEX ix_posts_timestamp_user_id`);
  // Create index ix_posts_timestamp.
  db.exec(`CREATE INDEX ix_posts_timestamp ON posts (timestamp DESC, id DESC)`);
}
