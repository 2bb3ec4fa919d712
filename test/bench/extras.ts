import fs from 'node:fs';
import path from 'node:path';
import { type Db, createRepositories, migrateToLatest, openDatabase } from '../../electron/db/index';
import { startDatabase } from '../../electron/main/startup';
import { checkPosts, checkTimeline } from './checks';
import { createProjectSide } from './project';
import {
  type Sizes,
  TIMELINE_PAGE_SIZE,
  USER_PAGE_SIZE,
  randomIds,
  timelineIds,
  deepPageDepth,
  userPostIds,
} from './workload';
import { migrations } from '../../migrations/index';
import { type SearchExtras, measureSearchExtras } from './extras-search';

/** Median and 99th percentile of a set of latencies, in milliseconds. */
export interface Latency {
  samples: number;
  median_ms: number;
  p99_ms: number;
}

/** The figures beyond the per-operation table (latencies, startup, file size, memory), measured through the project's code. */
export interface Extras {
  timeline_first_page: Latency;
  timeline_deep_page: Latency & { depth: number };
  deep_over_first_median: number;
  user_posts_first_page: Latency;
  startup_ready_ms: { runs: number; median_ms: number; max_ms: number };
  migrate_empty_ms: { runs: number; median_ms: number; max_ms: number };
  file_bytes: number;
  peak_rss_bytes: number;
  search: SearchExtras;
}

const SAMPLES = 1000;
const RUNS = 5;
const DEEP_EXTRA = 500_000;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function latencyOf(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted.length, median_ms: percentile(sorted, 50), p99_ms: percentile(sorted, 99) };
}

/** Times each call separately; `check` sees every result (untimed). */
export function sample<T>(
  count: number,
  call: (i: number) => T,
  check: (value: T, i: number) => void,
): Latency {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = nowMs();
    const value = call(i);
    times.push(nowMs() - start);
    check(value, i);
  }
  return latencyOf(times);
}

async function runs(
  count: number,
  once: () => Promise<number>,
): Promise<{ runs: number; median_ms: number; max_ms: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await once());
  const sorted = times.sort((a, b) => a - b);
  return { runs: count, median_ms: percentile(sorted, 50), max_ms: sorted.at(-1) ?? NaN };
}

/**
 * Latencies of the pages a user sees, startup on this up-to-date file, migrating an empty
 * file, the file's size and the process's peak memory. Closes `db`.
 */
export async function measureExtras(
  db: Db,
  folder: string,
  sizes: Sizes,
  log: (line: string) => void,
): Promise<Extras> {
  const { posts } = createRepositories(db);
  const first = sample(
    SAMPLES,
    () => posts.timeline({ limit: TIMELINE_PAGE_SIZE }).items,
    (page) => checkTimeline(page, timelineIds(sizes, 0), sizes, 'extra first page'),
  );
  const depth = deepPageDepth(sizes, DEEP_EXTRA);
  const cursor = createProjectSide(db).deepCursor(depth) as string;
  const deepIds = timelineIds(sizes, depth);
  const deep = sample(
    SAMPLES,
    () => posts.timeline({ cursor, limit: TIMELINE_PAGE_SIZE }).items,
    (page) => checkTimeline(page, deepIds, sizes, 'extra deep page'),
  );
  const userIds = randomIds(10, SAMPLES, sizes.users);
  const userFirst = sample(
    SAMPLES,
    (i) => posts.byUser(userIds[i] ?? 0, { limit: USER_PAGE_SIZE }).items,
    (page, i) => checkPosts(page, userPostIds(userIds[i] ?? 0, sizes), sizes, 'extra user page'),
  );
  const search = measureSearchExtras(db, sizes);
  log('  extras: page latencies measured');

  db.pragma('wal_checkpoint(TRUNCATE)');
  const file = db.name;
  db.close();
  const fileBytes = fs.statSync(file).size;

  const startup = await runs(RUNS, async () => {
    const start = nowMs();
    const outcome = await startDatabase({ dbPath: file });
    const elapsed = nowMs() - start;
    if (!outcome.ok) throw new Error(`startup refused the benchmark's own file: ${outcome.reason}`);
    if (outcome.applied.length > 0) throw new Error('startup migrated an up-to-date file');
    outcome.db.close();
    return elapsed;
  });
  log('  extras: startup measured');

  let fresh = 0;
  const migrate = await runs(RUNS, async () => {
    const empty = openDatabase(path.join(folder, `empty-${fresh++}.db`));
    try {
      const start = nowMs();
      const applied = await migrateToLatest(empty, { migrations });
      const elapsed = nowMs() - start;
      if (applied.length === 0) throw new Error('no migration ran on an empty file');
      return elapsed;
    } finally {
      empty.close();
    }
  });

  return {
    timeline_first_page: first,
    timeline_deep_page: { ...deep, depth },
    deep_over_first_median: deep.median_ms / first.median_ms,
    user_posts_first_page: userFirst,
    startup_ready_ms: startup,
    migrate_empty_ms: migrate,
    file_bytes: fileBytes,
    peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
    search,
  };
}
