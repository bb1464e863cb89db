/**
 * Many documents: a pool of worker threads (one document per worker at a time), scheduled by p-queue,
 * with time and memory bounded from outside the parser, results stored as they arrive, and the
 * returned array in input order whatever the completion order.
 *
 * Bounds (see src/batch/README.md):
 * - time: each document gets `timeoutMs` from the moment its worker starts on it; on expiry the worker
 *   is terminated (TIMEOUT) and replaced.
 * - memory: a watchdog samples the process RSS (which includes every worker thread) every ~100 ms. Over
 *   `memoryMb` with one document running, that document is TOO_LARGE. With several running nobody knows
 *   which one grew, so all of them are terminated and re-run one at a time, alone, before anything else
 *   starts; the one that still crosses the bound alone is TOO_LARGE, the others finish normally.
 *   Each worker also has a V8 heap limit; running out of it is TOO_LARGE too.
 * - crash: a worker that exits without answering gives its document INTERNAL (TOO_LARGE for a heap
 *   overflow) and is replaced.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { DocumentErrorCode } from '../model/errors.js';
import type { DocumentResult } from '../model/result.js';
import { cacheKeyFor, type Fingerprint, type RecordedLimits } from '../store/cache-key.js';
import type { Store } from '../store/sqlite.js';
import type { AnalyzerModule, AnalyzerOptions } from './analyzer.js';
import { inflateLimitsFor, type InflateLimits } from './inflate-guard.js';
import type { BatchProgress } from './progress.js';
import type { JobMessage, WorkerData, WorkerMessage } from './worker.js';

export type { BatchProgress } from './progress.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_MB = 1536;
export const DEFAULT_MAX_BYTES = 200 * 1024 ** 2;
export const DEFAULT_MAX_PAGES = 2000;

export interface BatchOptions {
  /** Worker threads, one document each. Default: available parallelism. */
  jobs?: number;
  /** Wall time per document, from the moment its worker starts on it. Default 60 000. */
  timeoutMs?: number;
  /** Bound on the whole process's RSS (main thread plus all workers), in MB. Default 1536. */
  memoryMb?: number;
  /** V8 heap limit of each worker in MB (a second bound, for runaway JavaScript). Default memoryMb / jobs, 256..4096. */
  heapMb?: number;
  /** Documents with more pages are TOO_LARGE. Default 2000. */
  maxPages?: number;
  /** Files larger than this are TOO_LARGE without being read. Default 200 MB. */
  maxBytes?: number;
  /** Decompression-bomb guard run on PDFs before parsing; false turns it off. */
  inflateLimits?: InflateLimits | false;
  rulesDir?: string;
  configPath?: string;
  /** Force the document language instead of detecting it. */
  language?: 'sv' | 'en';
  /** Where results are stored as they complete and looked up before analysing (cache / resume). */
  store?: Store;
  /** Abort (Ctrl-C): stops scheduling, terminates the workers, rejects with a BatchAbortedError. */
  signal?: AbortSignal;
  /**
   * Keep every result for the returned array (default). With false the batch holds no result once it is stored
   * and returns an empty array: the caller reads the archive back from the store one document at a time, and
   * takes the few results that are not stored (`info.stored === false`, a file that could not be read) from
   * `onResult`.
   */
  retainResults?: boolean;
  /** Called once per document as it finishes, in completion order, after it is stored. */
  onResult?(result: DocumentResult, index: number, info: ResultInfo): void;
  onProgress?(progress: BatchProgress): void;
  /**
   * Module the workers analyse with (default: ./analyzer.js, i.e. the pipeline). Tests and benchmarks
   * pass their own to make documents slow, greedy or crashing on purpose.
   */
  analyzerModule?: string | URL;
  /** What happens to the workers' stdout/stderr (pdfjs warnings). Default 'discard'; 'stderr' forwards both to stderr. */
  workerOutput?: 'discard' | 'stderr';
  /** Watchdog sampling period. Default 100 ms. */
  watchdogIntervalMs?: number;
}

export interface ResultInfo {
  /** Taken from the store (or from an identical file earlier in this batch) without analysis. */
  cached: boolean;
  /** Wall time of the analysis in the worker (0 when cached). */
  ms: number;
  /** The document was re-run alone after a memory alarm while several documents were running. */
  rerunAlone: boolean;
  /** The result is in the store (false only without a store, or for a file that could not be read). */
  stored: boolean;
}

