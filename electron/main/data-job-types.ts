import type { ExportOptions, ExportResult } from '../data/archive-export';
import type { ImportResult } from '../data/archive-import';
import type { SentenceRef } from '../db/sentences';

/** One job: an export to `file`, or an import of it. */
export type JobRequest = { file: string } & ({ kind: 'export'; options: ExportOptions } | { kind: 'import' });

/** What the main thread asks the data worker to do. */
export type WorkerRequest = JobRequest & { dbPath: string; cancel: SharedArrayBuffer };

/** The integrity check a start skipped, run later on the worker's own read-only connection. */
export interface CheckRequest {
  kind: 'check';
  dbPath: string;
}

/** What the data worker reports back. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'exported'; result: ExportResult }
  | { type: 'imported'; result: ImportResult }
  | { type: 'cancelled' }
  | { type: 'checked'; problem: string | null }
  | { type: 'failed'; message: string; sentence?: SentenceRef };
