/**
 * The readings a batch takes from the machine, each behind a seam: how much memory the batch process holds and a
 * process analysing one document alone holds (for the watchdog), and when a document's time is up. The defaults
 * read resident sets and the wall clock.
 *
 * Tests replace them (`runBatch({ memoryMeter, deadlineTimer })`) so that what they check (TIMEOUT, TOO_LARGE,
 * the re-runs alone) follows from what the test did, never from this machine's speed or load or from the
 * memory the test runner itself holds. Nothing else in the batch reads time or memory to decide an outcome.
 */

/** Bytes the memory bound applies to, read every watchdog tick. */
export interface MemoryMeter {
  /**
   * The batch's own process: the main thread and every worker thread. `running`: the files analysed in it now.
   * Over the bound, nobody can tell which document grew (or whether memory a stopped one left behind is to blame).
   */
  batch(running: readonly string[]): number;
  /**
   * A process of its own that analyses `file` and nothing else (alone.ts): its memory is that document's.
   * `reported`: the resident set that process last reported of itself.
   */
  alone(file: string, reported: number): number;
}

/** Resident sets: this process's (threads of one process share it), and what a process of its own reports. */
export const residentSets: MemoryMeter = {
  batch: () => process.memoryUsage.rss(),
  alone: (_file, reported) => reported,
};

/**
 * Starts one document's time limit: `expire` is called once `ms` have passed, unless the returned function is
 * called first (the document finished or was stopped for another reason).
 */
export type DeadlineTimer = (ms: number, expire: () => void) => () => void;

export const wallClockDeadline: DeadlineTimer = (ms, expire) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};
