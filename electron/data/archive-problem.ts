/** An archive that cannot be imported, with the one sentence that says why. */
import { say, sentenceOf } from '../db/sentences';
export class ArchiveProblem extends Error {
  override readonly name = 'ArchiveProblem';
}

/**
 * "Line 12: <detail>" or "Line 12 (a post): <detail>". The detail is a sentence of the
 * catalogs, so the whole sentence keeps one key and its values: the renderer says it all in
 * the user's language, not a translated frame around English.
 */
export function lineProblem(
  line: number,
  detail: string,
  kind?: 'profile' | 'post' | 'follow' | 'draft',
): ArchiveProblem {
  const ref = sentenceOf(detail);
  const params = {
    line,
    detailKey: ref?.key ?? 'archive.verbatim',
    ...(ref ? ref.params : { text: detail }),
  };
  return new ArchiveProblem(
    kind ? say('archive.lineKind', { ...params, kind }) : say('archive.line', params),
  );
}

/** A job the user cancelled: nothing was written. */
export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
  constructor() {
    super(say('jobs.cancelled'));
  }
}

/**
 * How a job learns it was cancelled while it runs a synchronous loop: a flag in shared memory,
 * set by the thread that started it, read between records.
 */
export interface CancelFlag {
  readonly cancelled: () => boolean;
}

/** A flag over one Int32 of a SharedArrayBuffer (0 = running, 1 = cancelled). */
export function sharedCancelFlag(shared: SharedArrayBuffer): CancelFlag & { cancel: () => void } {
  const cell = new Int32Array(shared, 0, 1);
  return {
    cancelled: () => Atomics.load(cell, 0) === 1,
    cancel: () => void Atomics.store(cell, 0, 1),
  };
}

/** Progress as jobs report it: records done out of the total the header announced. */
export interface JobProgress {
  done: number;
  total: number;
}
