import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm run` and `--import tsx` resolve. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh temp folder, removed by the returned function. */
export function tempFolder(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `microblog-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The file's sha256, to prove a refused file was not touched. */
export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** xorshift32: a small seeded generator, so a failing round can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** A child process running a TypeScript script under tsx, with its stdout split into lines. */
export interface ScriptChild {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves with the first line matching `test` (rejects if the child exits first). */
  waitForLine(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node --import tsx <script> ...args` in the repository root. */
export function runScript(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): ScriptChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child);
}

/** Wraps any child whose stdout is a pipe. */
export function watch(child: ChildProcess): ScriptChild {
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  const waiters = new Set<() => void>();
  let closed = false;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      if (partial !== '') lines.push(partial);
      partial = '';
      closed = true;
      for (const wake of waiters) wake();
      resolve({ code, signal });
    });
  });
  return {
    child,
    lines,
    stderr: () => errors,
    exited,
    waitForLine(test, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for a line; stderr: ${errors.slice(-2000)}`));
        }, timeoutMs);
        const check = () => {
          const found = lines.find(test);
          if (found !== undefined || closed) {
            clearTimeout(timer);
            waiters.delete(check);
            if (found !== undefined) resolve(found);
            else reject(new Error(`the child exited first; stderr: ${errors.slice(-2000)}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

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
