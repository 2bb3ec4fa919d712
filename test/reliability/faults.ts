/**
 * Fault injection with strace: each run executes one real write path in a child process under
 * `strace -f -P <db files> -e inject=<syscall>:error=<errno>:when=<N>[+]`, so the fault hits
 * only the database's own files, then checks the result (faults-scenarios.ts). `plan` lists the
 * runs; the sample under `npm test` is a seeded subset, `--full` runs them all.
 */
import { spawn } from 'node:child_process';
import { type Prepared, type ScenarioName, type Verdict, prepare } from './faults-scenarios';
import { seededRandom } from '../fixtures/random';
import { ROOT } from '../fixtures/root';
import { tempFolder } from '../fixtures/temp';

export const STRACE = '/usr/bin/strace';
export const SYSCALLS = ['pwrite64', 'fsync', 'fdatasync', 'fcntl', 'openat', 'unlink'] as const;
export const ERRORS = ['ENOSPC', 'EIO'] as const;
const SCENARIOS: ScenarioName[] = ['post', 'startup-upgrade', 'seed', 'db-upgrade', 'backup'];

/** How far into each syscall's calls on the database files a fault may land (a clean run's counts, rounded up). */
const REACH: Record<(typeof SYSCALLS)[number], number[]> = {
  pwrite64: [1, 2, 3, 5, 8, 12, 18, 27, 40, 60],
  fsync: [1, 2, 3, 4, 5, 6, 7, 8],
  fdatasync: [1, 2],
  fcntl: [1, 2, 4, 8, 16, 24, 32, 48, 64, 90],
  openat: [1, 2, 3, 4, 5, 6, 7],
  unlink: [1, 2, 3],
};

export interface Run {
  scenario: ScenarioName;
  syscall: (typeof SYSCALLS)[number];
  error: (typeof ERRORS)[number];
  /** strace's `when`: the Nth matching call fails; with `+`, it and every later one. */
  when: string;
}

export interface RunResult extends Run, Verdict {}

/** Every run of the full matrix: scenario × syscall × errno × N × (once, from then on). */
export function plan(): Run[] {
  const runs: Run[] = [];
  for (const scenario of SCENARIOS)
    for (const syscall of SYSCALLS)
      for (const error of ERRORS)
        for (const n of REACH[syscall])
          for (const when of [`${n}`, `${n}+`]) runs.push({ scenario, syscall, error, when });
  return runs;
}

/** A seeded sample of the matrix, always including the fsync EIO runs that used to answer falsely. */
export function sample(seed: number, size: number): Run[] {
  const all = plan();
  const random = seededRandom(seed);
  const picked = new Set<Run>(
    all.filter((r) => r.scenario === 'post' && r.syscall === 'fsync' && r.error === 'EIO' && r.when === '3'),
  );
  while (picked.size < size) picked.add(all[Math.floor(random() * all.length)] as Run);
  return [...picked];
}

export function runChild(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(STRACE, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The strace command line for one run of a prepared scenario. */
export function straceArgs(run: Run, prepared: Prepared): string[] {
  return [
    '-f',
    '-qq',
    '--seccomp-bpf',
    '-o',
    '/dev/null',
    `-e`,
    `trace=${run.syscall}`,
    `-e`,
    `inject=${run.syscall}:error=${run.error}:when=${run.when}`,
    ...prepared.paths.flatMap((p) => ['-P', p]),
    process.execPath,
    '--import',
    'tsx',
    ...prepared.args,
  ];
}

/** Runs one fault: prepares the database, runs the path under strace, checks what is on disk. */
export async function runOne(run: Run): Promise<RunResult> {
  const folder = tempFolder('faults');
  try {
    const prepared = await prepare(run.scenario, folder.dir);
    const output = await runChild(straceArgs(run, prepared), prepared.env);
    return { ...run, ...(await prepared.check(output)) };
  } finally {
    folder.remove();
  }
}

/** Runs the list, `parallel` at a time, reporting each result as it comes. */
export async function runAll(
  runs: Run[],
  parallel: number,
  onResult?: (r: RunResult) => void,
): Promise<RunResult[]> {
  const results: RunResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const run = runs[next++] as Run;
      const result = await runOne(run);
      results.push(result);
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

/** A run is wrong if it lost, invented, corrupted or duplicated a post, or said something not ours. */
export const isWrong = (r: RunResult): boolean =>
  r.lost > 0 || r.phantom > 0 || r.corrupt || r.wrongSentences.length > 0 || r.duplicatesAfterRetry > 0;

/** The figures: totals, then runs per syscall and errno, with how many met the fault. */
export function summarize(results: RunResult[]): string {
  const sum = (pick: (r: RunResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  const lines = [
    `fault injection: ${results.length} runs, ${results.filter(isWrong).length} wrong answers ` +
      `(lost ${sum((r) => r.lost)}, corrupt ${sum((r) => Number(r.corrupt))}, ` +
      `wrong sentence ${sum((r) => r.wrongSentences.length)}, phantom ${sum((r) => r.phantom)}, ` +
      `duplicates after retry ${sum((r) => r.duplicatesAfterRetry)}); ${sum((r) => Number(r.failed))} runs met the fault`,
  ];
  const said: Record<string, number> = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.answers)) said[code] = (said[code] ?? 0) + n;
  const byCode = Object.entries(said).sort(([a], [b]) => a.localeCompare(b));
  lines.push(`  the app's answers: ${byCode.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  for (const syscall of SYSCALLS)
    for (const error of ERRORS) {
      const some = results.filter((r) => r.syscall === syscall && r.error === error);
      if (some.length === 0) continue;
      const met = some.filter((r) => r.failed).length;
      lines.push(
        `  ${`${syscall} ${error}`.padEnd(16)} ${String(some.length).padStart(4)} runs, ${String(met).padStart(4)} met the fault, ${some.filter(isWrong).length} wrong`,
      );
    }
  for (const r of results.filter(isWrong))
    lines.push(`  WRONG ${r.scenario} ${r.syscall}:${r.error}:when=${r.when}: ${JSON.stringify(r)}`);
  return lines.join('\n');
}
