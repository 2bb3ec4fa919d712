/**
 * AT Protocol accounts and outbox.
 *
 * Written by `npm run db -- migrate` from migrations/schema.sql. The SQL may be edited;
 * `npm run db -- check` keeps the chain equal to the declared schema.
 */
import type { MigrationParams } from '../electron/db/migration-types';

export function up({ context: db }: MigrationParams): void {
  // Create table accounts.
  db.exec(`
    CREATE TABLE accounts (
      user_id   INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      did       TEXT NOT NULL
        CONSTRAINT account_did_shape CHECK (did GLOB 'did:[a-z]*:?*' AND length(did) <= 2048),
      handle    TEXT NOT NULL
        CONSTRAINT account_handle_length CHECK (length(handle) BETWEEN 1 AND 253),
      pds_url   TEXT NOT NULL
        CONSTRAINT account_pds_url_scheme CHECK (
          (pds_url GLOB 'https://?*' OR pds_url GLOB 'http://?*') AND length(pds_url) <= 2048
        ),
      linked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT
  `);
  // Create table post_records.
  db.exec(`
    CREATE TABLE post_records (
      post_id      INTEGER PRIMARY KEY,
      user_id      INTEGER NOT NULL,
      rkey         TEXT NOT NULL
        CONSTRAINT post_record_rkey_tid CHECK (length(rkey) = 13 AND rkey NOT GLOB '*[^234567a-z]*'),
      cid          TEXT
        CONSTRAINT post_record_cid_length CHECK (cid IS NULL OR length(cid) BETWEEN 1 AND 128),
      published_at TEXT
    ) STRICT
  `);
  // Create table outbox.
  db.exec(`
    CREATE TABLE outbox (
      id       INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id  INTEGER NOT NULL,
      op       TEXT NOT NULL
        CONSTRAINT outbox_op CHECK (op IN ('create', 'delete', 'profile')),
      rkey     TEXT NOT NULL,
      post_id  INTEGER,
      attempts INTEGER NOT NULL DEFAULT 0,
      due_at   INTEGER NOT NULL DEFAULT 0,
      failure  TEXT
        CONSTRAINT outbox_failure_length CHECK (failure IS NULL OR length(failure) <= 500),
      CONSTRAINT outbox_create_names_post CHECK ((op = 'create') = (post_id IS NOT NULL))
    ) STRICT
  `);
  // Create index ix_accounts_did.
  db.exec(`CREATE UNIQUE INDEX ix_accounts_did ON accounts (did)`);
  // Create index ix_post_records_user_rkey.
  db.exec(`CREATE UNIQUE INDEX ix_post_records_user_rkey ON post_records (user_id, rkey)`);
  // Create index ix_outbox_due.
  db.exec(`CREATE INDEX ix_outbox_due ON outbox (due_at, id)`);
  // Create index ix_outbox_post.
  db.exec(`CREATE INDEX ix_outbox_post ON outbox (post_id)`);
  // Create trigger outbox_post_insert.
  db.exec(`
    CREATE TRIGGER outbox_post_insert AFTER INSERT ON posts
    WHEN EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = new.user_id AND new.timestamp >= a.linked_at)
    BEGIN
      INSERT INTO post_records (post_id, user_id, rkey)
      SELECT new.id, new.user_id,
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 60) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 55) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 50) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 45) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 40) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 35) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 30) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 25) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 20) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 15) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 10) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', ((v >> 5) & 31) + 1, 1) ||
        substr('234567abcdefghijklmnopqrstuvwxyz', (v & 31) + 1, 1)
      FROM (
        SELECT ((CAST(strftime('%s', new.timestamp) AS INTEGER) * 1000 + CAST(substr(new.timestamp, 21, 3) AS INTEGER))
          * 1000 + abs(random() % 1000)) * 1024 + (new.id % 1024) AS v
      );
      INSERT INTO outbox (user_id, op, rkey, post_id)
      SELECT new.user_id, 'create', rkey, new.id FROM post_records WHERE post_id = new.id;
    END
  `);
  // Create trigger outbox_post_delete.
  db.exec(`
    CREATE TRIGGER outbox_post_delete AFTER DELETE ON posts
    WHEN EXISTS (SELECT 1 FROM post_records WHERE post_id = old.id)
    BEGIN
      DELETE FROM outbox WHERE post_id = old.id;
      INSERT INTO outbox (user_id, op, rkey)
      SELECT old.user_id, 'delete', r.rkey FROM post_records r
      WHERE r.post_id = old.id AND EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = old.user_id);
      DELETE FROM post_records WHERE post_id = old.id;
    END
  `);
  // Create trigger outbox_account_delete.
  db.exec(`
    CREATE TRIGGER outbox_account_delete AFTER DELETE ON accounts
    BEGIN
      DELETE FROM outbox WHERE user_id = old.user_id;
    END
  `);
  // Create trigger outbox_profile_edit.
  db.exec(`
    CREATE TRIGGER outbox_profile_edit AFTER UPDATE OF display_name, about_me ON users
    WHEN (old.display_name IS NOT new.display_name OR old.about_me IS NOT new.about_me)
      AND EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = new.id)
    BEGIN
      DELETE FROM outbox WHERE user_id = new.id AND op = 'profile';
      INSERT INTO outbox (user_id, op, rkey) VALUES (new.id, 'profile', 'self');
    END
  `);
  // Create trigger outbox_profile_avatar_insert.
  db.exec(`
    CREATE TRIGGER outbox_profile_avatar_insert AFTER INSERT ON avatars
    WHEN EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = new.user_id)
    BEGIN
      DELETE FROM outbox WHERE user_id = new.user_id AND op = 'profile';
      INSERT INTO outbox (user_id, op, rkey) VALUES (new.user_id, 'profile', 'self');
    END
  `);
  // Create trigger outbox_profile_avatar_update.
  db.exec(`
    CREATE TRIGGER outbox_profile_avatar_update AFTER UPDATE OF image ON avatars
    WHEN EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = new.user_id)
    BEGIN
      DELETE FROM outbox WHERE user_id = new.user_id AND op = 'profile';
      INSERT INTO outbox (user_id, op, rkey) VALUES (new.user_id, 'profile', 'self');
    END
  `);
}

