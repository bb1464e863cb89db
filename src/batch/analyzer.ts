/**
 * What a batch worker runs on one document, behind a small seam: the default analyzer is the pipeline
 * with its context; tests and benchmarks pass another module (`runBatch({ analyzerModule })`) to make
 * documents slow, greedy or crashing on purpose without touching the pipeline.
 *
 * An analyzer module exports `createAnalyzer` and `errorResult` with the signatures below.
 */
import { createHash } from 'node:crypto';
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
}

export async function createAnalyzer(opts: AnalyzerOptions): Promise<Analyzer> {
  const ctx = await createContext(opts);
  // The assessment config and a forced language change results too, so they are part of the cache key.
  const config = createHash('sha256')
    .update(JSON.stringify({ config: ctx.config, language: ctx.language ?? null }))
    .digest('hex')
    .slice(0, 16);
  return {
    fingerprint: { ...contextFingerprint(ctx), config },
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

/** The module URL of the default analyzer (this file, compiled), for workers to import. */
export const DEFAULT_ANALYZER_MODULE: string = import.meta.url;
