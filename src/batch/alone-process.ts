/**
 * Entry point of a process that analyses one document alone (started by alone.ts). The document runs in one
 * worker thread, through the same pool and worker as in the batch process; this process's main thread only
 * reports the highest resident set it has seen on a timer (it is free to, the work being in the worker) and passes
 * the outcome on.
 *
 * The batch process decides everything: it reads the reports against the memory bound, runs the time limit, and
 * kills this process when either is passed or once the outcome has arrived. When the batch process goes away
 * (the IPC channel closes) this one stops its worker and ends.
 */
import type { AloneMessage, AloneRequest } from './alone.js';
import { Pool, type Outcome } from './pool.js';

const send = (msg: AloneMessage): void => {
  if (process.connected) process.send!(msg);
};

process.once('message', (request: AloneRequest) => void run(request));

async function run(request: AloneRequest): Promise<void> {
  const pool = new Pool(1, {
    workerData: request.workerData,
    maxOldGenerationSizeMb: request.heapMb,
    output: request.output,
    // The time limit is the batch process's: starting it here only tells that process the document has started.
    deadlineTimer: () => {
      send({ type: 'started' });
      return () => {};
    },
    onSpawn: () => {},
    onCpu: () => {},
    retireAboveBytes: Infinity,
  });
  // The highest resident set seen, sampled more often than it is reported: a short peak between two reports still
  // counts, and the verdict depends less on when the samples fall. (Not the kernel's own high-water mark: a forked
  // process starts with its parent's.)
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const report = () => {
    sample();
    send({ type: 'rss', bytes: peak });
  };
  report();
  const sampler = setInterval(sample, Math.max(5, Math.min(25, request.reportIntervalMs / 4)));
  const timer = setInterval(report, request.reportIntervalMs);
  const stop = () => {
    clearInterval(sampler);
    clearInterval(timer);
    void pool.close();
  };
  process.once('disconnect', stop);
  let outcome: Outcome;
  try {
    outcome = await pool.run(request.job, 0);
  } catch (err) {
    send({ type: 'fatal', message: (err as Error)?.message ?? String(err) });
    stop();
    return;
  }
  send({ type: 'outcome', outcome });
  stop();
}
