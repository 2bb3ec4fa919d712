/** An archive that cannot be imported, with the one sentence that says why. */
export class ArchiveProblem extends Error {
  override readonly name = 'ArchiveProblem';
}

/** A job the user cancelled: nothing was written. */
export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
  constructor() {
    super('Cancelled: nothing was changed.');
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
