/**
 * Profiles people own: an optional email (NOT NULL cannot be dropped in place, so users is
 * rebuilt), a display name, about me, last seen, created at, and avatars in their own table.
 *
 * Data steps, kept apart from the generated DDL so a regeneration can keep them: the users
 * sequence is carried over (the rebuilt table would otherwise restart after the highest id
 * left, and hand out a deleted profile's id again), `created_at` comes from the profile's
 * first post (else the migration time, the column's default) and `last_seen` from its newest.
 *
 * Written by `npm run db -- migrate` from migrations/schema.sql. The SQL may be edited;
 * `npm run db -- check` keeps the chain equal to the declared schema.
 */
import type { MigrationParams } from '../electron/db/migration-types';

/** It drops or rebuilds tables: with foreign keys on, dropping a parent would cascade into its children. */
export const foreignKeys = 'off';

/** The users sequence before a rebuild drops it with the old table. */
function usersSequence(db: MigrationParams['context']): number {
  return (
    db
      .prepare<[], number>(`SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'users'`)
      .pluck()
      .get() ?? 0
  );
}

/** Puts the sequence back after the rebuild, never below the highest id the new table holds. */
function restoreUsersSequence(db: MigrationParams['context'], seq: number): void {
  db.prepare(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'users'`).run(seq);
  db.prepare(
    `INSERT INTO sqlite_sequence (name, seq) SELECT 'users', ? WHERE ? > 0
    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'users')`,
  ).run(seq, seq);
}

export function up({ context: db }: MigrationParams): void {
  const seq = usersSequence(db);
  // Create table avatars.
  db.exec(`
    CREATE TABLE avatars (
      user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      image      BLOB NOT NULL
        CONSTRAINT avatar_size CHECK (length(image) BETWEEN 12 AND 262144)
        CONSTRAINT avatar_type CHECK (
          hex(substr(image, 1, 8)) = '89504E470D0A1A0A'
          OR hex(substr(image, 1, 3)) = 'FFD8FF'
          OR (hex(substr(image, 1, 4)) = '52494646' AND hex(substr(image, 9, 4)) = '57454250')
        ),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT
  `);
  // Rebuild users (SQLite's 12-step table change): new table, copy the rows, drop the old one, rename.
  db.exec(`
    CREATE TABLE _new_users (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      username      TEXT NOT NULL COLLATE NOCASE
        CONSTRAINT username_no_nul CHECK (instr(CAST(username AS BLOB), x'00') = 0)
        CONSTRAINT username_length CHECK (length(username) BETWEEN 1 AND 64)
        CONSTRAINT username_chars CHECK (username NOT GLOB '*[^A-Za-z0-9_.-]*'),
      email         TEXT COLLATE NOCASE
        CONSTRAINT email_no_nul CHECK (instr(CAST(email AS BLOB), x'00') = 0)
        CONSTRAINT email_length CHECK (length(email) <= 120)
        CONSTRAINT email_shape CHECK (email GLOB '?*@?*' AND instr(email, ' ') = 0),
      password_hash TEXT
        CONSTRAINT password_hash_length CHECK (password_hash IS NULL OR length(password_hash) <= 256),
      display_name  TEXT
        CONSTRAINT display_name_no_nul CHECK (instr(CAST(display_name AS BLOB), x'00') = 0)
        CONSTRAINT display_name_length CHECK (length(display_name) BETWEEN 1 AND 400),
      about_me      TEXT
        CONSTRAINT about_me_no_nul CHECK (instr(CAST(about_me AS BLOB), x'00') = 0)
        CONSTRAINT about_me_length CHECK (length(about_me) BETWEEN 1 AND 2240),
      last_seen     TEXT
        CONSTRAINT last_seen_format CHECK (
          last_seen GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'
        ),
      created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        CONSTRAINT created_at_format CHECK (
          created_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'
        )
    ) STRICT;
    INSERT INTO _new_users (id, username, email, password_hash)
      SELECT id, username, email, password_hash FROM users;
    DROP TABLE users;
    ALTER TABLE _new_users RENAME TO users;
  `);
  // Create index ix_users_username.
  db.exec(`CREATE UNIQUE INDEX ix_users_username ON users (username)`);
  // Create index ix_users_email.
  db.exec(`CREATE UNIQUE INDEX ix_users_email ON users (email)`);
  // Data: the sequence, then each profile's first and newest post (index ix_posts_user_id_timestamp).
  restoreUsersSequence(db, seq);
  db.exec(`
    UPDATE users SET
      created_at = coalesce((SELECT min(timestamp) FROM posts WHERE user_id = users.id), created_at),
      last_seen = (SELECT max(timestamp) FROM posts WHERE user_id = users.id)
  `);
}

export function down({ context: db }: MigrationParams): void {
  const seq = usersSequence(db);
  // Data: 0005 requires an email. A profile without one gets an address that can never be
  // anyone's (the .invalid domain is reserved) and is unique by its id.
  db.exec(`UPDATE users SET email = 'profile-' || id || '@no-email.invalid' WHERE email IS NULL`);
  // Drop table avatars.
  // DESTRUCTIVE: drops table avatars and every row in it.
  db.exec(`DROP TABLE avatars`);
  // Rebuild users (SQLite's 12-step table change): new table, copy the rows, drop the old one, rename.
  // DESTRUCTIVE: drops column users.display_name and its values; drops column users.about_me and its values; drops column users.last_seen and its values; drops column users.created_at and its values.
  db.exec(`
    CREATE TABLE _new_users (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      username      TEXT NOT NULL COLLATE NOCASE
        CONSTRAINT username_no_nul CHECK (instr(CAST(username AS BLOB), x'00') = 0)
        CONSTRAINT username_length CHECK (length(username) BETWEEN 1 AND 64)
        CONSTRAINT username_chars CHECK (username NOT GLOB '*[^A-Za-z0-9_.-]*'),
      email         TEXT NOT NULL COLLATE NOCASE
        CONSTRAINT email_no_nul CHECK (instr(CAST(email AS BLOB), x'00') = 0)
        CONSTRAINT email_length CHECK (length(email) <= 120)
        CONSTRAINT email_shape CHECK (email GLOB '?*@?*' AND instr(email, ' ') = 0),
      password_hash TEXT
        CONSTRAINT password_hash_length CHECK (password_hash IS NULL OR length(password_hash) <= 256)
    ) STRICT;
    INSERT INTO _new_users (id, username, email, password_hash)
      SELECT id, username, email, password_hash FROM users;
    DROP TABLE users;
    ALTER TABLE _new_users RENAME TO users;
  `);
  // Create index ix_users_username.
  db.exec(`CREATE UNIQUE INDEX ix_users_username ON users (username)`);
  // Create index ix_users_email.
  db.exec(`CREATE UNIQUE INDEX ix_users_email ON users (email)`);
  restoreUsersSequence(db, seq);
}
