/**
 * The integrity check a start skipped (the previous run closed the file cleanly), run once the
 * window is showing: `quick_check` on a read-only connection in a worker thread, so the main
 * process keeps answering while it reads the whole file. Damage found here is bit rot the app
 * never saw happen; the caller tells the user and offers the backups.
 */
import { Worker } from 'node:worker_threads';
import { type WorkerScript, sourceWorkerScript } from './data-jobs';
import type { CheckRequest, WorkerMessage } from './data-job-types';

/** How the check ended: intact, damaged (with SQLite's finding), or not known (the worker failed or was stopped). */
export type CheckOutcome = { state: 'ok' } | { state: 'damaged'; detail: string } | { state: 'unknown' };

/** A running check: its outcome, and how to stop it (on quit). */
export interface BackgroundCheck {
  done: Promise<CheckOutcome>;
  stop(): Promise<void>;
}

/** Starts the check of `dbPath` in a worker thread. */
export function startBackgroundCheck(dbPath: string, script = sourceWorkerScript()): BackgroundCheck {
  const request: CheckRequest = { kind: 'check', dbPath };
  const worker = new Worker(script.file, { workerData: request, execArgv: script.execArgv ?? [] });
  const done = new Promise<CheckOutcome>((resolve) => {
    worker.once('message', (message: WorkerMessage) => {
      if (message.type === 'checked') {
        resolve(message.problem === null ? { state: 'ok' } : { state: 'damaged', detail: message.problem });
      } else {
        // The worker could not open or read the file; the next request through main says why.
        console.error('The background integrity check could not run:', message);
        resolve({ state: 'unknown' });
      }
    });
    worker.once('error', (error) => {
      console.error('The background integrity check failed:', error);
      resolve({ state: 'unknown' });
    });
    worker.once('exit', () => resolve({ state: 'unknown' }));
  });
  return {
    done,
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** The check as the app context runs it: at most once, only after a start that skipped it. */
export interface DeferredCheck {
  /** Starts the check (the first screen has its data); later calls do nothing. */
  start(): void;
  /** The outcome, or null when no check was needed or started. */
  outcome(): Promise<CheckOutcome> | null;
  /** True once damage was found: the quit must then not vouch for the file. */
  damaged(): boolean;
  stop(): void;
}

/** A deferred check of `dbPath`, needed only when startup skipped `quick_check`; damage is reported through `onDamage`. */
export function deferredCheck(
  dbPath: string,
  needed: boolean,
  onDamage: (detail: string) => void,
  script?: WorkerScript,
): DeferredCheck {
  let running: BackgroundCheck | null = null;
  let found = false;
  return {
    start() {
      if (!needed || running) return;
      running = startBackgroundCheck(dbPath, script);
      void running.done.then((outcome) => {
        if (outcome.state !== 'damaged') return;
        found = true;
        onDamage(outcome.detail);
      });
    },
    outcome: () => running?.done ?? null,
    damaged: () => found,
    stop: () => void running?.stop(),
  };
}
