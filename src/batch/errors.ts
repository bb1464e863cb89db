/** The two ways a batch itself fails; a document's problem is never one of them (it becomes that document's error). */

/** Thrown by runBatch when `signal` aborts; the store holds every document finished before. */
export class BatchAbortedError extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(`Batch interrupted after ${done} of ${total} documents`);
    this.name = 'AbortError';
  }
}

/** A problem of the batch itself (rules that do not load, a worker that cannot start, the store failing). */
export class BatchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BatchError';
  }
}
