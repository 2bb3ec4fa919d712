import type { MigrationParams } from '../electron/db/migration-types';

/**
 * Users, as in the classic microblog. NOCASE on username and email makes `Susan` and
 * `susan` the same person for uniqueness, sorting and the `LIKE 's%'` prefix search (ASCII
 * letters, as SQLite folds case), and lets those queries use the unique indexes.
 * SQLite's `length()` and GLOB stop at a NUL character, so NUL is refused on the bytes first.
 */
export function up({ context: db }: MigrationParams): void {
  db.exec(`
    CREATE TABLE users (
      id            INTEGER PRIMARY KEY,
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
    CREATE UNIQUE INDEX ix_users_username ON users (username);
    CREATE UNIQUE INDEX ix_users_email ON users (email);
  `);
}

export function down({ context: db }: MigrationParams): void {
  db.exec(`DROP TABLE users;`);
}
