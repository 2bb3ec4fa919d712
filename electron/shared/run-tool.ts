/** How every command-line tool (database tools and build tools alike) reads numbers and fails. */

/** A failure a user can act on: its message is one complete sentence, printed without a stack trace. */
export class ToolFailure extends Error {
  override name = 'ToolFailure';
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
  /**
   * Puts an error into words before it is printed, or returns undefined to keep its own
   * message. The database tools pass the storage vocabulary, so no bare SQLite text is shown.
   */
  sentenceFor?: (error: unknown) => string | undefined;
}

/** Runs a tool's main function: a failure prints one sentence on stderr and sets exit code 1. */
export async function runTool(main: () => Promise<void> | void, options: RunToolOptions = {}): Promise<void> {
  try {
    await main();
  } catch (error) {
    const sentence = options.sentenceFor?.(error);
    if (sentence === undefined && !(error instanceof ToolFailure) && !options.everyErrorIsASentence)
      throw error;
    process.stderr.write(`${sentence && !process.env.MICROBLOG_DEBUG ? sentence : describe(error)}\n`);
    process.exitCode = 1;
  }
}

/**
 * A whole-number flag read by `parseArgs` as a string: `fallback` when it is absent, otherwise
 * a safe integer of at least `min`, or a ToolFailure that names the flag.
 */
export function readCount(value: string | undefined, flag: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new ToolFailure(`${flag} takes a whole number (${min} or more), not "${value}".`);
  }
  return n;
}