export interface BatchStats {
  documents: number;
  analysed: number;
  cached: number;
  errors: number;
  pages: number;
  analysedPages: number;
  elapsedMs: number;
  /** Highest RSS the watchdog saw (whole process, workers included), in MB. */
  peakRssMb: number;
  /** Documents re-run alone after a memory alarm. */
  rerunAlone: number;
  /** Workers started (the initial ones and every replacement). */
  workersStarted: number;
  /**
   * CPU time of the worker threads in ms, as each reported it after starting and after each document (a worker
   * terminated in the middle of a document takes that document's CPU with it); null where a thread's CPU time
   * cannot be read (see thread-cpu.ts). With `process.cpuUsage()` it tells the analysis from the main thread
   * and V8's helper threads.
   */
  workerCpuMs: number | null;
  byError: Partial<Record<DocumentErrorCode, number>>;
}

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

/** Analyses `files`; returns one result per file, in the order of `files`. */
export async function runBatch(files: readonly string[], opts: BatchOptions = {}): Promise<DocumentResult[]> {
  return (await runBatchWithStats(files, opts)).results;
}

/** Like runBatch, also returning counts, elapsed time and peak memory (for benchmarks and summaries). */
export async function runBatchWithStats(
  files: readonly string[],
  opts: BatchOptions = {},
): Promise<{ results: DocumentResult[]; stats: BatchStats }> {
  const batch = new Batch(files, opts);
  return batch.run();
}

/** sha256 of a file, streamed (never the whole file in memory). */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------

type Outcome =
  | { kind: 'result'; result: DocumentResult; ms: number; fingerprint: Fingerprint }
  | { kind: 'timeout' }
  | { kind: 'memory'; rssMb: number }
  | { kind: 'suspect'; rssMb: number }
  | { kind: 'crash'; code: DocumentErrorCode; message: string }
  | { kind: 'aborted' };

interface Job {
  index: number;
  file: string;
  sha256: string;
}

class Batch {
  private readonly files: readonly string[];
  private readonly jobs: number;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly limits: RecordedLimits;
  private readonly analyzerHref: string;
  private readonly analyzerOptions: AnalyzerOptions;
  private readonly results: (DocumentResult | undefined)[];
  private readonly queue: PQueue;
  private readonly pool: Pool;
  private readonly started = performance.now();
  private readonly stats: BatchStats;
  private readonly inflight = new Map<string, Promise<DocumentResult | null>>();
  private module: AnalyzerModule | null = null;
  private fingerprint: Fingerprint | null = null;
  private aborted = false;
  private done = 0;
  private fatal: unknown = null;
  /** Documents waiting for or running in isolation after a memory alarm. While > 0 nothing else starts. */
  private isolating = 0;
  private isolationChain: Promise<unknown> = Promise.resolve();

  constructor(
    files: readonly string[],
    private readonly opts: BatchOptions,
  ) {
    this.files = files;
    this.jobs = Math.max(1, Math.floor(opts.jobs ?? os.availableParallelism()));
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.memoryMb = opts.memoryMb ?? DEFAULT_MEMORY_MB;
    this.limits = {
      timeoutMs: this.timeoutMs,
      memoryMb: this.memoryMb,
      maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
      maxPages: opts.maxPages ?? DEFAULT_MAX_PAGES,
    };
    this.analyzerHref = String(opts.analyzerModule ?? new URL('./analyzer.js', import.meta.url));
    this.analyzerOptions = {
      rulesDir: opts.rulesDir,
      configPath: opts.configPath,
      maxPages: this.limits.maxPages,
      ...(opts.language ? { language: opts.language } : {}),
    };
    this.results = new Array(files.length);
    this.queue = new PQueue({ concurrency: this.jobs });
    this.stats = {
      documents: files.length,
      analysed: 0,
      cached: 0,
      errors: 0,
      pages: 0,
      analysedPages: 0,
      elapsedMs: 0,
      peakRssMb: 0,
      rerunAlone: 0,
      workersStarted: 0,
      workerCpuMs: 0,
      byError: {},
    };
    const workerData: WorkerData = {
      analyzerModule: this.analyzerHref,
      analyzerOptions: this.analyzerOptions,
      maxBytes: this.limits.maxBytes,
      inflateLimits: opts.inflateLimits === undefined ? inflateLimitsFor(this.memoryMb) : opts.inflateLimits,
    };
    this.pool = new Pool(this.jobs, {
      workerData,
      // One V8 heap per worker; RSS as a whole is the watchdog's business.
      maxOldGenerationSizeMb: opts.heapMb ?? Math.min(4096, Math.max(256, Math.floor(this.memoryMb / this.jobs))),
      output: opts.workerOutput ?? 'discard',
      onSpawn: () => this.stats.workersStarted++,
      onCpu: (ms) => {
        const s = this.stats;
        s.workerCpuMs = ms === null || s.workerCpuMs === null ? null : s.workerCpuMs + ms;
      },
    });
  }

