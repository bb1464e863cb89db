/**
 * What a batch worker runs on one document, behind a small seam: the default analyzer is the pipeline
 * with its context; tests and benchmarks pass another module (`runBatch({ analyzerModule })`) to make
 * documents slow, greedy or crashing on purpose without touching the pipeline.
 *
 * An analyzer module exports `createAnalyzer` and `errorResult` with the signatures below.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contextFingerprint, createContext } from '../context.js';
import type { DocumentErrorCode } from '../model/errors.js';
import type { DocumentResult } from '../model/result.js';
import { analyzeBytes, errorResult as pipelineErrorResult } from '../pipeline.js';

export interface AnalyzerOptions {
  rulesDir?: string;
  configPath?: string;
  maxPages?: number;
  /** Force the document language instead of detecting it. */
  language?: 'sv' | 'en';
  /** Read drawn statuses on every page (`all`), not only where the text says goals can be. */
  marks?: 'auto' | 'all';
}

export type { Fingerprint } from '../store/cache-key.js';
import type { Fingerprint } from '../store/cache-key.js';

export interface Analyzer {
  fingerprint: Fingerprint;
  /** Never throws for problems of the document: they become `result.error`. */
  analyze(file: string, bytes: Uint8Array): Promise<DocumentResult>;
}

export interface AnalyzerModule {
  createAnalyzer(opts: AnalyzerOptions): Promise<Analyzer>;
  errorResult(file: string, sha256: string, failure: { code: DocumentErrorCode; message: string }, pages?: number): DocumentResult;
  /**
   * This thread's CPU time in ms so far, or null where it cannot be read. Optional: the default reads Linux's
   * per-thread clock (thread-cpu.ts); a test's analyzer reports figures it chose, so that sums can be checked exactly.
   */
  threadCpuMs?(): number | null;
}

export async function createAnalyzer(opts: AnalyzerOptions): Promise<Analyzer> {
  const ctx = await createContext(opts);
  // The assessment config, a forced language and marks on all pages change results too, so they are part of the
  // cache key (`marks` only when it is not the default, so that stored results keep their key).
  const config = createHash('sha256')
    .update(JSON.stringify({ config: ctx.config, language: ctx.language ?? null, ...(opts.marks === 'all' ? { marks: 'all' } : {}) }))
    .digest('hex')
    .slice(0, 16);
  const fp = contextFingerprint(ctx);
  return {
    fingerprint: { ...fp, tool: `${fp.tool}+${codeHash()}`, config },
    analyze: (file, bytes) => analyzeBytes(file, bytes, ctx),
  };
}

export function errorResult(
  file: string,
  sha256: string,
  failure: { code: DocumentErrorCode; message: string },
  pages = 0,
): DocumentResult {
  return pipelineErrorResult(file, sha256, failure, pages);
}

/** Compiled directories whose code does not change a document's result. */
const NOT_ANALYSIS = new Set(['cli', 'archive', 'batch', 'store', 'report']);

/**
 * A hash of the compiled analysis code (every .js file of the package's dist/ except the CLI, archive, batch,
 * store and report layers). The version number alone misses code changed without a release, e.g. while
 * developing rules kinds or the classifier: with this in the cache key a rebuilt pipeline re-analyses.
 */
export function codeHash(): string {
  // Not cached: each batch (and each worker) hashes the code as it is now, ~10 ms.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  const walk = (dir: string, top: boolean): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(top && NOT_ANALYSIS.has(entry.name))) walk(full, false);
      } else if (entry.name.endsWith('.js')) {
        hash.update(path.relative(root, full)).update('\0').update(readFileSync(full)).update('\0');
      }
    }
  };
  walk(root, true);
  return hash.digest('hex').slice(0, 12);
}

/** The module URL of the default analyzer (this file, compiled), for workers to import. */
export const DEFAULT_ANALYZER_MODULE: string = import.meta.url;
