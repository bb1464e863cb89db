/**
 * Many documents: a pool of worker threads (one document per worker at a time), scheduled by p-queue,
 * with time and memory bounded from outside the parser, results stored as they arrive, and the
 * returned array in input order whatever the completion order.
 *
 * Bounds (see src/batch/README.md):
 * - time: each document gets `timeoutMs` from the moment its worker starts on it; on expiry the worker
 *   is terminated (TIMEOUT) and replaced (pool.ts).
 * - memory: a watchdog samples the process RSS (which includes every worker thread) every ~100 ms. Over
 *   `memoryMb` with one document running, that document is TOO_LARGE. With several running nobody knows
 *   which one grew, so all of them are terminated and re-run one at a time, alone, before anything else
 *   starts; the one that still crosses the bound alone is TOO_LARGE, the others finish normally (watchdog.ts,
 *   scheduler.ts). Each worker also has a V8 heap limit; running out of it is TOO_LARGE too.
 * - crash: a worker that exits without answering gives its document INTERNAL (TOO_LARGE for a heap
 *   overflow) and is replaced.
 *
 * The parts: options.ts (what a batch is asked, with its defaults), scheduler.ts (queue, store, isolation),
 * pool.ts (the worker threads), watchdog.ts (memory), worker.ts and analyzer.ts (inside a worker).
 */
import type { DocumentResult } from '../model/result.js';
import type { BatchOptions, BatchStats } from './options.js';
import { Batch } from './scheduler.js';

export { BatchAbortedError, BatchError } from './errors.js';
export type { BatchOptions, BatchStats, ResultInfo } from './options.js';
export type { BatchProgress } from './progress.js';

/** Analyses `files`; returns one result per file, in the order of `files`. */
export async function runBatch(files: readonly string[], opts: BatchOptions = {}): Promise<DocumentResult[]> {
  return (await runBatchWithStats(files, opts)).results;
}

/** Like runBatch, also returning counts, elapsed time and peak memory (for benchmarks and summaries). */
export async function runBatchWithStats(
  files: readonly string[],
  opts: BatchOptions = {},
): Promise<{ results: DocumentResult[]; stats: BatchStats }> {
  return new Batch(files, opts).run();
}
