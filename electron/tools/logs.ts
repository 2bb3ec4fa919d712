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

/** The sentence printed for an error: its message, or with MICROBLOG_DEBUG=1 its stack. */
function describe(error: unknown): string {
  if (process.env.MICROBLOG_DEBUG && error instanceof Error && error.stack) return error.stack;
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() || 'Something went wrong.';
}

export interface RunToolOptions {
  /**
   * Print every error as one sentence, not only ToolFailures. The database tools want this:
   * the guard's refusals and Umzug's own errors ("Couldn't find migration ...") are sentences
   * meant for the user. Build tools keep the stack of an unexpected error: it is a bug.
   */
  everyErrorIsASentence?: boolean;
}

/** Runs a tool's main function: a failure prints one sentence on stderr and sets exit code 1. */
export async function runTool(main: () => Promise<void> | void, options: RunToolOptions = {}): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof ToolFailure) && !options.everyErrorIsASentence) throw error;
    process.stderr.write(`${describe(error)}\n`);
    process.exitCode = 1;
  }
}
