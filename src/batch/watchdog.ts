/**
 * The memory bound (src/batch/README.md, "Bounds" 4), sampled on a timer, read in two places:
 *
 * - The batch process. Its resident set counts every worker thread, and what a stopped document left behind, so
 *   going past the bound here says that memory ran out, not who took it. Every document running in it is stopped
 *   as a suspect (one alone too: the memory may be an earlier document's) and the scheduler re-runs each alone.
 *   Nothing is ever TOO_LARGE for what this reading says.
 * - Each process analysing one document alone (alone.ts). What it holds is that document's: past the bound, the
 *   document is TOO_LARGE.
 */
import type { AloneRun } from './alone.js';
import type { Pool } from './pool.js';
import type { MemoryMeter } from './test-hooks.js';

const MB = 1024 ** 2;

export interface WatchdogOptions {
  memoryMb: number;
  intervalMs: number;
  /** How memory is read (test-hooks.ts): by default resident sets. */
  meter: MemoryMeter;
  /** Called with the number of documents stopped as suspects; the scheduler re-runs each of them alone. */
  onSuspects(count: number): void;
}

export class Watchdog {
  /** Highest memory seen at one reading, the batch process and any process of one document together, in MB. */
  peakRssMb = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly alone = new Set<AloneRun>();

  constructor(
    private readonly pool: Pool,
    private readonly opts: WatchdogOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), this.opts.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Reads `run`'s process at every sample until the returned function is called. */
  watch(run: AloneRun): () => void {
    this.alone.add(run);
    return () => void this.alone.delete(run);
  }

  /** One reading: records the peak, stops the suspects in the batch process, and a document alone past the bound. */
  sample(): void {
    const bound = this.opts.memoryMb * MB;
    const batch = this.readBatch();
    let total = batch;
    for (const run of this.alone) {
      const own = this.opts.meter.alone(run.job.file, run.reportedRss);
      total += own;
      if (own > bound) run.kill({ kind: 'memory' });
    }
    this.peakRssMb = Math.max(this.peakRssMb, Math.round(total / MB));
    if (batch <= bound) return;
    let suspects = 0;
    for (const slot of this.pool.running()) if (this.pool.kill(slot, { kind: 'suspect' })) suspects++;
    // (Their tasks continue asynchronously, so counting them after the loop is in time.)
    if (suspects > 0) this.opts.onSuspects(suspects);
  }

  /** The batch process is past the bound already: a document started in it now would only be stopped as a suspect. */
  batchOverBound(): boolean {
    return this.readBatch() > this.opts.memoryMb * MB;
  }

  private readBatch(): number {
    const bytes = this.opts.meter.batch(this.pool.running().map((slot) => slot.current!.job.file));
    this.peakRssMb = Math.max(this.peakRssMb, Math.round(bytes / MB));
    return bytes;
  }
}
