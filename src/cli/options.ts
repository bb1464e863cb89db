/** The options several commands share, their defaults (from src/limits.ts) and how a number is read from argv. */
import os from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseShard } from '../io/inputs.js';
import { LIMITS } from '../limits.js';

/** `--rules`, `--config`, `--lang`, `--marks`: what the context of an analysis is loaded from. */
export interface ContextFlags {
  rules?: string;
  config?: string;
  lang?: 'sv' | 'en' | 'auto';
  marks?: 'auto' | 'all';
}

export function withContextFlags(command: Command): Command {
  return command
    .option('--rules <dir>', 'rules folder (default: the rules shipped with verkstad)')
    .option('--config <file>', 'configuration file (default: verkstad.config.yaml, or "verkstad" in package.json)')
    .addOption(new Option('--lang <lang>', 'document language').choices(['sv', 'en', 'auto']).default('auto'))
    .addOption(
      new Option('--marks <where>', 'read drawn statuses (shapes, icons, cell fills) on the pages whose text can hold goals, or on all pages')
        .choices(['auto', 'all'])
        .default('auto'),
    );
}

/** A forced language, or undefined to detect it. */
export const forcedLanguage = (lang: ContextFlags['lang']): 'sv' | 'en' | undefined => (lang === 'sv' || lang === 'en' ? lang : undefined);

/** `--jobs`, `--timeout`, `--max-pages`: what every batch of documents is bounded by. */
export interface BatchFlags {
  jobs: number;
  /** Seconds. */
  timeout: number;
  maxPages: number;
}

/**
 * The ranges of the numeric options, checked when the command line is read (a usage error, exit 2): a value
 * outside them is a typo or a misunderstanding, never a setting that works.
 */
export const RANGES = {
  // A worker holds ~100 MB before its first page; past a few hundred the machine runs out before the archive.
  jobs: { min: 1, max: 256 },
  // A day: anything longer is no limit at all.
  timeoutSeconds: { min: 1, max: 86_400 },
  maxPages: { min: 1, max: 1_000_000 },
  // Below ~150 MB not even the analysis's own start fits; 1 TB is past any machine this runs on.
  memoryMb: { min: 128, max: 1_048_576 },
  // Node reads a file into one buffer of at most 2 GiB.
  maxBytesMb: { min: 1, max: 2047 },
} as const;

export function withBatchFlags(command: Command, jobsHelp: string): Command {
  return command
    .option('-j, --jobs <n>', jobsHelp, wholeNumber(RANGES.jobs), defaultJobs())
    .option('--timeout <seconds>', 'time limit per document', wholeNumber(RANGES.timeoutSeconds), LIMITS.timeoutMs / 1000)
    .option('--max-pages <n>', 'refuse documents claiming more pages', wholeNumber(RANGES.maxPages), LIMITS.maxPages);
}

/** Worker threads: one per core, at most 8 (a worker holds ~100 MB before its first page). */
function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

/**
 * A reader of whole numbers from `min` to `max` for commander: anything else (`abc`, `1.5`, `0`, `-5`, `1e3`, an
 * empty string) is a usage error that names what was expected and what was given.
 */
export function wholeNumber(range: { min: number; max: number }): (value: string) => number {
  return (value: string) => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
      throw new InvalidArgumentError(`Expected a whole number from ${range.min} to ${range.max}, got "${value}".`);
    }
    return n;
  };
}

/** `--shard k/n`, read when the command line is; `auto` is resolved later, from the environment. */
export function shardSpec(value: string): { k: number; n: number } | 'auto' {
  if (value.trim() === 'auto') return 'auto';
  const spec = parseShard(value);
  if ('error' in spec) throw new InvalidArgumentError(`${spec.error}.`);
  return spec;
}

/** `--pages 3,5-7`: page ranges, each `a` or `a-b` with 1 ≤ a ≤ b. */
export function pageRanges(value: string): [number, number][] {
  const ranges = value.split(',').map((part) => /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part));
  const out: [number, number][] = [];
  for (const m of ranges) {
    const a = m ? Number(m[1]) : NaN;
    const b = m?.[2] !== undefined ? Number(m[2]) : a;
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 1 || b < a) {
      throw new InvalidArgumentError(`Expected pages as a list of numbers and ranges such as 3,5-7 (from 1, each range low-high), got "${value}".`);
    }
    out.push([a, b]);
  }
  return out;
}
