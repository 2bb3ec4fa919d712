/**
 * `npx tsx test/bench/alternate-feed.ts FILE[:INDEX] …`: the Following feed's walk against the
 * timeline's first page on copies of one workload database (fill one with alternate-search.ts),
 * each copy at its own schema, in alternating blocks of 200 calls (the order of the files flips
 * every block), CPU time per call. INDEX names the timeline index the walk reads in that copy
 * (default: the one the repository names), so a copy at an older schema measures the walk as it
 * was. Through the statements, with the rows the repositories read (21 for a feed page of 20, 51
 * for a timeline page of 50): the walk from a keyset (what every feed page ran before the walk's
 * first page had its own statement) and from the newest post; and through the repositories
 * where the copy is at head.
 * `--inserts` also times 2,000 posts inserted in one transaction per block, rolled back after
 * (untimed), so the files are left as they were: what each set of indexes costs a write.
 */
import { parseArgs } from 'node:util';
import { type Db, createRepositories, openDatabase } from '../../electron/db/index';
import { wideFeedSql } from '../../electron/db/feed';
import { TIMELINE_POST } from '../../electron/db/post-pages';
import { randomIds } from './workload';

const HEAD_INDEX = 'ix_posts_timestamp_user_id';
const BLOCK = 200;
const INSERTS = 2000;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { blocks: { type: 'string', default: '40' }, inserts: { type: 'boolean', default: false } },
});
if (positionals.length === 0)
  throw new Error('Usage: alternate-feed.ts [--blocks N] [--inserts] FILE[:INDEX] …');
const blocks = Number(values.blocks);
const users = randomIds(10, 2000, 1000);

type Call = (i: number) => unknown;

function callsOn(db: Db, index: string): Record<string, Call> {
  const walk = (from: 'first' | 'older') =>
    db.prepare(wideFeedSql(from).replace(`INDEXED BY ${HEAD_INDEX}`, `INDEXED BY ${index}`));
  const [first, keyset] = [walk('first'), walk('older')];
  const timeline = db.prepare(
    `SELECT ${TIMELINE_POST} FROM posts p JOIN users u ON u.id = p.user_id ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`,
  );
  const calls: Record<string, Call> = {
    'feed walk, keyset': (i) =>
      keyset.all({ me: users[i] ?? 1, ts: '9999', id: Number.MAX_SAFE_INTEGER, lim: 21 }),
    'feed walk, first page': (i) => first.all({ me: users[i] ?? 1, lim: 21 }),
    'timeline (51 rows)': () => timeline.all(51),
  };
  if (index === HEAD_INDEX) {
    const { feed, posts } = createRepositories(db);
    calls['feed page (project)'] = (i) => feed.following(users[i] ?? 1, { limit: 20 });
    calls['timeline page (project)'] = () => posts.timeline({ limit: 50 });
  }
  return calls;
}

function insertsOn(db: Db): () => number {
  const insert = db.prepare(`INSERT INTO posts (body, timestamp, user_id) VALUES (?, ?, ?)`);
  return () => {
    db.exec('BEGIN');
    const started = process.cpuUsage();
    for (let k = 0; k < INSERTS; k++)
      insert.run(`new post ${k}`, new Date(4e12 + k).toISOString(), (k % 1000) + 1);
    const spent = process.cpuUsage(started);
    db.exec('ROLLBACK');
    return spent.user + spent.system;
  };
}

const copies = positionals.map((arg) => {
  const [file, index = HEAD_INDEX] = arg.split(':') as [string, string?];
  const db = openDatabase(file);
  return { name: arg, calls: callsOn(db, index), insert: insertsOn(db), totals: new Map<string, number>() };
});
const add = (totals: Map<string, number>, key: string, micros: number) =>
  totals.set(key, (totals.get(key) ?? 0) + micros);

for (let b = 0; b < blocks; b++) {
  const order = b % 2 === 0 ? copies : [...copies].reverse();
  for (const name of new Set(copies.flatMap((copy) => Object.keys(copy.calls)))) {
    for (const copy of order) {
      const call = copy.calls[name];
      if (!call) continue;
      const started = process.cpuUsage();
      for (let i = 0; i < BLOCK; i++) call((b * BLOCK + i) % users.length);
      const spent = process.cpuUsage(started);
      add(copy.totals, name, spent.user + spent.system);
    }
  }
  if (values.inserts) for (const copy of order) add(copy.totals, 'insert', copy.insert());
}

for (const copy of copies) {
  console.log(copy.name);
  const per = (key: string, n: number) => (copy.totals.get(key) ?? 0) / (blocks * n);
  for (const key of copy.totals.keys()) {
    const micros = key === 'insert' ? per(key, INSERTS) : per(key, BLOCK);
    console.log(
      `  ${key.padEnd(35)} ${micros.toFixed(1).padStart(7)} µs${key === 'insert' ? ' per post' : ''}`,
    );
  }
  for (const key of ['feed walk, keyset', 'feed walk, first page']) {
    console.log(
      `  ${`${key} / timeline`.padEnd(35)} ${(per(key, BLOCK) / per('timeline (51 rows)', BLOCK)).toFixed(2)}×`,
    );
  }
  if (copy.totals.has('feed page (project)')) {
    const pages = per('feed page (project)', BLOCK) / per('timeline page (project)', BLOCK);
    console.log(`  ${'feed page / timeline page (project)'.padEnd(35)} ${pages.toFixed(2)}×`);
  }
}
