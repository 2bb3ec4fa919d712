import type { MigrationParams } from '../electron/db/migration-types';

/**
 * Posts: 1 to 140 characters (code points, as `length()` counts them), stored UTC with
 * millisecond precision in ISO-8601 text so that text order is time order.
 * The two indexes are shaped for the two paged queries (timeline, a user's posts), both
 * ordered `timestamp DESC, id DESC`, so neither needs a scan or a temporary sort.
 */
/** The characters JavaScript's `trim()` removes, so the schema and the app agree on "blank". */
const WHITE_SPACE = `char(9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199,
  8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)`;

export function up({ context: db }: MigrationParams): void {
  db.exec(`
    CREATE TABLE posts (
      id        INTEGER PRIMARY KEY,
      body      TEXT NOT NULL
        CONSTRAINT body_no_nul CHECK (instr(CAST(body AS BLOB), x'00') = 0)
        CONSTRAINT body_length CHECK (length(body) <= 140)
        CONSTRAINT body_not_blank CHECK (length(trim(body, ${WHITE_SPACE})) > 0),
      timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        CONSTRAINT timestamp_format CHECK (
          timestamp GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'
        ),
      user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX ix_posts_timestamp ON posts (timestamp DESC, id DESC);
    CREATE INDEX ix_posts_user_id_timestamp ON posts (user_id, timestamp DESC, id DESC);
  `);
}

export function down({ context: db }: MigrationParams): void {
  db.exec(`DROP TABLE posts;`);
}