export function down({ context: db }: MigrationParams): void {
  // Drop trigger outbox_profile_edit.
  db.exec(`DROP TRIGGER outbox_profile_edit`);
  // Drop trigger outbox_profile_avatar_insert.
  db.exec(`DROP TRIGGER outbox_profile_avatar_insert`);
  // Drop trigger outbox_profile_avatar_update.
  db.exec(`DROP TRIGGER outbox_profile_avatar_update`);
  // Drop trigger outbox_post_insert.
  db.exec(`DROP TRIGGER outbox_post_insert`);
  // Drop trigger outbox_post_delete.
  db.exec(`DROP TRIGGER outbox_post_delete`);
  // Drop trigger outbox_account_delete.
  db.exec(`DROP TRIGGER outbox_account_delete`);
  // Drop index ix_accounts_did.
  db.exec(`DROP INDEX ix_accounts_did`);
  // Drop index ix_post_records_user_rkey.
  db.exec(`DROP INDEX ix_post_records_user_rkey`);
  // Drop index ix_outbox_due.
  db.exec(`DROP INDEX ix_outbox_due`);
  // Drop index ix_outbox_post.
  db.exec(`DROP INDEX ix_outbox_post`);
  // Drop table outbox.
  // DESTRUCTIVE: drops table outbox and every row in it.
  db.exec(`DROP TABLE outbox`);
  // Drop table post_records.
  // DESTRUCTIVE: drops table post_records and every row in it.
  db.exec(`DROP TABLE post_records`);
  // Drop table accounts.
  // DESTRUCTIVE: drops table accounts and every row in it.
  db.exec(`DROP TABLE accounts`);
}
