import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Db, migrateToLatest, openDatabase, readPragmas } from '../../electron/db/index';
import { measureExtras, type Extras } from './extras';
import { type Inputs, type Operation, prepareInputs } from './inputs';
import { operations } from './ops';
import { createProjectSide } from './project';
import { createRawSide } from './raw';
import { type BenchSide, tableNames } from './side';
import { type OpKey, type Sizes, WRITING_OPS } from './workload';
import { migrations } from '../../migrations/index';
import { tempFolder } from '../fixtures/temp';

/** One operation's figures; `ratio` is project seconds / raw seconds (1.0 = as fast as raw). */
export interface OpFigures {
  n: number;
  project_per_sec: number;
  raw_per_sec: number;
  ratio: number;
  /**
   * Median CPU time (user + system, the whole process) of project over raw: what the code costs,
   * steadier than the wall clock while other work shares the cores; fsync waits are not in it.
   */
  cpu_ratio: number;
  /** The loop's time in every round, in milliseconds; the figures above use the median. */
  project_ms: number[];
  raw_ms: number[];
  project_cpu_ms: number[];
  raw_cpu_ms: number[];
}

export interface BenchResult {
  sizes: Sizes;
  rounds: number;
  ops: Partial<Record<OpKey, OpFigures>>;
  pragmas: Record<string, unknown>;
  versions: { node: string; betterSqlite3: string; sqlite: string };
  extras?: Extras;
  seconds: number;
}

export interface BenchOptions {
  /** How many times the whole workload runs, each time on two fresh files (default 1). */
  rounds?: number;
  /** Also measure the figures beyond the table: latencies, startup, file size, memory. */
  extras?: boolean;
  /**
   * How many times each read-only operation runs per side within a round, sides alternating
   * (default 1); the round keeps each side's median. On a shared machine this puts both sides
   * through the same stretch of load.
   */
  repeat?: number;
  log?: (line: string) => void;
}

/** Runs `fn` once and returns how long it took in seconds (wall clock and CPU), and its result. */
async function timed<T>(fn: () => T | Promise<T>): Promise<{ seconds: number; cpu: number; value: T }> {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { user, system } = process.cpuUsage(cpuStart);
  return { seconds, cpu: (user + system) / 1e6, value };
}

/** A fresh file-backed database, opened with the project's pragmas and migrated to head. */
async function freshDatabase(folder: string, name: string): Promise<Db> {
  const db = openDatabase(path.join(folder, `${name}.db`));
  await migrateToLatest(db, { migrations });
  return db;
}

function betterSqliteVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('better-sqlite3/package.json') as { version: string }).version;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

interface SideTime {
  seconds: number;
  cpu: number;
}

async function runOnSide(op: Operation, side: BenchSide): Promise<SideTime> {
  const prepared = op.prepare?.(side);
  const { seconds, cpu, value } = await timed(() => op.run(side, prepared));
  op.check(side, value);
  return { seconds, cpu };
}

type RoundTimes = Map<OpKey, { project: SideTime; raw: SideTime }>;

/**
 * One round: the whole workload on two fresh files, operation by operation; each operation
 * runs on one side, then the other (which goes first alternates), and is checked right after.
 */
async function runRound(
  projectDb: Db,
  rawDb: Db,
  inputs: Inputs,
  repeat: number,
  log: (line: string) => void,
): Promise<RoundTimes> {
  const sides = [createProjectSide(projectDb), createRawSide(rawDb)] as const;
  const times: RoundTimes = new Map();
  for (const [index, op] of operations(inputs).entries()) {
    const order = index % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
    const runs: Record<BenchSide['name'], SideTime[]> = { project: [], raw: [] };
    for (let r = 0; r < (WRITING_OPS.has(op.key) ? 1 : repeat); r++) {
      for (const side of order) runs[side.name].push(await runOnSide(op, side));
    }
    const mid = (list: SideTime[]) => ({
      seconds: median(list.map((t) => t.seconds)),
      cpu: median(list.map((t) => t.cpu)),
    });
    const seconds = { project: mid(runs.project), raw: mid(runs.raw) };
    times.set(op.key, seconds);
    const ms = (t: SideTime) => `${(t.seconds * 1000).toFixed(1)} ms`;
    log(`  ${op.key}: checked (${ms(seconds.project)} / ${ms(seconds.raw)})`);
  }
  return times;
}

/**
 * Runs the workload `rounds` times and reports each operation's median loop time per side.
 * Throws CheckFailure on the first result that does not match the rules.
 */
export async function runBenchmark(sizes: Sizes, options: BenchOptions = {}): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const rounds = options.rounds ?? 1;
  const started = process.hrtime.bigint();
  const folder = tempFolder('bench').dir;
  const open: Db[] = [];
  try {
    const all: RoundTimes[] = [];
    let inputs: Inputs | undefined;
    let result: BenchResult | undefined;
    for (let round = 1; round <= rounds; round++) {
      log(`round ${round} of ${rounds}`);
      const projectDb = await freshDatabase(folder, `project-${round}`);
      const rawDb = await freshDatabase(folder, `raw-${round}`);
      open.push(projectDb, rawDb);
      inputs ??= prepareInputs(sizes, tableNames(projectDb));
      all.push(await runRound(projectDb, rawDb, inputs, options.repeat ?? 1, log));
      rawDb.close();
      result ??= {
        sizes,
        rounds,
        ops: {},
        pragmas: readPragmas(projectDb),
        versions: {
          node: process.versions.node,
          betterSqlite3: betterSqliteVersion(),
          sqlite: projectDb.prepare('SELECT sqlite_version()').pluck().get() as string,
        },
        seconds: 0,
      };
      if (round < rounds) projectDb.close();
      else if (options.extras) result.extras = await measureExtras(projectDb, folder, sizes, log);
    }
    if (!result || !inputs) throw new Error('--rounds must be at least 1');
    for (const op of operations(inputs)) {
      const of = (side: 'project' | 'raw', what: keyof SideTime) =>
        all.map((times) => times.get(op.key)?.[side][what] ?? NaN);
      const [project, raw] = [of('project', 'seconds'), of('raw', 'seconds')];
      const [projectCpu, rawCpu] = [of('project', 'cpu'), of('raw', 'cpu')];
      result.ops[op.key] = {
        n: op.n,
        project_per_sec: op.n / median(project),
        raw_per_sec: op.n / median(raw),
        ratio: median(project) / median(raw),
        cpu_ratio: median(projectCpu) / median(rawCpu),
        project_ms: project.map((s) => s * 1000),
        raw_ms: raw.map((s) => s * 1000),
        project_cpu_ms: projectCpu.map((s) => s * 1000),
        raw_cpu_ms: rawCpu.map((s) => s * 1000),
      };
    }
    result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return result;
  } finally {
    for (const db of open) if (db.open) db.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
