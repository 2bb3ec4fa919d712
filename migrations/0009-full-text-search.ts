/**
 * Full text search.
 *
 * Written by `npm run db -- migrate` from migrations/schema.sql. The SQL may be edited;
 * `npm run db -- check` keeps the chain equal to the declared schema.
 */
import type { MigrationParams } from '../electron/db/migration-types';

export function up({ context: db }: MigrationParams): void {
  // Create table posts_fts.
  db.exec(`CREATE VIRTUAL TABLE posts_fts USING fts5(body, content='posts', content_rowid='id')`);
  // Create trigger posts_fts_insert.
  db.exec(`
    CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
      INSERT INTO posts_fts (rowid, body) VALUES (new.id, new.body);
    END
  `);
  // Create trigger posts_fts_delete.
  db.exec(`
    CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
      INSERT INTO posts_fts (posts_fts, rowid, body) VALUES ('delete', old.id, old.body);
    END
  `);
  // Create trigger posts_fts_update.
  db.exec(`
    CREATE TRIGGER posts_fts_update AFTER UPDATE OF body ON posts BEGIN
      INSERT INTO posts_fts (posts_fts, rowid, body) VALUES ('delete', old.id, old.body);
      INSERT INTO posts_fts (rowid, body) VALUES (new.id, new.body);
    END
  `);
  // Backfill (not generated): index the posts written before this migration, then merge the
  // index into one b-tree so the first searches do not pay for merging segments.
  db.exec(`INSERT INTO posts_fts (posts_fts) VALUES ('rebuild')`);
  db.exec(`INSERT INTO posts_fts (posts_fts) VALUES ('optimize')`);
}

export function down({ context: db }: MigrationParams): void {
  // Drop trigger posts_fts_insert.
  db.exec(`DROP TRIGGER posts_fts_insert`);
  // Drop trigger posts_fts_delete.
  db.exec(`DROP TRIGGER posts_fts_delete`);
  // Drop trigger posts_fts_update.
  db.exec(`DROP TRIGGER posts_fts_update`);
  // Drop table posts_fts.
  // DESTRUCTIVE: drops table posts_fts and every row in it.
  db.exec(`DROP TABLE posts_fts`);
}
