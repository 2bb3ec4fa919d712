/**
 * `npm run bench [-- --users U --posts P --rounds R --repeat K --json FILE --no-extras]`: the workload of
 * ../shared/bench-workload.md through the project's repositories and through raw
 * statements, checked, printed as a table, and optionally written as JSON.
 * Exits non-zero if any result does not match the workload's rules.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readCount } from '../../electron/shared/run-tool';
import { type BenchResult, runBenchmark } from './bench';
import { formatStartupScale, measureStartupScale } from './startup-scale';
import { tempFolder } from '../fixtures/temp';
import { DEFAULT_SIZES, OP_KEYS } from './workload';

/** Each round is a whole fresh workload; the median of three tames fsync noise on a busy disk. */
const DEFAULT_ROUNDS = 3;
/** The target: every operation within 1.10x raw. */
const TARGET_RATIO = 1.1;

function formatRate(perSec: number): string {
  return Math.round(perSec).toLocaleString('en-US');
}

/** The table printed on stdout (and pasted into docs/bench.md). */
export function formatTable(result: BenchResult): string {
  const lines = [
    `| op | n | project ops/s | raw ops/s | ratio | CPU ratio |`,
    `|---|---:|---:|---:|---:|---:|`,
    ...OP_KEYS.flatMap((key) => {
      const op = result.ops[key];
      if (!op) return [];
      return [
        `| ${key} | ${op.n} | ${formatRate(op.project_per_sec)} | ${formatRate(op.raw_per_sec)} | ${op.ratio.toFixed(2)} | ${op.cpu_ratio.toFixed(2)} |`,
      ];
    }),
  ];
  return lines.join('\n');
}

function formatExtras(result: BenchResult): string {
  const e = result.extras;
  if (!e) return '';
  const ms = (n: number) => `${n.toFixed(3)} ms`;
  return [
    `timeline first page: median ${ms(e.timeline_first_page.median_ms)}, p99 ${ms(e.timeline_first_page.p99_ms)}`,
    `timeline page ${e.timeline_deep_page.depth.toLocaleString('en-US')} deep: median ${ms(e.timeline_deep_page.median_ms)}, p99 ${ms(e.timeline_deep_page.p99_ms)} (${e.deep_over_first_median.toFixed(2)}x first page)`,
    `a user's posts, first page: median ${ms(e.user_posts_first_page.median_ms)}, p99 ${ms(e.user_posts_first_page.p99_ms)}`,
    `startup to ready (guard + open + migration check), up-to-date file: median ${ms(e.startup_ready_ms.median_ms)}, max ${ms(e.startup_ready_ms.max_ms)}`,
    `all migrations on an empty file: median ${ms(e.migrate_empty_ms.median_ms)}, max ${ms(e.migrate_empty_ms.max_ms)}`,
    `feed first page (20) over timeline first page (50), medians: ${(e.search.feed_first_page.median_ms / e.timeline_first_page.median_ms).toFixed(2)}x`,
    `feed first page (20): median ${ms(e.search.feed_first_page.median_ms)}, p99 ${ms(e.search.feed_first_page.p99_ms)}; search rare word: median ${ms(e.search.search_rare_word.median_ms)}, p99 ${ms(e.search.search_rare_word.p99_ms)}; search "post": median ${ms(e.search.search_common_word.median_ms)}, p99 ${ms(e.search.search_common_word.p99_ms)}; jump to date: median ${ms(e.search.jump_to_date.median_ms)}, p99 ${ms(e.search.jump_to_date.p99_ms)}`,
    `database file: ${(e.file_bytes / 1024 / 1024).toFixed(1)} MiB; peak RSS: ${(e.peak_rss_bytes / 1024 / 1024).toFixed(0)} MiB`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string' },
      posts: { type: 'string' },
      json: { type: 'string' },
      rounds: { type: 'string' },
      repeat: { type: 'string' },
      'no-extras': { type: 'boolean', default: false },
      'startup-small': { type: 'string' },
      'startup-large': { type: 'string' },
    },
  });
  const sizes = {
    users: readCount(values.users, '--users', DEFAULT_SIZES.users, 1),
    posts: readCount(values.posts, '--posts', DEFAULT_SIZES.posts, 1),
  };
  console.log(`Microblog benchmark: ${sizes.users} users, ${sizes.posts} posts`);
  const rounds = readCount(values.rounds, '--rounds', DEFAULT_ROUNDS, 1);
  const result = await runBenchmark(sizes, {
    rounds,
    repeat: readCount(values.repeat, '--repeat', 1, 1),
    extras: !values['no-extras'],
    log: (line) => console.log(line),
  });
  console.log('');
  console.log(formatTable(result));
  console.log('');
  console.log(formatExtras(result));
  console.log(`pragmas: ${JSON.stringify(result.pragmas)}; versions: ${JSON.stringify(result.versions)}`);
  console.log(`whole run: ${result.seconds.toFixed(1)} s`);
  const misses = OP_KEYS.filter((key) => (result.ops[key]?.ratio ?? 0) > TARGET_RATIO);
  if (misses.length > 0) console.log(`over ${TARGET_RATIO}x raw (wall clock): ${misses.join(', ')}`);
  let startupScale;
  if (!values['no-extras']) {
    const folder = tempFolder('bench-startup');
    try {
      startupScale = await measureStartupScale(
        folder.dir,
        {
          users: sizes.users,
          small: readCount(values['startup-small'], '--startup-small', 10_000, 1),
          large: readCount(values['startup-large'], '--startup-large', 1_000_000, 1),
        },
        (line) => console.log(line),
      );
    } finally {
      folder.remove();
    }
    console.log(formatStartupScale(startupScale));
  }
  const output = { ...result, ...(startupScale && { startup_scale: startupScale }) };
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(output, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
