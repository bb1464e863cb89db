/**
 * The worker pool: one worker thread per slot, one document per worker at a time. A worker that is killed (time,
 * memory, abort) or dies on its own is replaced when its slot is next used, and so is one whose document ended in
 * a refusal or still holds much memory afterwards: the next document starts in a fresh worker, with nothing left
 * over from the one before. The pool never decides which document to stop, it only carries out the scheduler's
 * and the watchdog's decisions, and times each document.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentErrorCode } from '../model/errors.js';
import type { DocumentResult } from '../model/result.js';
import type { Fingerprint } from '../store/cache-key.js';
import { BatchError } from './errors.js';
import type { JobMessage, WorkerData, WorkerMessage } from './worker.js';
import type { DeadlineTimer } from './test-hooks.js';

/**
 * The young generation of each worker's heap, in MB. V8's default for a 64-bit heap lets it grow to 48 MB (two
 * 16 MB semi-spaces and their overhead), and a worker fills it on every document; that was about 30 MB of each
 * worker's resident set on the real-report archive (issue 19: peak RSS of the batch process with two workers), for
 * fewer short collections of garbage that pdfjs makes per glyph and operator. 16 MB kept the archive's time within
 * the machine's drift (test/bench/README.md).
 */
export const WORKER_YOUNG_GENERATION_MB = 16;

/** How one document's run in a worker ended. */
export type Outcome =
  | { kind: 'result'; result: DocumentResult; ms: number; fingerprint: Fingerprint }
  /** `shared`: another document ran beside it for some of its time (and took some of the machine). */
  | { kind: 'timeout'; shared: boolean }
  /** Alone in a process of its own, the document took that process past the memory bound (alone.ts). */
  | { kind: 'memory' }
  /** The batch process went past the memory bound while this document ran in it: the culprit is unknown. */
  | { kind: 'suspect' }
  /** Its streams decode to much (the bomb check's count): not analysed in the batch process, but alone. */
  | { kind: 'heavy' }
  /** The worker ran out of its V8 heap of `heapMb`. */
  | { kind: 'heap'; heapMb: number }
  | { kind: 'crash'; code: DocumentErrorCode; message: string }
  | { kind: 'aborted' };

export interface Job {
  index: number;
  file: string;
  sha256: string;
}

export interface PoolOptions {
  workerData: WorkerData;
  maxOldGenerationSizeMb: number;
  output: 'discard' | 'stderr';
  /** Starts each document's time limit (test-hooks.ts). */
  deadlineTimer: DeadlineTimer;
  onSpawn(): void;
  /** CPU a worker thread used since its previous report, in ms; null when it cannot tell. */
  onCpu(ms: number | null): void;
  /** A worker that still holds more than this (its own V8 heap and buffers) after a document is replaced. */
  retireAboveBytes: number;
}

export interface Slot {
  id: number;
  worker: Worker | null;
  ready: Promise<void> | null;
  /** What this worker analyses with: a worker started after the rules changed on disk differs from the first ones. */
  fingerprint: Fingerprint | null;
  /** The document running in this slot, whether another ran beside it, and how to settle it. */
  current: { job: Job; shared: boolean; settle(o: Outcome): void } | null;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** Results after which a worker is replaced: the analysis was stopped inside it, or it failed in a way of ours. */
const RETIRE_AFTER: ReadonlySet<DocumentErrorCode> = new Set(['TOO_LARGE', 'TIMEOUT', 'INTERNAL']);
const WORKER_START_TIMEOUT_MS = 120_000;

export class Pool {
  private readonly slots: Slot[];
  private readonly exiting = new Set<Promise<unknown>>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    size: number,
    private readonly opts: PoolOptions,
  ) {
    this.slots = Array.from({ length: size }, (_, id) => ({ id, worker: null, ready: null, fingerprint: null, current: null }));
  }

  /** What every worker is started with (a process that analyses a document alone starts its worker the same way). */
  get workerData(): WorkerData {
    return this.opts.workerData;
  }

  running(): Slot[] {
    return this.slots.filter((s) => s.current !== null);
  }

