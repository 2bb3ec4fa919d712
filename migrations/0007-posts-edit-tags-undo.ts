/**
 * Posts edit tags undo: a code point ceiling on posts and drafts, revisions, #tags, undo.
 * Written by `npm run db -- migrate` from migrations/schema.sql; added by hand, apart from the
 * generated steps: the posts id sequence kept across the rebuild, post_tags filled for every
 * post, and down's rebuilds restoring the earlier CREATE text word for word.
 */
import type { Db } from '../electron/db/connection';
import type { MigrationParams } from '../electron/db/migration-types';

// The app's tag rule (electron/db/post-text.ts) as of this migration, written out here because a
// migration is frozen and imports no code: `#`, after white space or at the start, then 1 to 64
// letters, digits, marks or `_` holding a letter, folded to lower case (and at most 64 code
// points folded). test/db/migrations/0007-posts-edit-tags-undo.test.ts checks that it finds
// exactly what extractTags finds.
const TAG = /(?<=^|\s)#([\p{L}\p{N}\p{M}_]{1,64})(?![\p{L}\p{N}\p{M}_])/gu;
const HAS_LETTER = /\p{L}/u;

function tagsOf(body: string): string[] {
  const tags = new Set<string>();
  for (const match of body.matchAll(TAG)) {
    const folded = (match[1] ?? '').toLowerCase();
    if (HAS_LETTER.test(folded) && [...folded].length <= 64) tags.add(folded);
  }
  return [...tags];
}

/** The highest id posts ever handed out: a rebuild's new table starts its sequence afresh. */
function postSequence(db: Db): number {
  return db.prepare<[], number>(`SELECT seq FROM sqlite_sequence WHERE name = 'posts'`).pluck().get() ?? 0;
}

/** Keeps AUTOINCREMENT's promise through the rebuild: an id once used is never handed out again. */
function keepPostSequence(db: Db, seq: number): void {
  db.prepare(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'posts'`).run(seq);
  db.prepare(
    `INSERT INTO sqlite_sequence (name, seq) SELECT 'posts', ? WHERE ? > 0
    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'posts')`,
  ).run(seq, seq);
}

/** Every existing post's tags, by the app's extraction rule (the one posting uses). */
function backfillTags(db: Db): void {
  const insert = db.prepare<[string, number, string]>(
    `INSERT INTO post_tags (tag, post_id, timestamp) VALUES (?, ?, ?)`,
  );
  // Only bodies with a `#` can hold a tag; SQLite finds those without handing the rest to JS.
  // Read whole first: a connection cannot write while a statement is still stepping.
  const rows = db.prepare<[], { id: number; body: string; timestamp: string }>(
    `SELECT id, body, timestamp FROM posts WHERE instr(body, '#') > 0`,
  );
  for (const { id, body, timestamp } of rows.all()) {
    for (const tag of tagsOf(body)) insert.run(tag, id, timestamp);
  }
}

/** It drops or rebuilds tables: with foreign keys on, dropping a parent would cascade into its children. */
export const foreignKeys = 'off';

export function up({ context: db }: MigrationParams): void {
  // Create table post_revisions.
  db.exec(`
    CREATE TABLE post_revisions (
      id         INTEGER PRIMARY KEY,
      post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      body       TEXT NOT NULL
        CONSTRAINT revision_body_ceiling CHECK (length(body) <= 2240),
      written_at TEXT NOT NULL
    ) STRICT
  `);
  // Create table post_tags.
  db.exec(`
    CREATE TABLE post_tags (
      tag       TEXT NOT NULL
        CONSTRAINT tag_folded CHECK (tag = lower(tag) AND length(tag) BETWEEN 1 AND 64),
      post_id   INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      timestamp TEXT NOT NULL,
      PRIMARY KEY (post_id, tag)
    ) STRICT
  `);
  // Create table deleted_posts.
  db.exec(`
    CREATE TABLE deleted_posts (
      post_id    INTEGER PRIMARY KEY,
      user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      snapshot   TEXT NOT NULL,
      deleted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT
  `);
  const seq = postSequence(db);
  // Rebuild posts (SQLite's 12-step table change): new table, copy the rows, drop the old one, rename.
  // DESTRUCTIVE: adds or changes a CHECK on posts.body: existing rows may violate "check(length(body) <= 2240)".
  db.exec(`
    CREATE TABLE _new_posts (
      id        INTEGER PRIMARY KEY AUTOINCREMENT,
      body      TEXT NOT NULL
        CONSTRAINT body_no_nul CHECK (instr(CAST(body AS BLOB), x'00') = 0)
        CONSTRAINT body_ceiling CHECK (length(body) <= 2240)
        CONSTRAINT body_not_blank CHECK (length(trim(body, char(9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193,
          8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279))) > 0),
      timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        CONSTRAINT timestamp_format CHECK (
          timestamp GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'
        ),
      edited_at TEXT
        CONSTRAINT edited_at_format CHECK (
          edited_at IS NULL OR edited_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'
        ),
      user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
    ) STRICT;
    INSERT INTO _new_posts (id, body, timestamp, user_id)
      SELECT id, body, timestamp, user_id FROM posts;
    DROP TABLE posts;
    ALTER TABLE _new_posts RENAME TO posts;
  `);
  // Rebuild drafts (SQLite's 12-step table change): new table, copy the rows, drop the old one, rename.
  // DESTRUCTIVE: adds or changes a CHECK on drafts.body: existing rows may violate "check(length(body) <= 16000)".
  db.exec(`
    CREATE TABLE _new_drafts (
      user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      body       TEXT NOT NULL
        CONSTRAINT draft_ceiling CHECK (length(body) <= 16000),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
    INSERT INTO _new_drafts (user_id, body, updated_at)
      SELECT user_id, body, updated_at FROM drafts;
    DROP TABLE drafts;
    ALTER TABLE _new_drafts RENAME TO drafts;
  `);
  // Create index ix_posts_timestamp.
  db.exec(`CREATE INDEX ix_posts_timestamp ON posts (timestamp DESC, id DESC)`);
  // Create index ix_posts_user_id_timestamp.
  db.exec(`CREATE INDEX ix_posts_user_id_timestamp ON posts (user_id, timestamp DESC, id DESC)`);
  // Create index ix_post_revisions_post_id.
  db.exec(`CREATE INDEX ix_post_revisions_post_id ON post_revisions (post_id, id)`);
  // Create index ix_post_tags_tag_timestamp.
  db.exec(`CREATE INDEX ix_post_tags_tag_timestamp ON post_tags (tag, timestamp DESC, post_id DESC)`);
  // By hand: the id sequence, then the tags of every post.
  keepPostSequence(db, seq);
  backfillTags(db);
}

