/**
 * Turning command-line arguments into the list of documents to analyse, and splitting that list
 * across machines (`--shard k/n`).
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ioErrorMessage } from '../model/io-error.js';

/** Extensions picked up when walking a directory or expanding a glob. Files named explicitly are always kept. */
export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf', '.docx', '.md', '.txt']);

export interface ExpandedInputs {
  /** Files to analyse: deduplicated, sorted by code unit (the same order on every machine and locale). */
  files: string[];
  /** Arguments that named nothing: neither a file, a directory, nor a glob with matches. */
  missing: string[];
  /** Files and folders that exist but could not be read or listed, each as a message naming the path and why. */
  unreadable: string[];
}

const hasInputExtension = (file: string): boolean => INPUT_EXTENSIONS.has(path.extname(file).toLowerCase());

/**
 * Expands files, directories (recursively) and glob patterns.
 *
 * - A file named explicitly is kept whatever its extension (the pipeline reports NOT_PDF if it is not one).
 * - Directories are walked recursively; entries whose name starts with `.` are skipped, symbolic links to
 *   files are followed, symbolic links to directories are not (no cycles).
 * - An argument that does not exist but contains glob syntax is expanded with tinyglobby, relative to the
 *   working directory.
 * - Paths keep the form they were given in (relative stays relative), normalised; duplicates (the same
 *   resolved path reached twice) are kept once.
 */
export async function expandInputs(args: string[]): Promise<ExpandedInputs> {
  const found: string[] = [];
  const missing: string[] = [];
  const unreadable: string[] = [];
  for (const arg of args) {
    let st: Awaited<ReturnType<typeof stat>> | null = null;
    try {
      st = await stat(arg);
    } catch (err) {
      // Only "not there" means missing (or a glob); a folder we may not enter, or a failing disk, is said as it is.
      const code = (err as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        unreadable.push(ioErrorMessage('read', arg, err));
        continue;
      }
    }
    if (st?.isFile()) {
      found.push(path.normalize(arg));
    } else if (st?.isDirectory()) {
      await walk(path.normalize(arg), found, unreadable);
    } else if (isDynamicPattern(arg)) {
      const matches = await glob(arg.replace(/\\/g, '/'), { onlyFiles: true, dot: false, expandDirectories: false });
      const kept = matches.filter(hasInputExtension).map((m) => path.normalize(m));
      if (kept.length === 0) missing.push(arg);
      found.push(...kept);
    } else {
      missing.push(arg);
    }
  }
  const seen = new Set<string>();
  const files: string[] = [];
  for (const file of found.sort(compareCodeUnits)) {
    const key = path.resolve(file);
    if (seen.has(key)) continue;
    seen.add(key);
    files.push(file);
  }
  return { files, missing, unreadable };
}

async function walk(dir: string, out: string[], unreadable: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    unreadable.push(ioErrorMessage('list', dir, err));
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(full, out, unreadable);
    } else if (entry.isFile()) {
      if (hasInputExtension(full)) out.push(full);
    } else if (entry.isSymbolicLink()) {
      const target = await stat(full).catch(() => null);
      if (target?.isFile() && hasInputExtension(full)) out.push(full);
    }
  }
}

/** Locale-independent ordering (UTF-16 code units), so every machine sorts an archive the same way. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Parses `k/n` (1 ≤ k ≤ n). Returns an error message instead of throwing, for the CLI to print.
 */
export function parseShard(spec: string): { k: number; n: number } | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) return { error: `Expected --shard as k/n (e.g. 2/8), got "${spec}"` };
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) return { error: `Expected --shard k/n with 1 ≤ k ≤ n, got "${spec}"` };
  return { k, n };
}

/** Set by Kubernetes in each pod of an Indexed Job: the pod's index, counted from 0. */
export const SHARD_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** The number of shards for `--shard auto`, where `--shard-count` is not given (Kubernetes does not export it). */
export const SHARD_COUNT_ENV = 'VERKSTAD_SHARD_COUNT';

/**
 * `--shard` as given: `k/n`, or `auto`, which takes the shard from the environment of a Kubernetes Indexed Job, so
 * that one container image, one command, runs every shard: the index from JOB_COMPLETION_INDEX (0-based: pod 0 is
 * shard 1/n), the count from `count` (`--shard-count`) or else VERKSTAD_SHARD_COUNT. Returns an error message for
 * the CLI to print, never throws.
 */
export function resolveShard(spec: string, env: Readonly<Record<string, string | undefined>>, count?: string): { k: number; n: number } | { error: string } {
  if (spec.trim() !== 'auto') {
    if (count !== undefined) return { error: `--shard-count goes with --shard auto; with --shard k/n the count is n (got --shard "${spec}")` };
    return parseShard(spec);
  }
  const index = env[SHARD_INDEX_ENV];
  if (index === undefined || index.trim() === '') {
    return {
      error:
        `--shard auto reads the shard from ${SHARD_INDEX_ENV}, which a Kubernetes Indexed Job sets in each pod, ` +
        'but it is not set here: give --shard k/n instead (k counts from 1)',
    };
  }
  if (!/^\d+$/.test(index.trim())) return { error: `Expected ${SHARD_INDEX_ENV} to be a whole number from 0, got "${index}"` };
  const countText = count ?? env[SHARD_COUNT_ENV];
  const from = count !== undefined ? '--shard-count' : SHARD_COUNT_ENV;
  if (countText === undefined || countText.trim() === '') {
    return {
      error:
        `--shard auto needs the number of shards: give --shard-count N or set ${SHARD_COUNT_ENV} ` +
        "(the Job's completions; Kubernetes does not pass it to the pod)",
    };
  }
  if (!/^\d+$/.test(countText.trim()) || Number(countText) < 1) return { error: `Expected ${from} to be a whole number greater than 0, got "${countText}"` };
  const k = Number(index) + 1;
  const n = Number(countText);
  if (k > n) return { error: `${SHARD_INDEX_ENV} is ${index} (counted from 0), but ${from} says there are only ${n} shard(s)` };
  return { k, n };
}

/**
 * The files of shard `k` of `n` (k counts from 1): a file belongs to shard
 * `(first 48 bits of sha256(path relative to the working directory, with forward slashes)) mod n + 1`.
 *
 * The assignment depends only on the path, not on the other files or their order, so shards computed on
 * different machines are disjoint and together cover every file, as long as every machine runs from the
 * same working directory with the same arguments (e.g. a checkout of the archive at the same place).
 * Adding files to the archive does not move the existing ones between shards.
 */
export function shard(files: readonly string[], k: number, n: number, cwd: string = process.cwd()): string[] {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 1 || k > n) {
    throw new RangeError(`Expected shard k/n with 1 ≤ k ≤ n, got ${k}/${n}`);
  }
  return files.filter((file) => shardOf(file, n, cwd) === k);
}

/** The shard (1..n) that `file` belongs to; see `shard`. */
export function shardOf(file: string, n: number, cwd: string = process.cwd()): number {
  const rel = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  const digest = createHash('sha256').update(rel, 'utf8').digest();
  return (digest.readUIntBE(0, 6) % n) + 1;
}
