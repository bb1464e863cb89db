/** The options several commands share, their defaults (from src/limits.ts) and how a number is read from argv. */
import os from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
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

export function withBatchFlags(command: Command, jobsHelp: string): Command {
  return command
    .option('-j, --jobs <n>', jobsHelp, positiveNumber, defaultJobs())
    .option('--timeout <seconds>', 'time limit per document', positiveNumber, LIMITS.timeoutMs / 1000)
    .option('--max-pages <n>', 'refuse documents claiming more pages', positiveNumber, LIMITS.maxPages);
}

/** Worker threads: one per core, at most 8 (a worker holds ~100 MB before its first page). */
function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

/** Reads a number greater than zero, or tells commander the argument is invalid (a usage error, exit 2). */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`Expected a number greater than 0, got "${value}".`);
  return n;
}
