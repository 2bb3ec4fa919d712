/** Runs a tool as a real process (`node --import tsx electron/cli/<tool>.ts`) on a given database file. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI tool as a real process (the way a developer runs it) and collects its output. */
export function runCli(
  tool: 'db' | 'shell' | 'seed',
  args: string[],
  options: { db: string; input?: string; onStderr?: (text: string) => void; env?: NodeJS.ProcessEnv },
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, MICROBLOG_DB: options.db, NO_COLOR: '1' };
    delete env.MICROBLOG_DEBUG;
    delete env.MICROBLOG_MIGRATIONS;
    Object.assign(env, options.env);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join('electron/cli', `${tool}.ts`), ...args],
      {
        cwd: ROOT,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
