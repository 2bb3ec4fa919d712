-- The schema a database has once every migration has run (schema_migrations aside): what a
-- developer edits first, then `npm run db -- migrate -m "..."` writes the migration, and
-- `npm run db -- check` (part of `npm test`) fails when the migrations do not build exactly this.

-- Users. NOCASE on username and email makes `Susan` and `susan` the same person for
-- uniqueness, sorting and the `LIKE 's%'` prefix search, and lets those use the unique indexes.
-- SQLite's length() and GLOB stop at a NUL character, so NUL is refused on the bytes first.
-- AUTOINCREMENT: an id is never handed out twice, so nothing keyed by an id points at a newer row.
CREATE TABLE users (
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
    CONSTRAINT password_hash_length CHECK (password_hash IS NULL OR length(password_hash) <= 256),
  sort_key      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE UNIQUE INDEX ix_users_email ON users (email);
-- The directory's natural order (`sam9` before `sam79`, case ignored): the repository writes the
-- key (digit runs prefixed by their length), so listing walks this index instead of sorting.
CREATE INDEX ix_users_sort_key ON users (sort_key, username);

-- Posts: 1 to 140 code points, not blank (the characters JavaScript's trim() removes), stored
-- with a UTC ISO-8601 timestamp to the millisecond so that text order is time order. The two
-- indexes serve the two paged queries (timeline, a user's posts), both `timestamp DESC, id DESC`.
CREATE TABLE posts (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  body      TEXT NOT NULL
    CONSTRAINT body_no_nul CHECK (instr(CAST(body AS BLOB), x'00') = 0)
    CONSTRAINT body_length CHECK (length(body) <= 140)
    CONSTRAINT body_not_blank CHECK (length(trim(body, char(9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193,
      8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279))) > 0),
  timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    CONSTRAINT timestamp_format CHECK (
      timestamp GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'
    ),
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX ix_posts_timestamp ON posts (timestamp DESC, id DESC);
CREATE INDEX ix_posts_user_id_timestamp ON posts (user_id, timestamp DESC, id DESC);

-- One unfinished post per profile, saved as the user types so that a crash never loses it.
CREATE TABLE drafts (
  user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  body       TEXT NOT NULL
    CONSTRAINT draft_length CHECK (length(body) <= 1000),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Small app settings kept with the data, such as which profile was active last.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

-- The first outcome of each keyed write (a post, a delete, a draft save): a retry with the same
-- client-made key gets it back instead of writing twice.
CREATE TABLE write_keys (
  key        TEXT PRIMARY KEY NOT NULL
    CONSTRAINT write_key_length CHECK (length(key) BETWEEN 1 AND 64),
  channel    TEXT NOT NULL,
  result     TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Who follows whom. WITHOUT ROWID: the pair is the key, and the two time indexes serve the two
-- keyset-paged lists (a profile's followers, the profiles it follows), newest follow first.
CREATE TABLE follows (
  follower_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  followed_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (follower_id, followed_id),
  CONSTRAINT follow_not_self CHECK (follower_id <> followed_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_follows_followed ON follows (followed_id, created_at DESC, follower_id DESC);
CREATE INDEX ix_follows_follower ON follows (follower_id, created_at DESC, followed_id DESC);

-- Full-text search over post bodies (FTS5, unicode61 words): an external-content index, so the
-- text is stored once, in posts. The triggers keep it in step inside the same transaction as
-- every insert, delete and body change, whichever code writes the post.
CREATE VIRTUAL TABLE posts_fts USING fts5(body, content='posts', content_rowid='id');
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
  INSERT INTO posts_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
  INSERT INTO posts_fts (posts_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF body ON posts BEGIN
  INSERT INTO posts_fts (posts_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO posts_fts (rowid, body) VALUES (new.id, new.body);
END;
