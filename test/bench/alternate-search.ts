/**
 * `npx tsx test/bench/alternate-search.ts FILE [POSTS]`: operations 10–13's calls (and those of
 * 2 and 4–8) on one database filled by the workload's rules (1,000 users, POSTS posts, default 100,000; filled first if FILE
 * does not exist), project and raw in alternating blocks of 200 calls
 * (which goes first alternates too), CPU time per call. Block by block, both sides share the
 * same stretch of a loaded machine: the layer-by-layer figures in docs/bench.md come from it.
 */
import fs from 'node:fs';
import { createRepositories, migrateToLatest, openDatabase } from '../../electron/db/index';
import { migrations } from '../../migrations/index';
import { prepareInputs } from './inputs';
import { createProjectSide } from './project';
import { createRawSide } from './raw';
import { cursorBefore } from '../../electron/db/cursor';
import { WIDE_FIRST_PAGE_SQL } from '../../electron/db/feed';
import type { BenchSide } from './side';
import { TIMELINE_PAGE_SIZE, bulkPostSpec, deepPageDepth, randomIds } from './workload';
import { followedBy, jumpPosts } from './ops-search';
const file = process.argv[2];
if (!file) throw new Error('Usage: alternate-search.ts FILE (a database filled by the workload rules)');
const sizes = { users: 1000, posts: Number(process.argv[3] ?? 100000) };
const fill = !fs.existsSync(file);
const db = openDatabase(file);
await migrateToLatest(db, { migrations });
if (fill) {
  const raw = createRawSide(db);
  const inputs = prepareInputs(sizes, []);
  raw.createUsers(inputs.users);
  raw.bulkInsert(inputs.bulk);
  raw.postOneByOne(inputs.postings);
  const follow = db.prepare(`INSERT INTO follows (follower_id, followed_id) VALUES (?, ?)`);
  db.transaction(() => {
    for (let i = 1; i <= sizes.users; i++) for (const f of followedBy(i, sizes.users)) follow.run(i, f);
  })();
}
const { posts, search, feed } = createRepositories(db);
const jumps = jumpPosts(sizes).map((k) => bulkPostSpec(k, sizes).timestamp);
const words = randomIds(11, 2000, 1000).map(String);
const ids = randomIds(10, 2000, 1000);
const PAGE = `p.id AS id, p.body AS body, p.timestamp AS timestamp, p.user_id AS userId, p.edited_at AS editedAt, u.username AS username`;
const B = db.prepare(
  `SELECT ${PAGE} FROM posts p JOIN users u ON u.id = p.user_id WHERE p.timestamp < ? ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`,
);
const S = db.prepare(
  `SELECT ${PAGE}, highlight(posts_fts, 0, char(57344), char(57345)) AS marked FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid JOIN users u ON u.id = p.user_id WHERE posts_fts MATCH ? ORDER BY posts_fts.rowid DESC LIMIT ?`,
);
const W = db.prepare(WIDE_FIRST_PAGE_SQL);
const projectSide = createProjectSide(db);
const rawSide = createRawSide(db);
const bulkBatch = (i: number) =>
  Array.from({ length: 50 }, (_, k) => bulkPostSpec(sizes.posts + 2000 + i * 50 + k, sizes));
/** One call through each side's bench code (what operations 4–8 time in the bench). */
const both = (call: (side: BenchSide, i: number) => unknown) => ({
  project: (i: number) => call(projectSide, i),
  raw: (i: number) => call(rawSide, i),
});
const deep = new Map([projectSide, rawSide].map((side) => [side, side.deepCursor(deepPageDepth(sizes))]));
const groups: Record<string, Record<string, (i: number) => unknown>> = {
  feed: {
    project: (i) => feed.following(ids[i] ?? 0, { limit: 20 }),
    raw: (i) => W.all({ me: ids[i], lim: 20 }),
  },
  jump: {
    project: (i) => posts.timeline({ cursor: cursorBefore(jumps[i] ?? ''), limit: 20 }),
    raw: (i) => B.all(jumps[i], 20),
  },
  rare: {
    project: (i) => search.posts(words[i] ?? '', { limit: 20 }),
    raw: (i) => S.all(`"${words[i]}"`, 20),
  },
  common: { project: () => search.posts('post', { limit: 20 }), raw: () => S.all('"post"', 20) },
  // Operation 6a, the timeline's first page of 50, and 2, bulk posts inserted 50 a call inside one
  // transaction per side (rolled back when the group ends, so the file stays as filled).
  timeline: {
    project: () => posts.timeline({ limit: TIMELINE_PAGE_SIZE }),
    raw: () => rawSide.timelineFirstPages(1),
  },
  bulk: {
    project: (i) => projectSide.bulkInsert(bulkBatch(i)),
    raw: (i) => rawSide.bulkInsert(bulkBatch(i)),
  },
  byId: both((side, i) => side.getUsers([ids[i] ?? 1])),
  userPage: both((side, i) => side.userPages([ids[i] ?? 1])),
  deepPage: both((side) => side.timelineDeepPages(1, deep.get(side))),
  usersDesc: both((side) => side.usersByUsernameDesc(1)),
  usersLikeS: both((side) => side.usersStartingWith('s', 1)),
};
/** Calls per block: fewer for the slower calls, so a group takes seconds, not minutes. */
const PER_BLOCK: Record<string, number> = { common: 20, bulk: 4, usersDesc: 20 };
for (const [g, V] of Object.entries(groups)) {
  const total: Record<string, number> = { project: 0, raw: 0 };
  const per = PER_BLOCK[g] ?? 200;
  if (g === 'bulk') db.exec('BEGIN');
  for (let b = 0; b < 60; b++) {
    const order = b % 2 === 0 ? ['project', 'raw'] : ['raw', 'project'];
    for (const n of order) {
      const from = (b * per) % 2000;
      const s = process.cpuUsage();
      for (let i = from; i < from + per; i++) V[n]?.(i);
      const d = process.cpuUsage(s);
      total[n] = (total[n] ?? 0) + d.user + d.system;
    }
  }
  if (g === 'bulk') db.exec('ROLLBACK');
  const p = (total.project ?? 0) / (60 * per),
    r = (total.raw ?? 0) / (60 * per);
  console.log(g.padEnd(8), 'project', p.toFixed(1), 'µs  raw', r.toFixed(1), 'µs  ratio', (p / r).toFixed(3));
}
