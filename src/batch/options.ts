/** What a batch is asked (BatchOptions), what it tells about each document and the whole run, and its defaults. */
import os from 'node:os';
import { LIMITS } from '../limits.js';
import type { DocumentErrorCode } from '../model/errors.js';
import type { DocumentResult } from '../model/result.js';
import type { RecordedLimits } from '../store/cache-key.js';
import type { Store } from '../store/sqlite.js';
import type { AnalyzerOptions } from './analyzer.js';
import { inflateLimitsFor, type InflateLimits } from './inflate-guard.js';
import type { BatchProgress } from './progress.js';
import { residentSets, wallClockDeadline, type DeadlineTimer, type MemoryMeter } from './test-hooks.js';

export interface BatchOptions {
  /** Worker threads, one document each. Default: available parallelism. */
  jobs?: number;
  /** Wall time per document, from the moment its worker starts on it. Default LIMITS.timeoutMs (60 s). */
  timeoutMs?: number;
  /**
   * The memory bound, in MB, on a document analysed alone in a process of its own, and on the batch process as a
   * whole (past it the documents running are re-run alone). Default LIMITS.memoryMb (1536).
   */
  memoryMb?: number;
  /**
   * V8 heap limit of each worker in MB (a second bound, for runaway JavaScript). Default: memoryMb / jobs in the
   * batch process, memoryMb for a document alone (each 256..4096); running out of it in the batch process is a
   * reason to re-run the document alone, where the verdict is made.
   */
  heapMb?: number;
  /** Documents with more pages are TOO_LARGE. Default LIMITS.maxPages (2000). */
  maxPages?: number;
  /** Files larger than this are TOO_LARGE without being read. Default LIMITS.maxBytes (200 MB). */
  maxBytes?: number;
  /** Decompression-bomb guard run on PDFs before parsing; false turns it off. */
  inflateLimits?: InflateLimits | false;
  rulesDir?: string;
  configPath?: string;
  /** Force the document language instead of detecting it. */
  language?: 'sv' | 'en';
  /** Where drawn statuses are read: the pages whose text can hold goals (default), or all pages. */
  marks?: 'auto' | 'all';
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
  /** What the memory bound is checked against. Default: resident sets. Tests pass a meter they control (test-hooks.ts). */
  memoryMeter?: MemoryMeter;
  /** Starts each document's time limit. Default: the wall clock. Tests pass a clock they move (test-hooks.ts). */
  deadlineTimer?: DeadlineTimer;
}

export interface ResultInfo {
  /** Taken from the store (or from an identical file earlier in this batch) without analysis. */
  cached: boolean;
  /** Wall time of the analysis in the worker (0 when cached). */
  ms: number;
  /**
   * The document was analysed alone, in a process of its own: the batch process went past the memory bound while
   * it ran (or before it started), it ran out of heap, or it ran out of time with other documents beside it.
   */
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
  /** Highest RSS the watchdog saw (the batch process, workers included, and any process of one document), in MB. */
  peakRssMb: number;
  /** Documents analysed alone in a process of their own (see ResultInfo.rerunAlone). */
  rerunAlone: number;
  /** Worker threads started in the batch process (the initial ones and every replacement). */
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

/** The options with every default filled in, as the scheduler, the pool and the watchdog use them. */
export interface Settings {
  jobs: number;
  timeoutMs: number;
  memoryMb: number;
  /** One V8 heap per worker of the batch process; RSS as a whole is the watchdog's business. */
  heapMb: number;
  /** The V8 heap of the worker a document is analysed alone in: a function of the limits only, never of `jobs`. */
  aloneHeapMb: number;
  /** A worker holding more than this after a document (its own heap and buffers) is replaced before the next. */
  retireAboveBytes: number;
  /** A PDF whose streams decode to more than this is analysed alone from the start (null: the bomb check is off). */
  aloneAboveBytes: number | null;
  /** The bounds a result is produced under, stored with it (a TIMEOUT or TOO_LARGE is redone under other bounds). */
  limits: RecordedLimits;
  analyzerHref: string;
  analyzerOptions: AnalyzerOptions;
  inflateLimits: InflateLimits | false;
  workerOutput: 'discard' | 'stderr';
  watchdogIntervalMs: number;
  memoryMeter: MemoryMeter;
  deadlineTimer: DeadlineTimer;
}

export function settingsOf(opts: BatchOptions): Settings {
  const jobs = Math.max(1, Math.floor(opts.jobs ?? os.availableParallelism()));
  const memoryMb = opts.memoryMb ?? LIMITS.memoryMb;
  const heap = (mb: number) => Math.min(4096, Math.max(256, Math.floor(mb)));
  const aloneHeapMb = opts.heapMb ?? heap(memoryMb);
  const inflateLimits = opts.inflateLimits === undefined ? inflateLimitsFor(memoryMb) : opts.inflateLimits;
  const limits: RecordedLimits = {
    timeoutMs: opts.timeoutMs ?? LIMITS.timeoutMs,
    memoryMb,
    maxBytes: opts.maxBytes ?? LIMITS.maxBytes,
    maxPages: opts.maxPages ?? LIMITS.maxPages,
    heapMb: aloneHeapMb,
    inflate: inflateLimits && { perStreamBytes: inflateLimits.perStreamBytes, totalBytes: inflateLimits.totalBytes },
  };
  return {
    jobs,
    timeoutMs: limits.timeoutMs,
    memoryMb,
    heapMb: opts.heapMb ?? heap(memoryMb / jobs),
    aloneHeapMb,
    // A quarter of the bound: a worker that still holds that much would take the batch process near the bound
    // with the next document, which would then be stopped and re-run alone for memory that is not its own.
    retireAboveBytes: (memoryMb * 1024 ** 2) / 4,
    // The same quarter, for what a PDF's streams decode to: pdfjs holds a decoded image (as RGBA, up to 4 times its
    // data) for the rest of its page, so such a document may well take the process past the bound.
    aloneAboveBytes: inflateLimits ? (memoryMb * 1024 ** 2) / 4 : null,
    limits,
    analyzerHref: String(opts.analyzerModule ?? new URL('./analyzer.js', import.meta.url)),
    analyzerOptions: {
      rulesDir: opts.rulesDir,
      configPath: opts.configPath,
      maxPages: limits.maxPages,
      ...(opts.language ? { language: opts.language } : {}),
      ...(opts.marks === 'all' ? { marks: opts.marks } : {}),
    },
    inflateLimits,
    workerOutput: opts.workerOutput ?? 'discard',
    watchdogIntervalMs: opts.watchdogIntervalMs ?? 100,
    memoryMeter: opts.memoryMeter ?? residentSets,
    deadlineTimer: opts.deadlineTimer ?? wallClockDeadline,
  };
}

export function emptyStats(documents: number): BatchStats {
  return {
    documents,
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
}
