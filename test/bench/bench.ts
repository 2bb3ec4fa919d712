import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Db, migrateToLatest, openDatabase, readPragmas } from '../../electron/db/index';
import { measureExtras, type Extras } from './extras';
import { type Operation, operations, prepareInputs } from './ops';
import { createProjectSide } from './project';
import { createRawSide } from './raw';
import { type BenchSide, tableNames } from './side';
import type { OpKey, Sizes } from './workload';

/** One operation's figures; `ratio` is project seconds / raw seconds (1.0 = as fast as raw). */
export interface OpFigures {
  n: number;
  project_per_sec: number;
  raw_per_sec: number;
  ratio: number;
  project_ms: number;
  raw_ms: number;
}

export interface BenchResult {
  sizes: Sizes;
  ops: Partial<Record<OpKey, OpFigures>>;
  pragmas: Record<string, unknown>;
  versions: { node: string; betterSqlite3: string; sqlite: string };
  extras?: Extras;
  seconds: number;
}

export interface BenchOptions {
  /** Measure the extra figures (latencies, startup, file size, memory). */
  extras?: boolean;
  log?: (line: string) => void;
}

/** Runs `fn` once and returns how long it took in seconds, and its result. */
async function timed<T>(fn: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, value };
}

/** A fresh file-backed database, opened with the project's pragmas and migrated to head. */
async function freshDatabase(folder: string, name: string): Promise<Db> {
  const db = openDatabase(path.join(folder, `${name}.db`));
  await migrateToLatest(db);
  return db;
}

function betterSqliteVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('better-sqlite3/package.json') as { version: string }).version;
}

async function runOnSide(op: Operation, side: BenchSide): Promise<number> {
  const prepared = op.prepare?.(side);
  const { seconds, value } = await timed(() => op.run(side, prepared));
  op.check(side, value);
  return seconds;
}

/**
 * The whole workload on two fresh databases, operation by operation: each operation runs
 * on one side, then the other (which goes first alternates), and is checked right after.
 * Throws CheckFailure on the first result that does not match the rules.
 */
export async function runBenchmark(sizes: Sizes, options: BenchOptions = {}): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const started = process.hrtime.bigint();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-bench-'));
  const projectDb = await freshDatabase(folder, 'project');
  const rawDb = await freshDatabase(folder, 'raw');
  try {
    const sides = [createProjectSide(projectDb), createRawSide(rawDb)] as const;
    const inputs = prepareInputs(sizes, tableNames(projectDb));
    const ops: BenchResult['ops'] = {};
    for (const [index, op] of operations(inputs).entries()) {
      const order = index % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
      const seconds: Record<string, number> = {};
      for (const side of order) seconds[side.name] = await runOnSide(op, side);
      const projectSeconds = seconds.project ?? NaN;
      const rawSeconds = seconds.raw ?? NaN;
      ops[op.key] = {
        n: op.n,
        project_per_sec: op.n / projectSeconds,
        raw_per_sec: op.n / rawSeconds,
        ratio: projectSeconds / rawSeconds,
        project_ms: projectSeconds * 1000,
        raw_ms: rawSeconds * 1000,
      };
      log(`  ${op.key}: checked (${(projectSeconds * 1000).toFixed(1)} ms / ${(rawSeconds * 1000).toFixed(1)} ms)`);
    }
    const result: BenchResult = {
      sizes,
      ops,
      pragmas: readPragmas(projectDb),
      versions: {
        node: process.versions.node,
        betterSqlite3: betterSqliteVersion(),
        sqlite: projectDb.prepare('SELECT sqlite_version()').pluck().get() as string,
      },
      seconds: 0,
    };
    rawDb.close();
    if (options.extras) result.extras = await measureExtras(projectDb, folder, sizes, log);
    result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return result;
  } finally {
    if (projectDb.open) projectDb.close();
    if (rawDb.open) rawDb.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