  /** Resolves once no document runs in the pool and every stopped worker has exited (its memory gone with it). */
  async idle(): Promise<void> {
    while (this.running().length > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await Promise.allSettled([...this.exiting]);
  }

  /** Runs one job on a free slot (the caller keeps at most `size` jobs in flight). */
  async run(job: Job, timeoutMs: number): Promise<Outcome> {
    const slot = this.slots.find((s) => s.current === null);
    if (!slot) throw new BatchError('Internal error: no free worker slot');
    let settle!: (o: Outcome) => void;
    const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
    let done = false;
    const others = this.running();
    for (const other of others) other.current!.shared = true;
    slot.current = {
      job,
      shared: others.length > 0,
      settle: (o) => {
        if (done) return;
        done = true;
        slot.current = null;
        settle(o);
        if (this.running().length === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      },
    };
    const current = slot.current;
    try {
      await this.ensureWorker(slot);
    } catch (err) {
      if (done) return outcome; // the starting worker was terminated on purpose (abort, memory alarm)
      current.settle({ kind: 'aborted' });
      throw err;
    }
    if (done) return outcome; // killed (abort, memory alarm) while the worker was starting
    const cancelDeadline = this.opts.deadlineTimer(timeoutMs, () => this.kill(slot, { kind: 'timeout', shared: current.shared }));
    slot.worker!.postMessage({ type: 'job', id: job.index, file: job.file, sha256: job.sha256 } satisfies JobMessage);
    return outcome.finally(cancelDeadline);
  }

  /**
   * Settles the slot's document with `outcome` and terminates its worker (replaced on next use).
   * Returns whether a running document received `outcome`.
   */
  kill(slot: Slot, outcome: Outcome): boolean {
    const current = slot.current;
    current?.settle(outcome);
    this.retire(slot);
    return current !== null;
  }

  /** Terminates the slot's worker; the slot's next document gets a new one. */
  private retire(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = null;
    if (worker) this.track(worker.terminate());
  }

  async close(): Promise<void> {
    for (const slot of this.slots) {
      const worker = slot.worker;
      slot.worker = null;
      slot.ready = null;
      if (worker) this.track(worker.terminate());
    }
    await Promise.allSettled([...this.exiting]);
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch(() => {}).finally(() => this.exiting.delete(tracked));
    this.exiting.add(tracked);
  }

  private ensureWorker(slot: Slot): Promise<void> {
    if (!slot.ready) slot.ready = this.spawn(slot);
    return slot.ready;
  }

  private spawn(slot: Slot): Promise<void> {
    this.opts.onSpawn();
    const worker = new Worker(WORKER_URL, {
      workerData: this.opts.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      stdout: true,
      stderr: true,
    });
    slot.worker = worker;
    let stderrTail = '';
    worker.stdout.on('data', (c: Buffer) => {
      if (this.opts.output === 'stderr') process.stderr.write(c);
    });
    worker.stderr.on('data', (c: Buffer) => {
      stderrTail = (stderrTail + c.toString('utf8')).slice(-2000);
      if (this.opts.output === 'stderr') process.stderr.write(c);
    });
    let lastError: (Error & { code?: string }) | null = null;
    let cpuReported = 0;
    const reportCpu = (cpuMs: number | null) => {
      this.opts.onCpu(cpuMs === null ? null : cpuMs - cpuReported);
      if (cpuMs !== null) cpuReported = cpuMs;
    };
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      // Loading rules and classifier takes well under a second; a worker that never gets there is a bug, not a document.
      const startTimer = setTimeout(() => {
        reject(new BatchError(`A batch worker did not start within ${WORKER_START_TIMEOUT_MS / 1000} s`));
        void worker.terminate();
      }, WORKER_START_TIMEOUT_MS);
      startTimer.unref();
      worker.on('message', (msg: WorkerMessage) => {
        if (msg.type === 'ready' || msg.type === 'result' || msg.type === 'heavy') reportCpu(msg.cpuMs);
        if (msg.type === 'ready') {
          ready = true;
          clearTimeout(startTimer);
          slot.fingerprint = msg.fingerprint;
          resolve();
        } else if (msg.type === 'init-error') {
          clearTimeout(startTimer);
          reject(new BatchError(msg.message));
        } else if (msg.type === 'result' && slot.worker === worker && slot.current?.job.index === msg.id) {
          // A refused or failed document may have left its worker half-way through something, and a heavy one
          // leaves a large heap behind: either way the next document gets a fresh worker.
          const stopped = msg.result.error !== null && RETIRE_AFTER.has(msg.result.error.code);
          if (stopped || msg.heldBytes > this.opts.retireAboveBytes) this.retire(slot);
          slot.current.settle({ kind: 'result', result: msg.result, ms: msg.ms, fingerprint: slot.fingerprint! });
        } else if (msg.type === 'heavy' && slot.worker === worker && slot.current?.job.index === msg.id) {
          slot.current.settle({ kind: 'heavy' });
        }
      });
      worker.on('error', (err: Error & { code?: string }) => {
        lastError = err;
        if (!ready) reject(new BatchError(`A batch worker could not start: ${err.message}`, { cause: err }));
        else if (slot.worker === worker) this.crashed(slot, worker, err, stderrTail);
      });
      worker.on('exit', (code) => {
        clearTimeout(startTimer);
        if (!ready) reject(new BatchError(`A batch worker stopped while starting (exit code ${code})${stderrTail ? `: ${stderrTail.trim()}` : ''}`));
        else if (slot.worker === worker) this.crashed(slot, worker, lastError ?? new Error(`exit code ${code}`), stderrTail);
      });
    });
  }

  /** The worker died on its own: its document gets an error, the slot a new worker next time. */
  private crashed(slot: Slot, worker: Worker, err: Error & { code?: string }, stderrTail: string): void {
    const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
    const outcome: Outcome = outOfMemory
      ? { kind: 'heap', heapMb: this.opts.maxOldGenerationSizeMb }
      : {
          kind: 'crash',
          code: 'INTERNAL',
          message: `Internal error: the analysis worker stopped unexpectedly (${err.message})${stderrTail ? `; last output: ${lastLine(stderrTail)}` : ''}.`,
        };
    slot.worker = null;
    slot.ready = null;
    slot.current?.settle(outcome);
    this.track(worker.terminate());
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1]!.slice(0, 300);
}
