import { describe, expect, it } from 'vitest';
import { cursorBefore } from '../../electron/db/cursor';
import { expectNoSortNoScan, only, plan, setup } from './query-plan-helpers';

describe('EXPLAIN QUERY PLAN: search, jump to a date and the directory', () => {
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
