import { writeFileAtomic } from '../io/atomic.js';
import type { BatchStats } from '../batch/run.js';
import { threadCpuMs } from '../batch/thread-cpu.js';
import { toolVersion } from '../version.js';

/**
 * What `analyze --stats FILE` writes: the run's counts, times, peak memory and where the CPU went, measured when
 * the outputs are written. Not part of the results (they stay byte-identical from run to run); for people
 * sizing machines and for the benchmark. Times in ms; a figure that cannot be measured here is null.
 */
export function runStats(stats: BatchStats, jobs: number) {
  const usage = process.resourceUsage();
  const processMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  const mainMs = threadCpuMs();
  const workersMs = stats.workerCpuMs;
  return {
    tool: toolVersion(),
    documents: stats.documents,
    analysed: stats.analysed,
    cached: stats.cached,
    errors: stats.errors,
    byError: stats.byError,
    pages: stats.pages,
    analysedPages: stats.analysedPages,
    jobs,
    workersStarted: stats.workersStarted,
    rerunAlone: stats.rerunAlone,
    /** From starting workers to the last result. */
    batchMs: stats.elapsedMs,
    /** From the process's start to the outputs written. */
    totalMs: Math.round(performance.now()),
    peakRssMb: Math.max(stats.peakRssMb, Math.round(usage.maxRSS / 1024)),
    cpuMs: {
      process: processMs,
      mainThread: mainMs === null ? null : Math.round(mainMs),
      workerThreads: workersMs === null ? null : Math.round(workersMs),
      // V8's optimising compiler and garbage-collector helpers, libuv's pool, Node's module-hooks threads.
      otherThreads: mainMs === null || workersMs === null ? null : Math.max(0, Math.round(processMs - mainMs - workersMs)),
    },
  };
}

export async function writeRunStats(file: string, stats: BatchStats, jobs: number): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(runStats(stats, jobs), null, 2) + '\n');
}
