/**
 * The worker thread that runs one export or import (or the integrity check a start skipped) on
 * its own connection, so the main process keeps answering the window while a million posts
 * stream through. It reports progress and
 * its outcome as messages; the main thread cancels it through a flag in shared memory, which
 * the job's synchronous loop reads between records.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { MicroblogError, toMicroblogError } from '../db/errors';
import { exportArchive } from '../data/archive-export';
import { importArchive } from '../data/archive-import';
import { ArchiveProblem, JobCancelled, sharedCancelFlag } from '../data/archive-problem';
import { quickCheckProblem } from '../db/guard';
import { sentenceOf } from '../db/sentences';
import type { CheckRequest, WorkerMessage, WorkerRequest } from './data-job-types';

/** A failure as the main thread reports it: the sentence, and its catalog key made here. */
function failed(message: string): WorkerMessage {
  const sentence = sentenceOf(message);
  return { type: 'failed', message, ...(sentence && { sentence }) };
}

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

function run(request: WorkerRequest): void {
  const hooks = {
    cancel: sharedCancelFlag(request.cancel),
    onProgress: (progress: { done: number; total: number }) => post({ type: 'progress', ...progress }),
  };
  const db = openDatabase(request.dbPath, { readonly: request.kind === 'export' });
  try {
    if (request.kind === 'export') {
      const result = exportArchive(db, request.file, request.options, hooks);
      post({ type: 'exported', result });
    } else {
      post({ type: 'imported', result: importArchive(db, request.file, hooks) });
    }
  } finally {
    db.close();
  }
}

try {
  const request = workerData as WorkerRequest | CheckRequest;
  if (request.kind === 'check') post({ type: 'checked', problem: quickCheckProblem(request.dbPath) });
  else run(request);
} catch (error) {
  if (error instanceof JobCancelled) post({ type: 'cancelled' });
  else if (error instanceof ArchiveProblem || error instanceof MicroblogError) post(failed(error.message));
  else {
    console.error('An export or import failed:', error);
    post(failed(toMicroblogError(error).message));
  }
}
