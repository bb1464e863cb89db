/**
 * The two readings a batch takes from the machine, each behind a seam: how much memory the process holds (for
 * the watchdog) and when a document's time is up. The defaults read the process RSS and the wall clock.
 *
 * Tests replace them (`runBatch({ memoryMeter, deadlineTimer })`) so that what they check (TIMEOUT, TOO_LARGE,
 * the re-runs in isolation) follows from what the test did, never from this machine's speed or load or from the
 * memory the test runner itself holds. Nothing else in the batch reads time or memory to decide an outcome.
 */

/** Bytes the memory bound applies to, read every watchdog tick. `running`: the files being analysed right now. */
export type MemoryMeter = (running: readonly string[]) => number;

/** The whole process's resident set: the main thread and every worker thread, which are threads of it. */
export const processRss: MemoryMeter = () => process.memoryUsage.rss();

/**
 * Starts one document's time limit: `expire` is called once `ms` have passed, unless the returned function is
 * called first (the document finished or was stopped for another reason).
 */
export type DeadlineTimer = (ms: number, expire: () => void) => () => void;

export const wallClockDeadline: DeadlineTimer = (ms, expire) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};
