/**
 * What a batch worker runs on one document, behind a small seam: the default analyzer is the pipeline
 * with its context; tests and benchmarks pass another module (`runBatch({ analyzerModule })`) to make
 * documents slow, greedy or crashing on purpose without touching the pipeline.
 *
 * An analyzer module exports `createAnalyzer` and `errorResult` with the signatures below.
 */
import { contextFingerprint, createContext } from '../context.js';
import type { DocumentErrorCode } from '../model/errors.js';
import type { DocumentResult } from '../model/result.js';
import { analyzeBytes, errorResult as pipelineErrorResult } from '../pipeline.js';

export interface AnalyzerOptions {
  rulesDir?: string;
  configPath?: string;
  maxPages?: number;
}

/** Versions and hashes that decide whether a stored result is still valid (part of the cache key). */
export interface Fingerprint {
  tool: string;
  rules: string;
  model: string;
}

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
  return {
    fingerprint: contextFingerprint(ctx),
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
