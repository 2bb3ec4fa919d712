import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { cursorBefore } from '../../electron/db/cursor';
import { createRepositories } from '../../electron/db/index';
import { migratedDb } from '../fixtures/index';

/** Every SQL text the repositories prepare, while they run (the database stays real). */
function recording(db: Db): { db: Db; sources: string[] } {
  const sources: string[] = [];
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          sources.push(sql);
          return target.prepare(sql);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, sources };
}

function plan(db: Db, sql: string, params: unknown): string[] {
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Array.isArray(params) ? statement.all(...params) : statement.all(params)) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail);
}

/**
 * Does the bytecode read a column of the posts row before its follow test (the probe of the set
 * of followed authors)? A walk that reads each author from its index fetches only the rows it keeps.
 */
function readsPostRowBeforeFollowTest(db: Db, sql: string, params: Record<string, unknown>): boolean {
  const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'posts'`).pluck().get();
  const ops = db.prepare(`EXPLAIN ${sql}`).all(params) as { opcode: string; p1: number; p2: number }[];
  const table = ops.find((op) => op.opcode === 'OpenRead' && op.p2 === root)?.p1;
  const probe = ops.findIndex((op) => op.opcode === 'NotFound');
  expect(table).toBeTypeOf('number');
  expect(probe).toBeGreaterThan(0);
  return ops.slice(0, probe).some((op) => op.opcode === 'Column' && op.p1 === table);
}

/** No temp sort, and no full scan of posts or users except in index order. */
function expectNoSortNoScan(details: string[]): void {
  for (const detail of details) {
    expect(detail).not.toMatch(/TEMP B-TREE/);
    if (/^SCAN (p|u|posts|users)\b/.test(detail)) expect(detail).toMatch(/USING (COVERING )?INDEX/);
  }
}

async function setup() {
  const { db } = await migratedDb();
  const seed = createRepositories(db);
  db.transaction(() => {
    for (let u = 1; u <= 100; u++) seed.users.create({ username: `user${u}`, email: `user${u}@example.com` });
    for (let p = 0; p < 3000; p++) {
      seed.posts.create({
        userId: (p % 100) + 1,
        body: `post ${p} word${p % 7}`,
        timestamp: new Date(1e12 + p * 1000).toISOString(),
      });
    }
    // User 1 follows two profiles (a sparse feed), user 2 follows twenty (a dense one).
    for (const f of [3, 4]) seed.follows.add(1, f);
    for (let f = 3; f <= 22; f++) seed.follows.add(2, f);
  })();
  db.exec('ANALYZE');
  const recorded = recording(db);
  return { db, sources: recorded.sources, repos: createRepositories(recorded.db) };
}

const only = (sources: string[], test: (sql: string) => boolean): string => {
  const found = sources.filter(test);
  expect(found).toHaveLength(1);
  return String(found[0]);
};

describe('EXPLAIN QUERY PLAN: follows, the feed, search, jump to a date and the directory', () => {
  it('a sparse Following feed merges per-author ranges of ix_posts_user_id_timestamp', async () => {
    const { db, sources, repos } = await setup();
    expect(repos.feed.following(1, { limit: 5 }).items.map((p) => p.userId)).toEqual([4, 3, 1, 4, 3]);
    const sql = only(sources, (s) => s.includes('UNION ALL') && !s.includes('INDEXED BY'));
    const details = plan(db, sql, { u0: 1, u1: 3, u2: 4, ts: '9999', id: 1, lim: 6 });
    expect(details).toContain('MERGE (UNION ALL)');
    expect(
      details.filter((d) =>
        /SEARCH p USING INDEX ix_posts_user_id_timestamp \(user_id=\? AND timestamp<\?\)/.test(d),
      ),
    ).toHaveLength(3);
    expectNoSortNoScan(details);
  });

  it('a dense Following feed walks ix_posts_timestamp_user_id and keeps the followed authors', async () => {
    const { db, sources, repos } = await setup();
    const page = repos.feed.following(2, { limit: 30 });
    expect(page.items.every((p) => p.userId === 2 || (p.userId >= 3 && p.userId <= 22))).toBe(true);
    const older = repos.feed.following(2, { limit: 30, cursor: page.nextCursor });
    expect(older.items[0]?.id).toBeLessThan(page.items.at(-1)?.id ?? 0);
    const walks = (s: string) => s.includes('INDEXED BY ix_posts_timestamp_user_id') && !s.includes(' ASC');
    // The first page starts at the newest post, a later one at its cursor.
    const first = only(sources, (s) => walks(s) && !s.includes(':ts'));
    const after = only(sources, (s) => walks(s) && s.includes(':ts'));
    for (const [sql, params, walk] of [
      [first, { me: 2, lim: 31 }, /SCAN p USING INDEX ix_posts_timestamp_user_id$/m],
      [
        after,
        { me: 2, ts: '9999', id: 1, lim: 31 },
        /SEARCH p USING INDEX ix_posts_timestamp_user_id \(timestamp<\?\)/,
      ],
    ] as const) {
      const details = plan(db, sql, params);
      expect(details.join('\n')).toMatch(walk);
      expect(details.join('\n')).toMatch(/SEARCH follows USING COVERING INDEX ix_follows_follower/);
      expectNoSortNoScan(details);
      // The author comes from the index: a post row is read only once its author is followed.
      expect(readsPostRowBeforeFollowTest(db, sql, params)).toBe(false);
    }
  });

  it('the follow test reads the post row when the walked index lacks the author (the check has teeth)', async () => {
    const { db, sources, repos } = await setup();
    repos.feed.following(2, { limit: 30 });
    const sql = only(sources, (s) => s.includes('INDEXED BY') && !s.includes(' ASC') && !s.includes(':ts'));
    db.exec('CREATE INDEX ix_posts_timestamp_only ON posts (timestamp DESC, id DESC)');
    const narrow = sql.replace(/INDEXED BY \w+/, 'INDEXED BY ix_posts_timestamp_only');
    expect(readsPostRowBeforeFollowTest(db, narrow, { me: 2, lim: 31 })).toBe(true);
  });

  it('both Following feeds page back up from a cursor on the same indexes, with no sort', async () => {
    const { db, sources, repos } = await setup();
    for (const [userId, size] of [
      [1, 5],
      [2, 30],
    ] as const) {
      const first = repos.feed.following(userId, { limit: size });
      const second = repos.feed.following(userId, { limit: size, cursor: first.nextCursor });
      const back = repos.feed.following(userId, {
        limit: size,
        cursor: second.prevCursor,
        direction: 'newer',
      });
      expect(back.items.map((p) => p.id)).toEqual(first.items.map((p) => p.id));
      expect(back.prevCursor).toBeNull();
    }
    const merged = only(
      sources,
      (s) => s.includes('UNION ALL') && s.includes('ASC') && !s.includes('INDEXED BY'),
    );
    const mergedPlan = plan(db, merged, { u0: 1, u1: 3, u2: 4, ts: '0', id: 1, lim: 6 });
    expect(mergedPlan).toContain('MERGE (UNION ALL)');
    expect(
      mergedPlan.filter((d) => /ix_posts_user_id_timestamp \(user_id=\? AND timestamp>\?\)/.test(d)),
    ).toHaveLength(3);
    expectNoSortNoScan(mergedPlan);
    const wide = only(sources, (s) => s.includes('INDEXED BY') && s.includes('ASC'));
    const wideParams = { me: 2, ts: '0', id: 1, lim: 31 };
    const widePlan = plan(db, wide, wideParams);
    expect(widePlan.join('\n')).toMatch(/SEARCH p USING INDEX ix_posts_timestamp_user_id \(timestamp>\?\)/);
    expectNoSortNoScan(widePlan);
    expect(readsPostRowBeforeFollowTest(db, wide, wideParams)).toBe(false);
  });

  it('search walks the FTS5 index by rowid, newest first, and finds posts by primary key', async () => {
    const { db, sources, repos } = await setup();
    expect(repos.search.posts('word3 from:user4', { limit: 2 }).items).toHaveLength(2);
    // Words alone, and words with a profile filter: both statements the repository prepared.
    const words = only(sources, (s) => s.includes('MATCH') && !s.includes('p.user_id = ?'));
    const from = only(sources, (s) => s.includes('MATCH') && s.includes('p.user_id = ?'));
    for (const [sql, params] of [
      [words, ['"word3"', 1e9, 3]],
      [from, ['"word3"', 1e9, 4, 3]],
    ] as const) {
      const details = plan(db, sql, params);
      expect(details.join('\n')).toMatch(/SCAN posts_fts VIRTUAL TABLE INDEX \d+:M1</);
      expect(details.join('\n')).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
      expectNoSortNoScan(details);
    }
    // The page start of a later page, or of a jump to a date: one range search on the timeline index.
    const below = only(sources, (s) => s.startsWith('SELECT id + 1'));
    expectNoSortNoScan(plan(db, below, ['2001-09-09T01:50:00.000Z', 1]));
    expect(plan(db, below, ['2001-09-09T01:50:00.000Z', 1]).join()).toMatch(
      /SEARCH p USING COVERING INDEX ix_posts_timestamp_user_id/,
    );
  });

  it('jump to a date is the timeline keyset from a timestamp: a range search on ix_posts_timestamp_user_id', async () => {
    const { db, sources, repos } = await setup();
    const at = '2001-09-09T01:50:00.000Z';
    const page = repos.posts.timeline({ cursor: cursorBefore(at), limit: 3 });
    expect(page.items.map((p) => p.timestamp < at)).toEqual([true, true, true]);
    expect(page.items[0]?.timestamp).toBe('2001-09-09T01:49:59.000Z');
    // The statements the timeline prepared: the jump's (a timestamp alone) and a later page's.
    const before = only(sources, (s) => /WHERE p\.timestamp < \?/.test(s));
    const after = only(
      sources,
      (s) =>
        s.includes('JOIN users u') &&
        s.includes('(p.timestamp, p.id) < (?, ?)') &&
        !s.includes('user_id = ?'),
    );
    for (const [sql, params] of [
      [before, [at, 4]],
      [after, [at, 7, 4]],
    ] as const) {
      const details = plan(db, sql, params);
      expect(details.join()).toMatch(/SEARCH p USING INDEX ix_posts_timestamp_user_id \(timestamp<\?\)/);
      expectNoSortNoScan(details);
    }
  });

  it('the directory, filtered or not, in both orders, walks ix_users_sort_key instead of sorting', async () => {
    const { db, sources, repos } = await setup();
    expect(
      repos.directory
        .search({ text: 'user9' })
        .map((u) => u.username)
        .slice(0, 3),
    ).toEqual(['user9', 'user90', 'user91']);
    const queries = sources.filter((s) => s.includes('ORDER BY u.sort_key'));
    expect(queries).toHaveLength(4);
    for (const sql of queries) {
      const details = plan(db, sql, sql.includes(':like') ? { viewer: 1, like: '%a%' } : { viewer: 1 });
      expect(details.join('\n')).toMatch(/SCAN u USING (COVERING )?INDEX ix_users_sort_key/);
      expectNoSortNoScan(details);
    }
  });

  it('fails when the sort-key index is missing (the check has teeth)', async () => {
    const { db, sources } = await setup();
    db.exec('DROP INDEX ix_users_sort_key');
    const sql = sources.find((s) => s.includes('ORDER BY u.sort_key')) ?? '';
    expect(() => expectNoSortNoScan(plan(db, sql, { viewer: 1 }))).toThrow();
  });
});