  async run(): Promise<{ results: DocumentResult[]; stats: BatchStats }> {
    const { signal } = this.opts;
    if (signal?.aborted) throw new BatchAbortedError(0, this.files.length);
    const onAbort = () => this.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const watchdog = setInterval(() => this.watch(), this.opts.watchdogIntervalMs ?? 100);
    watchdog.unref();
    try {
      this.module = (await import(this.analyzerHref)) as AnalyzerModule;
      if (this.opts.store) {
        // The main thread needs the fingerprint for the cache key before any worker exists,
        // so that a fully stored archive is answered without starting one.
        const analyzer = await this.module.createAnalyzer(this.analyzerOptions);
        this.fingerprint = analyzer.fingerprint;
      }
      this.progress();
      for (let i = 0; i < this.files.length; i++) {
        this.queue.add(() => this.processOne(i)).catch((err: unknown) => this.fail(err));
      }
      await this.queue.onIdle();
    } catch (err) {
      this.fail(err);
    } finally {
      clearInterval(watchdog);
      signal?.removeEventListener('abort', onAbort);
      await this.pool.close();
      this.stats.elapsedMs = Math.round(performance.now() - this.started);
      this.watch();
    }
    if (this.fatal) throw this.fatal instanceof Error ? this.fatal : new BatchError(String(this.fatal));
    if (this.aborted) throw new BatchAbortedError(this.done, this.files.length);
    return { results: this.opts.retainResults === false ? [] : (this.results as DocumentResult[]), stats: this.stats };
  }

