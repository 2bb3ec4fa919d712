-- The schema a database has once every migration has run (schema_migrations aside): what a
-- developer edits first, then `npm run db -- migrate -m "..."` writes the migration, and
-- `npm run db -- check` (part of `npm test`) fails when the migrations do not build exactly this.

-- Users. NOCASE on username and email makes `Susan` and `susan` the same person for
-- uniqueness, sorting and the `LIKE 's%'` prefix search, and lets those use the unique indexes.
-- SQLite's length() and GLOB stop at a NUL character, so NUL is refused on the bytes first.
-- AUTOINCREMENT: an id is never handed out twice, so nothing keyed by an id points at a newer row.
-- The email is optional (NULL: none; still unique when given). A display name and about me are
-- limited in graphemes (characters as the user sees them), which SQLite cannot count: rules.ts
-- counts those, and the CHECKs here hold a code-point ceiling that no valid value reaches.
-- Times are UTC ISO-8601 to the millisecond, so text order is time order.
CREATE TABLE users (
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
    ),
  sort_key      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE UNIQUE INDEX ix_users_email ON users (email);
-- The directory's natural order (`sam9` before `sam79`, case ignored): the repository writes the
-- key (digit runs prefixed by their length), so listing walks this index instead of sorting.
CREATE INDEX ix_users_sort_key ON users (sort_key, username);

-- A profile's picture, at most 256 KB, a PNG, JPEG or WebP by its first bytes (main checks the
-- same before writing). Its own table, so listing users never reads the images.
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
) STRICT;

