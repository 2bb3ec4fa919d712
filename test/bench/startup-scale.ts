/**
 * Startup to ready at two sizes of one file: `createAppContext` (guard, open, migration check,
 * WAL, optimize, the statements prepared) on an up-to-date file the app closed cleanly, the way
 * a user starts the app every day. Also the same start after an unclean end (a full `quick_check`),
 * for scale. The target: ready at the large size within 2× of the small one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createAppContext } from '../../electron/main/app-context';
import { cleanShutdownMarker } from '../../electron/main/clean-shutdown';
import { seedDatabase } from '../fixtures/seed';

export interface StartupTimes {
  posts: number;
  file_bytes: number;
  runs: number;
  median_ms: number;
  max_ms: number;
  /** The same start with no clean-shutdown marker: the whole file read by quick_check. */
  unclean_median_ms: number;
}

export interface StartupScale {
  small: StartupTimes;
  large: StartupTimes;
  /** large / small median, clean starts: the target is ≤ 2. */
  ratio: number;
}

const RUNS = 7;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** One start and quit; returns the ms to ready and whether the whole file was read. */
async function startOnce(dbPath: string): Promise<{ ms: number; integrity: string }> {
  const start = nowMs();
  const context = await createAppContext({ dbPath });
  const ms = nowMs() - start;
  const integrity = context.startup.integrity ?? 'unknown';
  context.close();
  return { ms, integrity };
}

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? NaN;
}

async function timesAt(folder: string, users: number, posts: number): Promise<StartupTimes> {
  const dbPath = path.join(folder, `startup-${posts}.db`);
  await seedDatabase(dbPath, { users, posts });
  await startOnce(dbPath); // the first start of this version: WAL, file id, optimize, the marker on quit
  const clean: number[] = [];
  const unclean: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ready = await startOnce(dbPath);
    if (ready.integrity !== 'skipped')
      throw new Error(`a clean start read the whole file (${ready.integrity})`);
    clean.push(ready.ms);
    fs.rmSync(cleanShutdownMarker(dbPath));
    const checked = await startOnce(dbPath);
    if (checked.integrity !== 'full') throw new Error('a start after an unclean end skipped quick_check');
    unclean.push(checked.ms);
  }
  const sorted = [...clean].sort((a, b) => a - b);
  return {
    posts,
    file_bytes: fs.statSync(dbPath).size,
    runs: RUNS,
    median_ms: medianOf(clean),
    max_ms: sorted.at(-1) ?? NaN,
    unclean_median_ms: medianOf(unclean),
  };
}

/** Seeds a small and a large file in `folder` and times their starts. */
export async function measureStartupScale(
  folder: string,
  sizes: { users: number; small: number; large: number },
  log: (line: string) => void,
): Promise<StartupScale> {
  const small = await timesAt(folder, sizes.users, sizes.small);
  log(`  startup at ${sizes.small} posts measured`);
  const large = await timesAt(folder, sizes.users, sizes.large);
  log(`  startup at ${sizes.large} posts measured`);
  return { small, large, ratio: large.median_ms / small.median_ms };
}

/** The lines printed for people. */
export function formatStartupScale(scale: StartupScale): string {
  const at = (t: StartupTimes) =>
    `${t.posts.toLocaleString('en-US')} posts (${(t.file_bytes / 1024 / 1024).toFixed(1)} MiB): ready in ${t.median_ms.toFixed(1)} ms median (max ${t.max_ms.toFixed(1)}), ${t.unclean_median_ms.toFixed(1)} ms after an unclean end`;
  return [
    `startup to ready, clean start, ${at(scale.small)}`,
    `startup to ready, clean start, ${at(scale.large)}`,
    `startup ratio ${scale.large.posts.toLocaleString('en-US')} / ${scale.small.posts.toLocaleString('en-US')}: ${scale.ratio.toFixed(2)}× (target ≤ 2×) ${scale.ratio <= 2 ? 'met' : 'MISSED'}`,
  ].join('\n');
}
