import fs from 'node:fs';
import path from 'node:path';

/** A failure a user can act on: its message is one complete sentence, printed without a stack trace. */
export class ToolFailure extends Error {
  override name = 'ToolFailure';
}

/** Keeps a child process's full output for whoever needs the details, returning the log's path. */
export function writeLog(repoRoot: string, name: string, text: string): string {
  const file = path.join(repoRoot, '.cache', 'logs', `${name}.log`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return path.relative(process.cwd(), file) || file;
}

/** Runs a tool's main function: a ToolFailure prints its one sentence and exits 1; anything else is a bug and keeps its stack. */
export async function runTool(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof ToolFailure)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
