import type { Db } from '../db/index';

/** How often main asks SQLite whether another connection committed. */
export const LIVE_CHECK_MS = 500;

/**
 * Calls `onChange` soon after another connection (the shell, the seed tool, a second window,
 * an import's worker) commits to the file. `PRAGMA data_version` changes only for other
 * connections' commits, never for this one's, and reading it touches no table: while idle
 * this costs one tiny query per tick. Returns the function that stops watching.
 */
export function watchForOtherWriters(
  db: () => Db,
  onChange: () => void,
  everyMs = LIVE_CHECK_MS,
): () => void {
  let last: number | null = null;
  // Prepared once per connection (the data layer may open a new one after a disk failure).
  let statement: { db: Db; read: () => number } | null = null;
  const timer = setInterval(() => {
    let version: number;
    try {
      // Reaching the connection may itself fail (a reopen after a disk failure, a closed file).
      const current = db();
      if (!current.open) return;
      if (statement?.db !== current) {
        const prepared = current.prepare<[], number>('PRAGMA data_version').pluck();
        statement = { db: current, read: () => prepared.get() as number };
      }
      version = statement.read();
    } catch {
      // A failing disk is reported by the next real request; this check only stays quiet.
      return;
    }
    if (last !== null && version !== last) onChange();
    last = version;
  }, everyMs);
  // Never the reason the process stays alive.
  timer.unref();
  return () => clearInterval(timer);
}
