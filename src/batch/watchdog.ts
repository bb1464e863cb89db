/**
 * The memory bound (src/batch/README.md, "Bounds" 4). The watchdog samples the process's RSS, which counts every
 * worker thread, on a timer. Over the bound with one document running, that document is TOO_LARGE. With several
 * running nobody knows which one grew, so all of them are stopped as suspects and the scheduler re-runs each
 * alone; the one that still crosses the bound alone is TOO_LARGE, the others finish normally.
 */
import type { Pool } from './pool.js';
import type { MemoryMeter } from './test-hooks.js';

const MB = 1024 ** 2;
/** After stopping workers, nothing new starts until RSS is back under this share of the bound ... */
const SETTLED_SHARE = 0.85;
/** ... or this long has passed (memory the allocator keeps need not stop the batch). */
const SETTLE_MS = 5000;

export interface WatchdogOptions {
  memoryMb: number;
  intervalMs: number;
  /** How memory is read (test-hooks.ts): by default the resident set of the whole process, workers included. */
  meter: MemoryMeter;
  /** Called with the number of documents stopped as suspects; the scheduler re-runs each of them alone. */
  onSuspects(count: number): void;
}

export class Watchdog {
  /** Highest RSS seen, in MB. */
  peakRssMb = 0;
  private timer: NodeJS.Timeout | null = null;

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

  /** One reading: records the peak and, over the bound, stops the documents that may be to blame. */
  sample(): void {
    const rss = this.read();
    const rssMb = Math.round(rss / MB);
    if (rssMb > this.peakRssMb) this.peakRssMb = rssMb;
    if (rss <= this.opts.memoryMb * MB) return;
    const running = this.pool.running();
    if (running.length === 0) return;
    if (running.length === 1) {
      this.pool.kill(running[0]!, { kind: 'memory', rssMb });
      return;
    }
    // Several documents running: the culprit is unknown. Stop them all and re-run each alone.
    // (Their tasks continue asynchronously, so counting them after the loop is in time.)
    let suspects = 0;
    for (const slot of running) if (this.pool.kill(slot, { kind: 'suspect', rssMb })) suspects++;
    if (suspects > 0) this.opts.onSuspects(suspects);
  }

  private read(): number {
    return this.opts.meter(this.pool.running().map((slot) => slot.current!.job.file));
  }

  /** After terminating workers their memory takes a moment to go back; resolves once it has. */
  async settled(): Promise<void> {
    const deadline = performance.now() + SETTLE_MS;
    while (performance.now() < deadline && this.read() > this.opts.memoryMb * SETTLED_SHARE * MB) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