/** The CREATE text of drafts and posts before this migration, exactly as 0003 and 0005 left it. */
const DRAFTS_BEFORE = `CREATE TABLE drafts (
      user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      body       TEXT NOT NULL
        CONSTRAINT draft_length CHECK (length(body) <= 1000),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT`;
const POSTS_BEFORE = `CREATE TABLE posts (
      id        INTEGER PRIMARY KEY AUTOINCREMENT,
      body      TEXT NOT NULL
        CONSTRAINT body_no_nul CHECK (instr(CAST(body AS BLOB), x'00') = 0)
        CONSTRAINT body_length CHECK (length(body) <= 140)
        CONSTRAINT body_not_blank CHECK (length(trim(body, char(9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199,
  8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279))) > 0),
      timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        CONSTRAINT timestamp_format CHECK (
          timestamp GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'
        ),
      user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
    ) STRICT`;

/** Rebuilds `table` from its earlier CREATE text, copying `columns`; no other table refers to it by then. */
function restoreTable(db: Db, table: string, create: string, columns: string): void {
  db.exec(`ALTER TABLE ${table} RENAME TO _old_${table}`);
  db.exec(create);
  db.exec(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM _old_${table}`);
  db.exec(`DROP TABLE _old_${table}`);
}

export function down({ context: db }: MigrationParams): void {
  // Drop index ix_post_revisions_post_id.
  db.exec(`DROP INDEX ix_post_revisions_post_id`);
  // Drop index ix_post_tags_tag_timestamp.
  db.exec(`DROP INDEX ix_post_tags_tag_timestamp`);
  // Drop table deleted_posts.
  // DESTRUCTIVE: drops table deleted_posts and every row in it.
  db.exec(`DROP TABLE deleted_posts`);
  // Drop table post_tags.
  // DESTRUCTIVE: drops table post_tags and every row in it.
  db.exec(`DROP TABLE post_tags`);
  // Drop table post_revisions.
  // DESTRUCTIVE: drops table post_revisions and every row in it.
  db.exec(`DROP TABLE post_revisions`);
  // Rebuild drafts, by hand: the old table is renamed away and the 0003 CREATE text made again
  // word for word (a renamed new table would be stored as CREATE TABLE "drafts").
  // DESTRUCTIVE: existing rows may violate "check(length(body) <= 1000)".
  restoreTable(db, 'drafts', DRAFTS_BEFORE, 'user_id, body, updated_at');
  const seq = postSequence(db);
  // Rebuild posts, by hand, as drafts above.
  // DESTRUCTIVE: existing rows may violate "check(length(body) <= 140)"; drops column posts.edited_at and its values.
  restoreTable(db, 'posts', POSTS_BEFORE, 'id, body, timestamp, user_id');
  // Create index ix_posts_timestamp.
  db.exec(`CREATE INDEX ix_posts_timestamp ON posts (timestamp DESC, id DESC)`);
  // Create index ix_posts_user_id_timestamp.
  db.exec(`CREATE INDEX ix_posts_user_id_timestamp ON posts (user_id, timestamp DESC, id DESC)`);
  // By hand: the id sequence.
  keepPostSequence(db, seq);
}