-- Posts: 1 to 140 visible characters (grapheme clusters, counted by the app's rules.ts with
-- Intl.Segmenter), not blank (the characters JavaScript's trim() removes), stored with a UTC
-- ISO-8601 timestamp to the millisecond so that text order is time order. SQLite cannot count
-- graphemes, so the database enforces what it can: not blank, no NUL, and a hard ceiling of
-- 2,240 code points (140 x 16). The longest emoji Unicode recommends (a kiss or couple with two
-- skin tones) is 10 code points and an Indic conjunct or a letter with stacked accents a few, so
-- no post the user sees as 140 characters reaches it; the app refuses the rest (text stacked with
-- marks) with its own sentence first. `edited_at` is null until the first edit; an edit never
-- moves `timestamp`, so a post keeps its place. The two indexes serve the two paged queries
-- (timeline, a user's posts), both `timestamp DESC, id DESC`. The timeline's also holds
-- `user_id`: the Following feed walks it and keeps the followed authors' posts, and with the
-- author in the index it fetches only the rows it keeps (about 20 of 210 for a page). One index
-- serves both, so an insert maintains no more indexes than before.
CREATE TABLE posts (
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
CREATE INDEX ix_posts_timestamp_user_id ON posts (timestamp DESC, id DESC, user_id);
CREATE INDEX ix_posts_user_id_timestamp ON posts (user_id, timestamp DESC, id DESC);

-- The earlier versions of an edited post: each body as it was, and when it was written (the
-- post's timestamp for the first, the previous edit's time after that). They go with the post.
CREATE TABLE post_revisions (
  id         INTEGER PRIMARY KEY,
  post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  body       TEXT NOT NULL
    CONSTRAINT revision_body_ceiling CHECK (length(body) <= 2240),
  written_at TEXT NOT NULL
) STRICT;
CREATE INDEX ix_post_revisions_post_id ON post_revisions (post_id, id);

-- The #tags of each post, as the app's extraction rule finds them in the body, folded to lower
-- case (JavaScript's toLowerCase, so #Café and #CAFÉ are one tag; the CHECK holds the ASCII part).
-- `timestamp` repeats the post's (which never changes) so that "newest posts with this tag" is
-- one range of ix_post_tags_tag_timestamp, with no sort.
CREATE TABLE post_tags (
  tag       TEXT NOT NULL
    CONSTRAINT tag_folded CHECK (tag = lower(tag) AND length(tag) BETWEEN 1 AND 64),
  post_id   INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  timestamp TEXT NOT NULL,
  PRIMARY KEY (post_id, tag)
) STRICT;
CREATE INDEX ix_post_tags_tag_timestamp ON post_tags (tag, timestamp DESC, post_id DESC);

-- A deleted post, whole (the row, its tags and revisions as JSON), for the few seconds its Undo
-- is offered. The delete and this snapshot commit together, and so do a restore and the
-- snapshot's removal; startup empties the table. So a quit during those seconds leaves the post
-- gone for good, never half of it.
CREATE TABLE deleted_posts (
  post_id    INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  snapshot   TEXT NOT NULL,
  deleted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- One unfinished post per profile, saved as the user types so that a crash never loses it.
-- A draft may run to 1,000 visible characters; the database's ceiling is 16 code points each,
-- as for posts.
CREATE TABLE drafts (
  user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  body       TEXT NOT NULL
    CONSTRAINT draft_ceiling CHECK (length(body) <= 16000),
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

-- A profile's link to an AT Protocol account (Bluesky or a self-hosted PDS): at most one per
-- profile (the key), and one account links to one profile (two profiles publishing into one
-- repository would overwrite each other's records). The tokens are not here: main keeps them
-- encrypted with the OS keychain (Electron's safeStorage). Posts written from `linked_at` on
-- are published; earlier ones only when the user asks.
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
) STRICT;
CREATE UNIQUE INDEX ix_accounts_did ON accounts (did);

-- Each post that belongs in a linked repository: its record key, a TID (13 characters of
-- base32-sortable: the post's time in microseconds, then 10 bits from its id), fixed when the
-- post is written, so every retry of its publish names the same record. `cid` is set once the
-- PDS has confirmed the record (published); a row without it is queued.
CREATE TABLE post_records (
  post_id      INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL,
  rkey         TEXT NOT NULL
    CONSTRAINT post_record_rkey_tid CHECK (length(rkey) = 13 AND rkey NOT GLOB '*[^234567a-z]*'),
  cid          TEXT
    CONSTRAINT post_record_cid_length CHECK (cid IS NULL OR length(cid) BETWEEN 1 AND 128),
  published_at TEXT
) STRICT;
CREATE UNIQUE INDEX ix_post_records_user_rkey ON post_records (user_id, rkey);

-- What is still to be sent, oldest first: a create names its post (whose body is read when it
-- is sent, so an edit before then goes out), a delete only its record key (the post is gone), a
-- profile the `self` profile record (its name, about me and picture are read when it is sent).
-- `due_at` (milliseconds since 1970) holds the next attempt after a failure; `failure` is the
-- sentence shown when the PDS refused the record and only the user's Retry sends it again.
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
) STRICT;
CREATE INDEX ix_outbox_due ON outbox (due_at, id);
CREATE INDEX ix_outbox_post ON outbox (post_id);

-- A post written by a linked profile after it linked gets its record key and a create in the
-- outbox in the same transaction, whichever code writes it (the app, an import, the shell). The
-- key is the post's millisecond time, three random sub-millisecond digits and the id's low 10
-- bits, written as SQL so that no connection needs a registered function.
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
END;

-- A deleted post that had a record: its record is deleted from the repository too (while the
-- profile is linked), and a create not yet sent is dropped.
CREATE TRIGGER outbox_post_delete AFTER DELETE ON posts
WHEN EXISTS (SELECT 1 FROM post_records WHERE post_id = old.id)
BEGIN
  DELETE FROM outbox WHERE post_id = old.id;
  INSERT INTO outbox (user_id, op, rkey)
  SELECT old.user_id, 'delete', r.rkey FROM post_records r
  WHERE r.post_id = old.id AND EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = old.user_id);
  DELETE FROM post_records WHERE post_id = old.id;
END;

-- Unlinking (or deleting the profile) stops publishing: what was still queued is dropped.
CREATE TRIGGER outbox_account_delete AFTER DELETE ON accounts
BEGIN
  DELETE FROM outbox WHERE user_id = old.user_id;
END;

-- A linked profile's display name, about me and picture go to its profile record whenever one of
-- them changes (and when it links with one set: the accounts repository queues that in the link's
-- transaction, as a trigger on accounts reading users would stop a later rebuild of users). One
-- waiting row per profile is enough, as the record is read whole when it is sent; a change
-- replaces a waiting (or refused) one.
CREATE TRIGGER outbox_profile_edit AFTER UPDATE OF display_name, about_me ON users
WHEN (old.display_name IS NOT new.display_name OR old.about_me IS NOT new.about_me)
  AND EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = new.id)
BEGIN
  DELETE FROM outbox WHERE user_id = new.id AND op = 'profile';
  INSERT INTO outbox (user_id, op, rkey) VALUES (new.id, 'profile', 'self');
END;
CREATE TRIGGER outbox_profile_avatar_insert AFTER INSERT ON avatars
WHEN EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = new.user_id)
BEGIN
  DELETE FROM outbox WHERE user_id = new.user_id AND op = 'profile';
  INSERT INTO outbox (user_id, op, rkey) VALUES (new.user_id, 'profile', 'self');
END;
CREATE TRIGGER outbox_profile_avatar_update AFTER UPDATE OF image ON avatars
WHEN EXISTS (SELECT 1 FROM accounts a WHERE a.user_id = new.user_id)
BEGIN
  DELETE FROM outbox WHERE user_id = new.user_id AND op = 'profile';
  INSERT INTO outbox (user_id, op, rkey) VALUES (new.user_id, 'profile', 'self');
END;