  private abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.queue.clear();
    for (const slot of this.pool.running()) this.pool.kill(slot, { kind: 'aborted' });
  }

  private fail(err: unknown): void {
    if (!this.fatal) this.fatal = err;
    this.abort();
  }

  private async processOne(index: number): Promise<void> {
    if (this.aborted) return;
    const file = this.files[index]!;
    const mod = this.module!;
    let sha256: string;
    try {
      sha256 = await hashFile(file);
    } catch (err) {
      // Not a document problem the pipeline could name: the file vanished or cannot be read.
      this.finish(index, mod.errorResult(file, '', { code: 'INTERNAL', message: `Could not read the file: ${(err as Error).message}` }), {
        cached: false,
        ms: 0,
        rerunAlone: false,
        stored: false,
      }, false);
      return;
    }
    if (this.aborted) return;
    const store = this.opts.store;
    const cacheKey = this.fingerprint ? cacheKeyFor(sha256, this.fingerprint) : '';
    if (store && this.fingerprint) {
      const hit = store.lookup(sha256, cacheKey, file, this.limits);
      if (hit) {
        store.recordFile(file, sha256);
        this.finish(index, hit, { cached: true, ms: 0, rerunAlone: false, stored: true }, false);
        return;
      }
    }
    // The same content twice in one batch (copies in an archive) is analysed once.
    const earlier = this.inflight.get(sha256);
    if (earlier) {
      const result = await earlier;
      if (result) {
        store?.recordFile(file, sha256);
        this.finish(index, { ...result, file }, { cached: true, ms: 0, rerunAlone: false, stored: Boolean(store) }, false);
        return;
      }
    }
    let settle!: (r: DocumentResult | null) => void;
    this.inflight.set(sha256, new Promise((resolve) => (settle = resolve)));
    try {
      const { result, ms, rerunAlone, fingerprint: produced } = await this.analyse({ index, file, sha256 });
      if (!result) return; // aborted
      if (store && this.fingerprint) {
        // Keyed by what the worker actually analysed with: if the rules changed on disk and a replacement
        // worker loaded the new ones, its results must not be stored under the old rules' key.
        const fingerprint = produced ?? this.fingerprint;
        const key = produced ? cacheKeyFor(sha256, produced) : cacheKey;
        store.put(result, key, { fingerprint, limits: this.limits, ms });
      }
      settle(result);
      this.finish(index, result, { cached: false, ms, rerunAlone, stored: Boolean(store && this.fingerprint) }, true);
    } finally {
      settle(null);
      // Once stored, a later copy of the same content is answered by the store: the batch need not hold it.
      if (store && this.fingerprint) this.inflight.delete(sha256);
    }
  }

  /** Runs one document in a worker, through isolation when a memory alarm is being resolved. */
  private async analyse(job: Job): Promise<{ result: DocumentResult | null; ms: number; rerunAlone: boolean; fingerprint?: Fingerprint }> {
    let outcome: Outcome = this.isolating > 0 ? await this.runAlone(job, false) : await this.pool.run(job, this.timeoutMs);
    let rerunAlone = false;
    if (outcome.kind === 'suspect') {
      // isolating was already raised by the watchdog for this document.
      rerunAlone = true;
      this.stats.rerunAlone++;
      outcome = await this.runAlone(job, true);
    }
    const mod = this.module!;
    const fail = (code: DocumentErrorCode, message: string) => mod.errorResult(job.file, job.sha256, { code, message });
    switch (outcome.kind) {
      case 'result':
        return { result: outcome.result, ms: outcome.ms, rerunAlone, fingerprint: outcome.fingerprint };
      case 'aborted':
        return { result: null, ms: 0, rerunAlone };
      case 'timeout':
        return {
          result: fail('TIMEOUT', `The analysis did not finish within the ${formatSeconds(this.timeoutMs)} time limit per document (raise it with --timeout).`),
          ms: this.timeoutMs,
          rerunAlone,
        };
      case 'memory':
        return {
          result: fail(
            'TOO_LARGE',
            `Analysing this document alone took the process past the ${this.memoryMb} MB memory bound (RSS ${outcome.rssMb} MB); ` +
              'the analysis was stopped (raise the bound with --memory).',
          ),
          ms: 0,
          rerunAlone,
        };
      case 'crash':
        return { result: fail(outcome.code, outcome.message), ms: 0, rerunAlone };
      case 'suspect':
        // runAlone never answers 'suspect': only one document runs.
        return { result: fail('INTERNAL', 'Internal error: memory alarm during an isolated run.'), ms: 0, rerunAlone };
    }
  }

  /**
   * Runs `job` with nothing else running: isolated runs are chained one after another, and the queue
   * stays paused (concurrency 1) until the last of them is done.
   */
  private runAlone(job: Job, alreadyCounted: boolean): Promise<Outcome> {
    if (!alreadyCounted) this.enterIsolation(1);
    const run = this.isolationChain.then(async () => {
      if (this.aborted) return { kind: 'aborted' } as Outcome;
      await this.waitForMemoryToSettle();
      return this.pool.run(job, this.timeoutMs);
    });
    this.isolationChain = run.catch(() => {});
    return run.finally(() => this.leaveIsolation());
  }

  private enterIsolation(n: number): void {
    if (this.isolating === 0) {
      this.queue.pause();
      this.queue.concurrency = 1;
    }
    this.isolating += n;
  }

  private leaveIsolation(): void {
    this.isolating--;
    if (this.isolating === 0 && !this.aborted) {
      this.queue.concurrency = this.jobs;
      this.queue.start();
    }
  }

  /** After terminating workers their memory takes a moment to go back; start nothing until it has. */
  private async waitForMemoryToSettle(): Promise<void> {
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline && process.memoryUsage.rss() > this.memoryMb * 0.85 * 1024 ** 2) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private watch(): void {
    const rss = process.memoryUsage.rss();
    const rssMb = Math.round(rss / 1024 ** 2);
    if (rssMb > this.stats.peakRssMb) this.stats.peakRssMb = rssMb;
    if (rss <= this.memoryMb * 1024 ** 2) return;
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
    if (suspects > 0) this.enterIsolation(suspects);
  }

  private finish(index: number, result: DocumentResult, info: ResultInfo, analysed: boolean): void {
    if (this.opts.retainResults !== false) this.results[index] = result;
    this.done++;
    const s = this.stats;
    s.pages += result.pages;
    if (analysed) {
      s.analysed++;
      s.analysedPages += result.pages;
    } else if (info.cached) {
      s.cached++;
    }
    if (result.error) {
      s.errors++;
      s.byError[result.error.code] = (s.byError[result.error.code] ?? 0) + 1;
    }
    this.opts.onResult?.(result, index, info);
    this.progress();
  }

  private progress(): void {
    if (!this.opts.onProgress) return;
    const s = this.stats;
    this.opts.onProgress({
      done: this.done,
      total: this.files.length,
      pages: s.pages,
      errors: s.errors,
      cached: s.cached,
      analysedPages: s.analysedPages,
      elapsedMs: Math.round(performance.now() - this.started),
    });
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

// ---------------------------------------------------------------------------
// The worker pool

interface PoolOptions {
  workerData: WorkerData;
  maxOldGenerationSizeMb: number;
  output: 'discard' | 'stderr';
  onSpawn(): void;
  /** CPU a worker thread used since its previous report, in ms; null when it cannot tell. */
  onCpu(ms: number | null): void;
}

interface Slot {
  id: number;
  worker: Worker | null;
  ready: Promise<void> | null;
  /** What this worker analyses with: a worker started after the rules changed on disk differs from the first ones. */
  fingerprint: Fingerprint | null;
  /** The document running in this slot and how to settle it. */
  current: { job: Job; settle(o: Outcome): void } | null;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);
const WORKER_START_TIMEOUT_MS = 120_000;

class Pool {
  private readonly slots: Slot[];
  private readonly exiting = new Set<Promise<unknown>>();

  constructor(
    size: number,
    private readonly opts: PoolOptions,
  ) {
    this.slots = Array.from({ length: size }, (_, id) => ({ id, worker: null, ready: null, fingerprint: null, current: null }));
  }

  running(): Slot[] {
    return this.slots.filter((s) => s.current !== null);
  }

  /** Runs one job on a free slot (the caller keeps at most `size` jobs in flight). */
  async run(job: Job, timeoutMs: number): Promise<Outcome> {
    const slot = this.slots.find((s) => s.current === null);
    if (!slot) throw new BatchError('Internal error: no free worker slot');
    let settle!: (o: Outcome) => void;
    const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
    let done = false;
    slot.current = {
      job,
      settle: (o) => {
        if (done) return;
        done = true;
        slot.current = null;
        settle(o);
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
    const timer = setTimeout(() => this.kill(slot, { kind: 'timeout' }), timeoutMs);
    slot.worker!.postMessage({ type: 'job', id: job.index, file: job.file, sha256: job.sha256 } satisfies JobMessage);
    return outcome.finally(() => clearTimeout(timer));
  }

  /**
   * Settles the slot's document with `outcome` and terminates its worker (replaced on next use).
   * Returns whether a running document received `outcome`.
   */
  kill(slot: Slot, outcome: Outcome): boolean {
    const current = slot.current;
    current?.settle(outcome);
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = null;
    if (worker) this.track(worker.terminate());
    return current !== null;
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
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb },
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
        if (msg.type === 'ready' || msg.type === 'result') reportCpu(msg.cpuMs);
        if (msg.type === 'ready') {
          ready = true;
          clearTimeout(startTimer);
          slot.fingerprint = msg.fingerprint;
          resolve();
        } else if (msg.type === 'init-error') {
          clearTimeout(startTimer);
          reject(new BatchError(msg.message));
        } else if (msg.type === 'result' && slot.worker === worker && slot.current?.job.index === msg.id) {
          slot.current.settle({ kind: 'result', result: msg.result, ms: msg.ms, fingerprint: slot.fingerprint! });
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
      ? {
          kind: 'crash',
          code: 'TOO_LARGE',
          message: `The analysis ran out of its ${this.opts.maxOldGenerationSizeMb} MB JavaScript heap and was stopped.`,
        }
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
