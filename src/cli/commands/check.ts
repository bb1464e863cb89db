import { Option, type Command } from 'commander';
import { toAnalysis } from '../../archive/analysis.js';
import { failIfNoGoals } from '../../archive/no-goals.js';
import { writeFileAtomic } from '../../io/atomic.js';
import type { Level } from '../../model/result.js';
import { format } from '../../report/index.js';
import { digestOf } from '../../report/streamed.js';
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
    .option('--why', 'show the reasons behind labels and statuses')
    .addHelpText(
      'after',
      `
A document in which no goal with a status is found fails the check (exit 2, error NO_GOALS, in every format):
verkstad looks for one heading or table row per goal with a status word or symbol (Status: grön, Uppfyllt,
GREEN/AMBER/RED, ●) — Markdown headings with a status line, Markdown or DOCX tables with a status column,
DOCX headings or bold titles, plain "Mål: …" / "Status: …" lines.

Exit codes: 0 nothing at or above --fail-on; 1 a flag at or above it; 2 usage or config error, or a document
that could not be analysed or holds no goal with a status.

Examples:
  verkstad check draft.md                               text in the terminal, exit 1 on a flagged green goal
  verkstad check drafts/ --format github                annotations on the goals' lines in a pull request
  verkstad check draft.docx --format sarif --out verkstad.sarif   for GitHub code scanning`,
    );
  withBatchFlags(command, 'documents checked in parallel');
  withContextFlags(command).action(check);
}

async function check(inputs: string[], opts: CheckOptions): Promise<void> {
  const files = await inputsOrExit(inputs);
  await contextOrFail(opts); // rules and config errors first, with their file:line
  const { documents } = await collectOrExit(files, {
    jobs: jobsFor(opts.jobs, files.length),
    timeoutMs: opts.timeout * 1000,
    maxPages: opts.maxPages,
    rulesDir: opts.rules,
    configPath: opts.config,
    language: forcedLanguage(opts.lang),
    marks: opts.marks,
    quiet: true,
  });
  // A document with no goal with a status was not checked: that fails the check (exit 2), it does not pass it.
  const analysis = toAnalysis([...documents].map(failIfNoGoals));
  const text = format(opts.format, analysis, { colour: colourOK() && !opts.out, why: Boolean(opts.why) });
  out(text);
  if (opts.out) await writeFileAtomic(opts.out, text);
  // Writing to --out never turns a failing check green.
  process.exitCode = exitCodeFor(digestOf(analysis), opts.failOn);
}
