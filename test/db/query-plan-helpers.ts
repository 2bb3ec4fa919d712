/** What the query-plan tests of the feed, search and the directory share: a seeded file and the SQL it prepared. */
import { expect } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { createRepositories } from '../../electron/db/index';
import { migratedDb } from '../fixtures/index';

/** Every SQL text the repositories prepare, while they run (the database stays real). */
export function recording(db: Db): { db: Db; sources: string[] } {
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

/** The EXPLAIN QUERY PLAN details of `sql` with these parameters. */
export function plan(db: Db, sql: string, params: unknown): string[] {
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
export function readsPostRowBeforeFollowTest(db: Db, sql: string, params: Record<string, unknown>): boolean {
  const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'posts'`).pluck().get();
  const ops = db.prepare(`EXPLAIN ${sql}`).all(params) as { opcode: string; p1: number; p2: number }[];
  const table = ops.find((op) => op.opcode === 'OpenRead' && op.p2 === root)?.p1;
  const probe = ops.findIndex((op) => op.opcode === 'NotFound');
  expect(table).toBeTypeOf('number');
  expect(probe).toBeGreaterThan(0);
  return ops.slice(0, probe).some((op) => op.opcode === 'Column' && op.p1 === table);
}

/** No temp sort, and no full scan of posts or users except in index order. */
export function expectNoSortNoScan(details: string[]): void {
  for (const detail of details) {
    expect(detail).not.toMatch(/TEMP B-TREE/);
    if (/^SCAN (p|u|posts|users)\b/.test(detail)) expect(detail).toMatch(/USING (COVERING )?INDEX/);
  }
}

/** 100 profiles and 3,000 posts; user 1 follows two profiles (a sparse feed), user 2 twenty (a dense one). */
export async function setup() {
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

/** The one recorded statement that `test` picks (the test fails unless there is exactly one). */
export const only = (sources: string[], test: (sql: string) => boolean): string => {
  const found = sources.filter(test);
  expect(found).toHaveLength(1);
  return String(found[0]);
};
