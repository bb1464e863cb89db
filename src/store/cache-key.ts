import { createHash } from 'node:crypto';

/** Versions and hashes that decide whether a stored result is still valid. */
export interface Fingerprint {
  /** verkstad's version. */
  tool: string;
  /** sha256 over the rule files. */
  rules: string;
  /** Hash of the classifier model. */
  model: string;
  /** Hash of anything else that changes results (assessment config, forced language). */
  config?: string;
}

/**
 * The cache key of one document: sha256 over the file's sha256, the tool version, the rules hash, the
 * model hash and the config hash. A stored result is reused only when all of them are the same.
 */
export function cacheKeyFor(fileSha256: string, fp: Fingerprint): string {
  return createHash('sha256')
    .update(['verkstad-cache-v1', fileSha256, fp.tool, fp.rules, fp.model, fp.config ?? ''].join('\0'))
    .digest('hex');
}

/**
 * The bounds a result was produced under, stored with it (`documents.limits_json`). A TIMEOUT or TOO_LARGE result
 * is a verdict about the bounds as much as about the document (and its message names them), so it is reused only
 * under exactly these bounds: a rerun with any other redoes it.
 */
export interface RecordedLimits {
  timeoutMs: number;
  memoryMb: number;
  maxBytes: number;
  maxPages: number;
  /** The V8 heap of the worker a document is analysed alone in (the bound an out-of-heap verdict is made under). */
  heapMb: number;
  /** The decompression-bomb check's limits, or false when it was off. */
  inflate: { perStreamBytes: number; totalBytes: number } | false;
}

/** A stored TIMEOUT / TOO_LARGE still stands: it was made under the very bounds of this run. */
export function boundedFailureStillHolds(stored: Partial<RecordedLimits> | null, now: RecordedLimits | undefined): boolean {
  if (!now) return true;
  if (!stored) return false;
  return canonical(stored) === canonical(now);
}

/**
 * A result that stayed under its bounds does not depend on them, except where the bound is a plain fact of the
 * document that this run would refuse: more pages than `maxPages`, more bytes than `maxBytes`.
 */
export function resultWithinLimits(pages: number, bytes: number | undefined, now: RecordedLimits | undefined): boolean {
  if (!now) return true;
  return pages <= now.maxPages && (bytes === undefined || bytes <= now.maxBytes);
}

/** The limits as JSON with their keys in one order, for comparing (and what `limits_json` holds). */
export function canonical(limits: Partial<RecordedLimits>): string {
  const keys = Object.keys(limits).sort() as (keyof RecordedLimits)[];
  return JSON.stringify(keys.map((k) => [k, limits[k]]));
}
