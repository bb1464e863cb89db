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
 * The bounds a result was produced under. A TIMEOUT or TOO_LARGE result is a verdict about the bounds as
 * much as about the document, so it is reused only when no bound is more generous now than it was then.
 */
export interface RecordedLimits {
  timeoutMs: number;
  memoryMb: number;
  maxBytes: number;
  maxPages: number;
}

export function boundedFailureStillHolds(stored: Partial<RecordedLimits> | null, now: RecordedLimits | undefined): boolean {
  if (!now) return true;
  if (!stored) return false;
  return (Object.keys(now) as (keyof RecordedLimits)[]).every((k) => stored[k] !== undefined && now[k] <= stored[k]!);
}
