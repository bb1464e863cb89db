/**
 * Entry point of one batch worker thread. It builds its analyzer (rules, classifier) once, then takes
 * one document at a time: reads the file itself, refuses files over the byte limit and PDFs whose
 * compressed streams expand past the inflate limits, runs the analyzer, posts the result back.
 *
 * Time and memory are bounded by the parent (run.ts), which terminates this thread when a document
 * takes too long or the process grows too big: nothing here has to be trusted to stop.
 */
import { readFile, stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { Fingerprint } from '../store/cache-key.js';
import type { AnalyzerModule, AnalyzerOptions } from './analyzer.js';
import { checkInflatedSize, formatBytes, type InflateLimits } from './inflate-guard.js';
import { threadCpuMs } from './thread-cpu.js';
import { ioErrorMessage } from '../model/io-error.js';

export interface WorkerData {
  analyzerModule: string;
  analyzerOptions: AnalyzerOptions;
  maxBytes: number;
  inflateLimits: InflateLimits | false;
  /**
   * A PDF whose streams decode to more than this (as the bomb check counts them) is handed back before parsing, to
   * be analysed alone in a process of its own; null in that process (and where nothing is handed back).
   */
  aloneAboveBytes: number | null;
}

export interface JobMessage {
  type: 'job';
  id: number;
  file: string;
  sha256: string;
}

export type WorkerMessage =
  | { type: 'ready'; fingerprint: Fingerprint; cpuMs: number | null }
  | { type: 'init-error'; message: string }
  /** The document is heavy (`decodedBytes` of streams): it is not analysed here but alone (WorkerData.aloneAboveBytes). */
  | { type: 'heavy'; id: number; decodedBytes: number; cpuMs: number | null }
  /**
   * `cpuMs`: this thread's CPU time so far (start-up included), null where it cannot be read; see thread-cpu.ts.
   * `heldBytes`: what this worker's own V8 heap and buffers hold after the document (figures per worker thread).
   */
  | { type: 'result'; id: number; result: import('../model/result.js').DocumentResult; ms: number; cpuMs: number | null; heldBytes: number };

const port = parentPort;
if (!port) throw new Error('batch/worker.js must run in a worker thread');
const data = workerData as WorkerData;

const mod = (await import(data.analyzerModule)) as AnalyzerModule;
const cpuMs = mod.threadCpuMs ?? threadCpuMs;
let analyzer: Awaited<ReturnType<AnalyzerModule['createAnalyzer']>>;
try {
  analyzer = await mod.createAnalyzer(data.analyzerOptions);
  port.postMessage({ type: 'ready', fingerprint: analyzer.fingerprint, cpuMs: cpuMs() } satisfies WorkerMessage);
} catch (err) {
  port.postMessage({ type: 'init-error', message: (err as Error)?.message ?? String(err) } satisfies WorkerMessage);
  port.close();
}

port.on('message', (msg: JobMessage) => {
  if (msg.type !== 'job') return;
  void runJob(msg);
});

async function runJob(job: JobMessage): Promise<void> {
  const t0 = performance.now();
  let result: import('../model/result.js').DocumentResult;
  try {
    const analysed = await analyseFile(job);
    if ('heavy' in analysed) {
      port!.postMessage({ type: 'heavy', id: job.id, decodedBytes: analysed.heavy, cpuMs: cpuMs() } satisfies WorkerMessage);
      return;
    }
    result = analysed;
  } catch (err) {
    // The analyzer promises never to throw for document problems; anything that still escapes is ours.
    result = mod.errorResult(job.file, job.sha256, { code: 'INTERNAL', message: `Internal error: ${(err as Error)?.message ?? String(err)}` });
  }
  port!.postMessage({ type: 'result', id: job.id, result, ms: Math.round(performance.now() - t0), cpuMs: cpuMs(), heldBytes: heldBytes() } satisfies WorkerMessage);
}

/** In a worker thread these figures are the thread's own isolate's, not the process's (unlike `rss`). */
function heldBytes(): number {
  const m = process.memoryUsage();
  return m.heapTotal + m.external;
}

async function analyseFile(job: JobMessage): Promise<import('../model/result.js').DocumentResult | { heavy: number }> {
  const fail = (code: 'TOO_LARGE' | 'INTERNAL', message: string) => mod.errorResult(job.file, job.sha256, { code, message });
  let bytes: Buffer;
  try {
    const st = await stat(job.file);
    if (st.size > data.maxBytes) {
      return fail('TOO_LARGE', `The file is ${formatBytes(st.size)}; the limit is ${formatBytes(data.maxBytes)} (raise it with --max-bytes).`);
    }
    bytes = await readFile(job.file);
  } catch (err) {
    return fail('INTERNAL', ioErrorMessage('read', job.file, err));
  }
  if (data.inflateLimits && bytes.subarray(0, 1024).includes('%PDF-')) {
    const verdict = await checkInflatedSize(bytes, data.inflateLimits);
    if (verdict.tooLarge) return fail('TOO_LARGE', verdict.tooLarge);
    // Within the limits but heavy: parsed here, it could take this process to its bound, and what it leaves behind
    // in this thread's allocator stays in the process after the worker is gone (measured: ~1 GB of 1.4 GB).
    if (data.aloneAboveBytes !== null && verdict.inflatedBytes > data.aloneAboveBytes) return { heavy: verdict.inflatedBytes };
  }
  return analyzer.analyze(job.file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
