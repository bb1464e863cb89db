/**
 * The scheduler: takes the documents in input order through p-queue, answers what it can from the store (or from
 * a copy of the same content earlier in the batch), sends the rest to the pool, stores each result as it arrives,
 * and makes sure that every stored verdict is the document's own, whatever ran before or beside it.
 *
 * A verdict made in the batch process can depend on its neighbours in three ways, and each sends the document to
 * be analysed again alone, in a process of its own (alone.ts), with nothing else of the batch running:
 * - the batch process went past the memory bound while it ran, or was past it before it could start (its
 *   neighbours', or memory an earlier document left behind, count in that process's resident set);
 * - its worker ran out of heap (the heap of a batch worker is a share of the bound that depends on `jobs`);
 * - (before it is parsed) its streams decode to more than a quarter of the bound: it could take the batch process
 *   there, and the memory it leaves behind in the batch process would be blamed on the next documents;
 * - it ran out of time while other documents ran beside it and took part of the machine.
 * Only what happens alone is stored. The pool runs documents, the watchdog reads memory; the decisions are made here.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import PQueue from 'p-queue';
import type { DocumentErrorCode } from '../model/errors.js';
import type { DocumentResult } from '../model/result.js';
import { cacheKeyFor, type Fingerprint } from '../store/cache-key.js';
import type { AnalyzerModule } from './analyzer.js';
import { ioErrorMessage } from '../model/io-error.js';
import { AloneRun } from './alone.js';
import { BatchAbortedError, BatchError } from './errors.js';
import { emptyStats, settingsOf, type BatchOptions, type BatchStats, type ResultInfo, type Settings } from './options.js';
import { Pool, type Job, type Outcome } from './pool.js';
import { Watchdog } from './watchdog.js';

type Analysed = { result: DocumentResult | null; ms: number; rerunAlone: boolean; fingerprint?: Fingerprint };

export class Batch {
  private readonly settings: Settings;
  private readonly results: (DocumentResult | undefined)[];
  private readonly queue: PQueue;
  private readonly pool: Pool;
  private readonly watchdog: Watchdog;
  private readonly started = performance.now();
  private readonly stats: BatchStats;
  private readonly inflight = new Map<string, Promise<DocumentResult | null>>();
  private module: AnalyzerModule | null = null;
  private fingerprint: Fingerprint | null = null;
  private aborted = false;
  private done = 0;
  private fatal: unknown = null;
  /** Documents waiting to be analysed alone, or being analysed alone. While > 0 nothing else starts. */
  private isolating = 0;
  private isolationChain: Promise<unknown> = Promise.resolve();
  /** The document being analysed alone right now. */
  private alone: AloneRun | null = null;

  constructor(
    private readonly files: readonly string[],
    private readonly opts: BatchOptions,
  ) {
    const settings = (this.settings = settingsOf(opts));
    this.results = new Array(files.length);
    this.queue = new PQueue({ concurrency: settings.jobs });
    this.stats = emptyStats(files.length);
    this.pool = new Pool(settings.jobs, {
      workerData: {
        analyzerModule: settings.analyzerHref,
        analyzerOptions: settings.analyzerOptions,
        maxBytes: settings.limits.maxBytes,
        inflateLimits: settings.inflateLimits,
        aloneAboveBytes: settings.aloneAboveBytes,
      },
      maxOldGenerationSizeMb: settings.heapMb,
      output: settings.workerOutput,
      deadlineTimer: settings.deadlineTimer,
      retireAboveBytes: settings.retireAboveBytes,
      onSpawn: () => this.stats.workersStarted++,
      onCpu: (ms) => {
        const s = this.stats;
        s.workerCpuMs = ms === null || s.workerCpuMs === null ? null : s.workerCpuMs + ms;
      },
    });
    this.watchdog = new Watchdog(this.pool, {
      memoryMb: settings.memoryMb,
      intervalMs: settings.watchdogIntervalMs,
      meter: settings.memoryMeter,
      onSuspects: (n) => this.enterIsolation(n),
    });
  }

  async run(): Promise<{ results: DocumentResult[]; stats: BatchStats }> {
    const { signal } = this.opts;
    if (signal?.aborted) throw new BatchAbortedError(0, this.files.length);
    const onAbort = () => this.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    this.watchdog.start();
    try {
      this.module = (await import(this.settings.analyzerHref)) as AnalyzerModule;
      if (this.opts.store) {
        // The main thread needs the fingerprint for the cache key before any worker exists,
        // so that a fully stored archive is answered without starting one.
        const analyzer = await this.module.createAnalyzer(this.settings.analyzerOptions);
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
      this.watchdog.stop();
      signal?.removeEventListener('abort', onAbort);
      await this.pool.close();
      this.stats.elapsedMs = Math.round(performance.now() - this.started);
      this.watchdog.sample();
      this.stats.peakRssMb = this.watchdog.peakRssMb;
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
    this.alone?.kill({ kind: 'aborted' });
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
    let bytes: number;
    try {
      ({ sha256, bytes } = await hashFile(file));
    } catch (err) {
      // Not a document problem the pipeline could name: the file vanished or cannot be read.
      const result = mod.errorResult(file, '', { code: 'INTERNAL', message: ioErrorMessage('read', file, err) });
      this.finish(index, result, { cached: false, ms: 0, rerunAlone: false, stored: false }, false);
      return;
    }
    if (this.aborted) return;
    const store = this.opts.store;
    const cacheKey = this.fingerprint ? cacheKeyFor(sha256, this.fingerprint) : '';
    if (store && this.fingerprint) {
      const hit = store.lookup(sha256, cacheKey, file, this.settings.limits, bytes);
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
      const stored = this.store(result, sha256, cacheKey, produced, ms);
      settle(result);
      this.finish(index, result, { cached: false, ms, rerunAlone, stored }, true);
    } finally {
      settle(null);
      // Once stored, a later copy of the same content is answered by the store: the batch need not hold it.
      if (store && this.fingerprint) this.inflight.delete(sha256);
    }
  }

  /** Writes an analysed result to the store, if there is one; returns whether it did. */
  private store(result: DocumentResult, sha256: string, cacheKey: string, produced: Fingerprint | undefined, ms: number): boolean {
    const store = this.opts.store;
    if (!store || !this.fingerprint) return false;
    // Keyed by what the worker actually analysed with: if the rules changed on disk and a replacement
    // worker loaded the new ones, its results must not be stored under the old rules' key.
    const fingerprint = produced ?? this.fingerprint;
    const key = produced ? cacheKeyFor(sha256, produced) : cacheKey;
    store.put(result, key, { fingerprint, limits: this.settings.limits, ms });
    return true;
  }

  /** Runs one document in a worker of the batch process, and alone in a process of its own where that is needed. */
  private async analyse(job: Job): Promise<Analysed> {
    const { timeoutMs, memoryMb } = this.settings;
    let rerunAlone = this.isolating > 0 || this.watchdog.batchOverBound();
    let outcome: Outcome = rerunAlone ? await this.runAlone(job, false) : await this.pool.run(job, timeoutMs);
    if (!rerunAlone && needsAlone(outcome)) {
      // A suspect was counted into `isolating` by the watchdog already (so that nothing new started meanwhile).
      rerunAlone = true;
      outcome = await this.runAlone(job, outcome.kind === 'suspect');
    }
    if (rerunAlone) this.stats.rerunAlone++;
    const mod = this.module!;
    const fail = (code: DocumentErrorCode, message: string, ms = 0): Analysed => ({
      result: mod.errorResult(job.file, job.sha256, { code, message }),
      ms,
      rerunAlone,
    });
    switch (outcome.kind) {
      case 'result':
        return { result: outcome.result, ms: outcome.ms, rerunAlone, fingerprint: outcome.fingerprint };
      case 'aborted':
        return { result: null, ms: 0, rerunAlone };
      case 'timeout':
        return fail('TIMEOUT', `The analysis did not finish within the ${formatSeconds(timeoutMs)} time limit per document (raise it with --timeout).`, timeoutMs);
      case 'memory':
        return fail(
          'TOO_LARGE',
          `Analysed alone, in a process of its own, this document took that process past the ${memoryMb} MB memory bound; ` +
            'the analysis was stopped (raise the bound with --memory).',
        );
      case 'heap':
        return fail('TOO_LARGE', `Analysed alone, the document ran the analysis out of its ${outcome.heapMb} MB JavaScript heap (raise the bound with --memory).`);
      case 'crash':
        return fail(outcome.code, outcome.message);
      case 'suspect':
      case 'heavy':
        // A run alone never answers these: the batch process's reading stops only documents running in it, and
        // the worker of a process of its own analyses a heavy document.
        return fail('INTERNAL', `Internal error: a document analysed alone came back as ${outcome.kind}.`);
    }
  }

  /**
   * Runs `job` alone, in a process of its own, with nothing else of this batch running: runs alone are chained
   * one after another, the queue stays paused (concurrency 1) until the last of them is done, and each starts once
   * the documents still running in the pool have finished and every stopped worker has exited.
   */
  private runAlone(job: Job, alreadyCounted: boolean): Promise<Outcome> {
    if (!alreadyCounted) this.enterIsolation(1);
    const run = this.isolationChain.then(async (): Promise<Outcome> => {
      if (this.aborted) return { kind: 'aborted' };
      await this.pool.idle();
      if (this.aborted) return { kind: 'aborted' };
      const s = this.settings;
      const alone = (this.alone = new AloneRun(job, {
        workerData: { ...this.pool.workerData, aloneAboveBytes: null },
        heapMb: s.aloneHeapMb,
        timeoutMs: s.timeoutMs,
        output: s.workerOutput,
        reportIntervalMs: s.watchdogIntervalMs,
        deadlineTimer: s.deadlineTimer,
      }));
      const unwatch = this.watchdog.watch(alone);
      try {
        return await alone.outcome;
      } finally {
        unwatch();
        this.alone = null;
        await alone.exited();
      }
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
      this.queue.concurrency = this.settings.jobs;
      this.queue.start();
    }
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

/** sha256 and size of a file, streamed (never the whole file in memory). */
async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** The outcome in the batch process may owe something to the documents beside or before it. */
function needsAlone(outcome: Outcome): boolean {
  return outcome.kind === 'suspect' || outcome.kind === 'heavy' || outcome.kind === 'heap' || (outcome.kind === 'timeout' && outcome.shared);
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
