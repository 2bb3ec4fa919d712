/** strace-driven children for the reliability suite: which file each write hits, and a kill at one of them. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ROOT, type ScriptChild, watch } from '../fixtures/index';

/** strace is Linux-only; where it runs, the scenarios that inject syscall faults run too. */
export const HAS_STRACE = process.platform === 'linux' && spawnSync('strace', ['-V']).status === 0;

/** What to do when the scenarios cannot run on a Linux machine: one sentence. */
export const NO_STRACE_MESSAGE =
  'The crash, disk and fault-injection tests need strace: install it (Debian/Ubuntu: `sudo apt-get install strace`); .ci/run does that on CI.';

/** Starts `strace <straceArgs> -- node <nodeArgs>` in the repository root (strace ends with its tracee's signal). */
export function underStrace(straceArgs: string[], nodeArgs: string[]): ScriptChild {
  const child = spawn('strace', [...straceArgs, '--', process.execPath, ...nodeArgs], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child);
}

/**
 * Runs `node <nodeArgs>` once under `strace -y -e trace=pwrite64` and returns the file each
 * pwrite64 call wrote to, in order: call N is strace's `when=N`. Without -f only the main
 * thread is traced, the one better-sqlite3 writes from.
 */
export async function pwriteTargets(nodeArgs: string[], traceFile: string): Promise<string[]> {
  const traced = underStrace(['-y', '-e', 'trace=pwrite64', '-e', 'signal=none', '-o', traceFile], nodeArgs);
  const { code } = await traced.exited;
  if (code !== 0) throw new Error(`the traced run failed: ${traced.stderr()}`);
  return fs
    .readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('pwrite64('))
    .map((line) => /^pwrite64\(\d+<([^>]*)>/.exec(line)?.[1] ?? '');
}

/** The `when=` numbers of the calls in `targets` that wrote to `file`. */
export function writesTo(targets: string[], file: string): number[] {
  return targets.flatMap((target, i) => (target === file ? [i + 1] : []));
}

/** Runs `node <nodeArgs>` under strace, SIGKILLed at its `when`-th pwrite64 call; resolves with how it ended. */
export function killAtPwrite(
  when: number,
  nodeArgs: string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = underStrace(
    ['-e', 'trace=pwrite64', '-e', `inject=pwrite64:signal=KILL:when=${when}`, '-o', '/dev/null'],
    nodeArgs,
  );
  return child.exited.then((end) => ({ ...end, stderr: child.stderr() }));
}
