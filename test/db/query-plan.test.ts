import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { TAG_PAGE_SQL } from '../../electron/db/post-tags';
import { createPostRepository } from '../../electron/db/posts';
import { createUserRepository } from '../../electron/db/users';
import { migratedDb } from '../fixtures/index';
import { recording } from './query-plan-helpers';

/** The SQL the repositories actually prepare, recorded by wrapping `prepare` (the database stays real). */
function preparedSql(db: Db): string[] {
  const recorded = recording(db);
  createPostRepository(recorded.db);
  createUserRepository(recorded.db);
  return recorded.sources;
}

function only(sources: string[], test: (sql: string) => boolean, what: string): string {
  const found = sources.filter(test);
  if (found.length !== 1) throw new Error(`expected one ${what} query, found ${found.length}`);
  return String(found[0]);
}

function plan(db: Db, sql: string, params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail,
  );
}

/** No full scan of a table (a scan along an index is an ordered walk, fine with LIMIT) and no temp sort. */
function expectIndexed(details: string[], index: RegExp): void {
  expect(details.join('\n')).toMatch(index);
  for (const detail of details) {
    expect(detail).not.toMatch(/TEMP B-TREE/);
    if (/^SCAN /.test(detail)) expect(detail).toMatch(/USING (COVERING )?INDEX/);
  }
}

async function setup() {
  const { db, repos } = await migratedDb();
  // Enough rows that the planner's choice is not a toss-up on an empty table.
  const insert = db.transaction(() => {
    for (let u = 0; u < 50; u++) repos.users.create({ username: `user${u}`, email: `user${u}@example.com` });
    for (let p = 0; p < 2000; p++) {
      repos.posts.create({
        userId: (p % 50) + 1,
        body: p % 3 === 0 ? `post ${p} #til` : `post ${p} #music${p % 7}`,
        timestamp: new Date(1e12 + p * 1000).toISOString(),
      });
    }
  });
  insert();
  return { db, sources: preparedSql(db) };
}

const cursorTime = '2001-09-09T01:46:40.000Z';

describe('EXPLAIN QUERY PLAN: the paged and prefix queries use their indexes', () => {
  it('timeline, first page: walks ix_posts_timestamp_user_id, looks authors up by primary key', async () => {
    const { db, sources } = await setup();
    const sql = only(sources, (s) => s.includes('JOIN users') && !/[<>]/.test(s), 'timeline first-page');
    const details = plan(db, sql, [20]);
    expectIndexed(details, /SCAN p USING INDEX ix_posts_timestamp_user_id$/m);
    expect(details.join('\n')).toMatch(/SEARCH u USING INTEGER PRIMARY KEY/);
  });

  it('timeline, after a cursor: a range search on ix_posts_timestamp_user_id', async () => {
    const { db, sources } = await setup();
    const sql = only(
      sources,
      (s) => s.includes('JOIN users') && s.includes('(p.timestamp, p.id) <') && !s.includes('post_tags'),
      'timeline after-cursor',
    );
    const details = plan(db, sql, [cursorTime, 500, 20]);
    expectIndexed(details, /SEARCH p USING INDEX ix_posts_timestamp_user_id \(timestamp<\?\)/);
  });

  it('a tag page, first and later pages: one range of ix_post_tags_tag_timestamp, no sort', async () => {
    const { db, sources } = await setup();
    // The statement the repository prepared, exactly.
    expect(only(sources, (s) => s.includes('FROM post_tags t'), 'tag page')).toBe(TAG_PAGE_SQL);
    for (const cursor of [
      ['9999-12-31T23:59:59.999Z', Number.MAX_SAFE_INTEGER],
      [cursorTime, 500],
    ]) {
      const details = plan(db, TAG_PAGE_SQL, ['til', ...cursor, 21]);
      expectIndexed(
        details,
        /SEARCH t USING (COVERING )?INDEX ix_post_tags_tag_timestamp \(tag=\? AND \(timestamp,post_id\)<\(\?,\?\)\)/,
      );
      expect(details.join('\n')).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
      expect(details.join('\n')).toMatch(/SEARCH u USING INTEGER PRIMARY KEY/);
    }
  });

  it("timeline and a user's posts before a cursor (paging back up): range searches on the same indexes", async () => {
    const { db, sources } = await setup();
    const timeline = only(
      sources,
      (s) => s.includes('JOIN users') && s.includes('>'),
      'timeline before-cursor',
    );
    expectIndexed(
      plan(db, timeline, [cursorTime, 500, 20]),
      /SEARCH p USING INDEX ix_posts_timestamp_user_id \(timestamp>\?\)/,
    );
    const user = only(sources, (s) => s.includes('p.user_id = ?') && s.includes('>'), 'user before-cursor');
    expectIndexed(
      plan(db, user, [3, cursorTime, 500, 20]),
      /SEARCH p USING INDEX ix_posts_user_id_timestamp \(user_id=\? AND/,
    );
  });

  it("a user's posts, first page and after a cursor: ix_posts_user_id_timestamp", async () => {
    const { db, sources } = await setup();
    const first = only(sources, (s) => s.includes('p.user_id = ?') && !/[<>]/.test(s), 'user first-page');
    const after = only(sources, (s) => s.includes('p.user_id = ?') && s.includes('<'), 'user after-cursor');
    expectIndexed(plan(db, first, [3, 20]), /SEARCH p USING INDEX ix_posts_user_id_timestamp \(user_id=\?\)/);
    expectIndexed(
      plan(db, after, [3, cursorTime, 500, 20]),
      /SEARCH p USING INDEX ix_posts_user_id_timestamp \(user_id=\? AND/,
    );
  });

  it('username prefix (LIKE "s%"), both orders: a range search on the NOCASE unique index', async () => {
    const { db, sources } = await setup();
    const prefixQueries = sources.filter((s) => s.includes('LIKE ?'));
    expect(prefixQueries).toHaveLength(2);
    for (const sql of prefixQueries) {
      expectIndexed(
        plan(db, sql, ['s%']),
        /SEARCH users USING INDEX ix_users_username \(username>\? AND username<\?\)/,
      );
    }
  });

  it('the user lists in both orders read the username index instead of sorting', async () => {
    const { db, sources } = await setup();
    const lists = sources.filter((s) => /FROM users ORDER BY username/.test(s));
    expect(lists).toHaveLength(2);
    for (const sql of lists) expectIndexed(plan(db, sql, []), /ix_users_username/);
  });

  it('fails when the index is missing (the check has teeth)', async () => {
    const { db, sources } = await setup();
    db.exec('DROP INDEX ix_posts_timestamp_user_id');
    const sql = only(sources, (s) => s.includes('JOIN users') && !/[<>]/.test(s), 'timeline first-page');
    expect(() => expectIndexed(plan(db, sql, [20]), /ix_posts_timestamp_user_id/)).toThrow();
  });
});
