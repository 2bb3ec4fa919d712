/**
 * Runs exports and imports in a worker thread (data-worker.ts), one at a time, and turns the
 * worker's messages into the contract's `data:progress` and `data:finished` events.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MicroblogError } from '../db/errors';
import { say, sentenceOf, type SentenceRef } from '../db/sentences';
import type { ExportOptions } from '../data/archive-export';
import { sharedCancelFlag } from '../data/archive-problem';
import type { DataJobs } from '../ipc/handler-types';
import type { AppEvent } from '../ipc/events';
import type { JobRequest, WorkerMessage, WorkerRequest } from './data-job-types';

/** How the worker is started: the bundled script in the app, the TypeScript source under tsx elsewhere. */
export interface WorkerScript {
  file: string;
  execArgv?: string[];
}

/** The source file run under tsx, for tests, the e2e harness and `npm start` from source. */
export function sourceWorkerScript(): WorkerScript {
  return { file: fileURLToPath(new URL('./data-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx'] };
}

/** The data worker's old-space limit. */
const WORKER_HEAP_MB = 256;

/** Progress events at most this often: a million posts must not mean a million messages to the window. */
const PROGRESS_EVERY_MS = 100;

function finishedMessage(message: WorkerMessage): string {
  switch (message.type) {
    case 'exported':
      return say('jobs.exported', { count: message.result.posts, file: path.basename(message.result.file) });
    case 'imported': {
      const { profiles, posts, drafts, withoutPassword } = message.result;
      const counts = { profiles, posts, drafts };
      return withoutPassword.length > 0
        ? say('jobs.importedWithout', { ...counts, names: withoutPassword.join(', ') })
        : say('jobs.imported', counts);
    }
    case 'cancelled':
      return say('jobs.cancelled');
    default:
      return message.type === 'failed' ? message.message : '';
  }
}

/** The catalog key of a job's closing sentence: made here, or in the worker (which sends its own). */
function sentenceFor(message: WorkerMessage, text: string): SentenceRef | undefined {
  return message.type === 'failed' ? message.sentence : sentenceOf(text);
}

/** The job runner for one database file; `emit` delivers events to the windows. */
export function createDataJobs(
  dbPath: string,
  emit: (event: AppEvent) => void,
  script = sourceWorkerScript(),
): DataJobs & { close(): Promise<void> } {
  let current: { jobId: string; kind: 'export' | 'import'; worker: Worker; cancel: () => void } | null = null;

  const start = (request: JobRequest): string => {
    if (current) {
      throw new MicroblogError(
        'DATABASE_BUSY',
        say(current.kind === 'export' ? 'jobs.exportRunning' : 'jobs.importRunning'),
      );
    }
    const jobId = randomUUID();
    const shared = new SharedArrayBuffer(4);
    const flag = sharedCancelFlag(shared);
    const workerData: WorkerRequest = { ...request, dbPath, cancel: shared };
    // A bounded heap: the job streams records, so its memory does not grow with the archive (the
    // benchmark runs the same code under the same limit: about 140 MB RSS at 100,000 posts and at
    // 1,000,000). Without a limit V8 lets garbage pile up where it could collect it.
    const worker = new Worker(script.file, {
      workerData,
      execArgv: script.execArgv ?? [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const kind = request.kind;
    current = { jobId, kind, worker, cancel: flag.cancel };
    let lastProgress = 0;
    let ended = false;
    const finish = (
      outcome: 'done' | 'cancelled' | 'failed',
      message: string,
      file: string | null,
      sentence = sentenceOf(message),
    ) => {
      if (ended) return;
      ended = true;
      current = null;
      const payload = { jobId, kind, outcome, message, file, ...(sentence && { sentence }) };
      emit({ name: 'data:finished', payload });
    };
    const stopped = say(kind === 'export' ? 'jobs.exportStopped' : 'jobs.importStopped');
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        const now = Date.now();
        if (now - lastProgress < PROGRESS_EVERY_MS && message.done < message.total) return;
        lastProgress = now;
        emit({ name: 'data:progress', payload: { jobId, kind, done: message.done, total: message.total } });
        return;
      }
      const outcome =
        message.type === 'cancelled' ? 'cancelled' : message.type === 'failed' ? 'failed' : 'done';
      const text = finishedMessage(message);
      finish(
        outcome,
        text,
        message.type === 'exported' ? message.result.file : null,
        sentenceFor(message, text),
      );
    });
    worker.on('error', (error) => {
      console.error(`The ${kind} worker failed:`, error);
      finish('failed', stopped, null);
    });
    worker.on('exit', () => finish('failed', stopped, null));
    return jobId;
  };

  return {
    startExport: (file: string, options: ExportOptions) => start({ kind: 'export', file, options }),
    startImport: (file: string) => start({ kind: 'import', file }),
    cancel(jobId: string): boolean {
      if (!current || current.jobId !== jobId) return false;
      current.cancel();
      return true;
    },
    running: () => (current ? { jobId: current.jobId, kind: current.kind } : null),
    async close(): Promise<void> {
      if (!current) return;
      current.cancel();
      await current.worker.terminate();
    },
  };
}
