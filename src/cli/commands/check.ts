import { Option, type Command } from 'commander';
import { toAnalysis } from '../../archive/analysis.js';
import { writeFileAtomic } from '../../io/atomic.js';
import type { Level } from '../../model/result.js';
import { format } from '../../report/index.js';
import { collectOrExit, inputsOrExit, jobsFor } from '../archive-run.js';
import { colourOK, contextOrFail, out } from '../console.js';
import { exitCodeFor } from '../exit.js';
import { forcedLanguage, withBatchFlags, withContextFlags, type BatchFlags, type ContextFlags } from '../options.js';

const CHECK_FORMATS = ['text', 'sarif', 'github', 'json'] as const;

interface CheckOptions extends ContextFlags, BatchFlags {
  format: (typeof CHECK_FORMATS)[number];
  failOn: Level;
  out?: string;
  why?: boolean;
}

export function registerCheck(program: Command): void {
  const command = program
    .command('check')
    .description('CI check of one or more reports: exit 1 when a flag is at or above --fail-on')
    .argument('<inputs...>', 'files, directories or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 at or above this level').choices(['error', 'warning', 'note']).default('warning'))
    .option('-o, --out <file>', 'also write the output to this file')
    .option('--why', 'show the reasons behind labels and statuses');
  withBatchFlags(command, 'documents checked in parallel');
  withContextFlags(command).action(check);
}

async function check(inputs: string[], opts: CheckOptions): Promise<void> {
  const files = await inputsOrExit(inputs);
  await contextOrFail(opts); // rules and config errors first, with their file:line
  const { digest, documents } = await collectOrExit(files, {
    jobs: jobsFor(opts.jobs, files.length),
    timeoutMs: opts.timeout * 1000,
    maxPages: opts.maxPages,
    rulesDir: opts.rules,
    configPath: opts.config,
    language: forcedLanguage(opts.lang),
    marks: opts.marks,
    quiet: true,
  });
  const text = format(opts.format, toAnalysis([...documents]), { colour: colourOK() && !opts.out, why: Boolean(opts.why) });
  out(text);
  if (opts.out) await writeFileAtomic(opts.out, text);
  // Writing to --out never turns a failing check green.
  process.exitCode = exitCodeFor(digest, opts.failOn);
}
