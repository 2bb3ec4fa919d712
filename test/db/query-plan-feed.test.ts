/** EXPLAIN QUERY PLAN (and bytecode) of the Following feed's statements, as the repository prepared them. */
import { describe, expect, it } from 'vitest';
import { expectNoSortNoScan, only, plan, readsPostRowBeforeFollowTest, setup } from './query-plan-helpers';

describe('EXPLAIN QUERY PLAN: the Following feed', () => {
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
});
