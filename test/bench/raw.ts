import type { Db } from '../../electron/db/index';
import { TOUCH_LAST_SEEN_SQL, touchArguments } from '../../electron/db/profiles';
import { USER_COLUMNS } from '../../electron/db/users';
import { extractTags } from '../../electron/db/post-text';
import { migrations } from '../../migrations/index';
import { type BenchSide, type TimelineRef, type UserRef, each, tableNames, times } from './side';
import { TIMELINE_PAGE_SIZE, USER_PAGE_SIZE } from './workload';

const USER = USER_COLUMNS;
// The project's post columns (editedAt included), so both sides read and return the same row.
const POST = `p.id AS id, p.body AS body, p.timestamp AS timestamp, p.user_id AS userId, p.edited_at AS editedAt`;
const TIMELINE = `SELECT ${POST}, u.username AS username FROM posts p JOIN users u ON u.id = p.user_id`;

interface DeepCursor {
  timestamp: string;
  id: number;
}

/**
 * The practical limit: raw better-sqlite3 prepared statements on the same schema and
 * pragmas, returning SQLite's rows as they come (no validation, no mapping, exact LIMIT).
 * The migration cycle runs the same migration functions (the same DDL) and bookkeeping
 * rows in one transaction each, directly, without Umzug.
 */
export function createRawSide(db: Db): BenchSide {
  const insertUser = db.prepare<[string, string, string, string]>(
    `INSERT INTO users (username, email, password_hash, display_name, created_at, last_seen)
     VALUES (?, ?, NULL, NULL, ?, ?)`,
  );
  const insertPost = db.prepare<[string, string, number]>(
    `INSERT INTO posts (body, timestamp, user_id) VALUES (?, ?, ?)`,
  );
  const touchLastSeen = db.prepare<[string, number, string]>(TOUCH_LAST_SEEN_SQL);
  const insertTag = db.prepare<[string, number, string]>(
    `INSERT INTO post_tags (tag, post_id, timestamp) VALUES (?, ?, ?)`,
  );
  // The same rows as the project writes: a post, its tags and (posted now) the author's last_seen,
  // in one transaction; a post with its own time and no tags is one INSERT.
  const saveAll = db.transaction(
    (body: string, timestamp: string, userId: number, tags: string[], seen: Date | null) => {
      const id = Number(insertPost.run(body, timestamp, userId).lastInsertRowid);
      for (const tag of tags) insertTag.run(tag, id, timestamp);
      if (seen) touchLastSeen.run(...touchArguments(userId, seen));
      return id;
    },
  );
  const save = (body: string, timestamp: string, userId: number, seen: Date | null): number => {
    const tags = extractTags(body);
    if (tags.length === 0 && seen === null)
      return Number(insertPost.run(body, timestamp, userId).lastInsertRowid);
    return saveAll(body, timestamp, userId, tags, seen);
  };
  const userById = db.prepare<[number], UserRef>(`SELECT ${USER} FROM users WHERE id = ?`);
  const userPosts = db.prepare<[number, number], TimelineRef>(
    `SELECT ${POST} FROM posts p WHERE p.user_id = ? ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`,
  );
  const timelineFirst = db.prepare<[number], TimelineRef>(
    `${TIMELINE} ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`,
  );
  const timelineAfter = db.prepare<[string, number, number], TimelineRef>(
    `${TIMELINE} WHERE (p.timestamp, p.id) < (?, ?) ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`,
  );
  const cursorAt = db.prepare<[number], DeepCursor>(
    `SELECT timestamp, id FROM posts ORDER BY timestamp DESC, id DESC LIMIT 1 OFFSET ?`,
  );
  const usersDesc = db.prepare<[], UserRef>(`SELECT ${USER} FROM users ORDER BY username DESC`);
  const usersLike = db.prepare<[string], UserRef>(
    `SELECT ${USER} FROM users WHERE username LIKE ? ESCAPE '\\' ORDER BY username ASC`,
  );

  return {
    name: 'raw',
    db,

    async migrationCycle(cycles) {
      const log = db.prepare<[string]>(`INSERT INTO schema_migrations (name) VALUES (?)`);
      const unlog = db.prepare<[string]>(`DELETE FROM schema_migrations WHERE name = ?`);
      const tables: string[][] = [];
      // As the runner does: one transaction per migration, and a migration that rebuilds a
      // parent table (foreignKeys: 'off') runs with foreign keys off around it.
      const step = (migration: (typeof migrations)[number], direction: 'up' | 'down') => {
        const rebuilds = migration.foreignKeys === 'off';
        if (rebuilds) db.pragma('foreign_keys = OFF');
        db.exec('BEGIN IMMEDIATE');
        migration[direction]({ name: migration.name, context: db });
        (direction === 'up' ? log : unlog).run(migration.name);
        db.exec('COMMIT');
        if (rebuilds) db.pragma('foreign_keys = ON');
      };
      for (let c = 0; c < cycles; c++) {
        for (const migration of [...migrations].reverse()) step(migration, 'down');
        tables.push(tableNames(db));
        for (const migration of migrations) step(migration, 'up');
        tables.push(tableNames(db));
      }
      return tables;
    },

    createUsers: (specs) =>
      each(specs, (spec) => {
        const now = new Date().toISOString();
        return Number(insertUser.run(spec.username, spec.email, now, now).lastInsertRowid);
      }),

    bulkInsert: (list) =>
      db.transaction(() => each(list, (post) => save(post.body, post.timestamp, post.userId, null)))(),

    postOneByOne: (postings) =>
      each(postings, ({ userId, body }) => {
        const author = userById.get(userId);
        const now = new Date();
        const id = save(body, now.toISOString(), userId, now);
        return { author, post: { id, userId } };
      }),

    getUsers: (ids) => each(ids, (id) => userById.get(id)),

    userPages: (ids) =>
      each(ids, (id) => ({ user: userById.get(id), posts: userPosts.all(id, USER_PAGE_SIZE) })),

    timelineFirstPages: (count) => times(count, () => timelineFirst.all(TIMELINE_PAGE_SIZE)),

    deepCursor(depth) {
      // The last post before the page, as the cursor the project would hand out.
      return cursorAt.get(depth - 1);
    },

    timelineDeepPages(count, cursor) {
      const { timestamp, id } = cursor as DeepCursor;
      return times(count, () => timelineAfter.all(timestamp, id, TIMELINE_PAGE_SIZE));
    },

    usersByUsernameDesc: (count) => times(count, () => usersDesc.all()),

    usersStartingWith: (prefix, count) => times(count, () => usersLike.all(`${prefix}%`)),
  };
}
