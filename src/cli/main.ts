#!/usr/bin/env node
import os from 'node:os';
import v8 from 'node:v8';
import { Command, CommanderError, Option } from 'commander';
import { toolVersion } from '../version.js';
import { analyzeCommand, checkCommand, classifyCommand, evalCommand, extractCommand, mergeCommand, rulesCheckCommand, rulesListCommand, trainCommand } from './commands.js';
import { EXIT } from './exit.js';

// Heap growth: after a full GC, V8 lets each heap (the main thread's and every batch worker's) grow to 2.5 times
// what survived before the next one, instead of choosing the factor itself. V8's own choice depends on the heap
// limit: for a batch worker's 768 MB (--memory 1536 shared by 2 workers) it was about 1.8, so a worker ran a full
// GC every 2-3 s. Each full GC also drops the optimised code of every function without a live closure at that
// moment (pdfjs's per-page text and operator closures, our per-call arrow functions), which is compiled again on
// the next page: measured at ~0.45 s of compiling per full GC. On the benchmark archive this halved the full GCs
// (48 -> 18-24 with two workers) and was about 10 % faster in runs next to each other, for 30-90 MB more peak
// RSS; across sessions the gain is within the machine's drift (see README, "Measured").
// A process-wide V8 flag, set before any worker exists; set here rather than in the library, whose callers own
// their process.
v8.setFlagsFromString('--heap-growing-percent=150');

const program = new Command();
program
  .name('verkstad')
  .description('Finds green goals in municipal follow-up reports whose evidence is only work inside the organisation.')
  .version(toolVersion(), '-V, --version')
  .showHelpAfterError()
  .exitOverride()
  .addHelpText(
    'after',
    `
Examples:
  verkstad analyze report.pdf                      analyse one report, write output/ (JSON, summary.csv, report.html)
  verkstad analyze archive/ --jobs 2 --out out/    a whole archive, on two cores, resumable
  verkstad analyze report.pdf --format json        print the public JSON on stdout
  verkstad check draft.pdf --format github         CI check: exit 1 when a green goal is flagged
  echo "Väntetiden har minskat till sex dagar." | verkstad classify --lang sv
  verkstad extract report.pdf --format text        show what the PDF holds: blocks, tables, status marks
  verkstad eval                                    precision/recall of the sentence labels on the test split

Exit codes: 0 done; 1 findings at or above --fail-on; 2 usage/config error or a document that could not be analysed.`,
  );

const common = (c: Command) =>
  c
    .option('--rules <dir>', 'rules folder (default: the rules shipped with verkstad)')
    .option('--config <file>', 'configuration file (default: verkstad.config.yaml, or "verkstad" in package.json)')
    .option('--lang <lang>', 'sv | en | auto', 'auto');

common(
  program
    .command('analyze')
    .description('analyse reports (PDF, DOCX, Markdown, text) and write or print the results')
    .argument('<inputs...>', 'files, directories or globs')
    .option('-o, --out <dir>', 'output folder (per-document JSON, summary.csv, report.html, verkstad.sqlite)')
    .addOption(new Option('-f, --format <format>', 'print one format on stdout instead of a summary').choices(['json', 'csv', 'md', 'html', 'sarif', 'github', 'text']))
    .addOption(new Option('--fail-on <level>', 'exit 1 when a flag is at or above this level').choices(['error', 'warning', 'note', 'none']).default('none'))
    .option('-j, --jobs <n>', 'documents analysed in parallel (worker threads)', String(defaultJobs()))
    .option('--timeout <seconds>', 'time limit per document', '60')
    .option('--memory <mb>', 'bound on the resident memory of the whole process (all workers)', '1536')
    .option('--max-bytes <mb>', 'refuse files larger than this', '200')
    .option('--max-pages <n>', 'refuse documents claiming more pages', '2000')
    .option('--shard <k/n>', 'analyse only the k-th of n stable shards of the inputs')
    .option('--why', 'show the reasons behind labels and statuses (text format)')
    .option('--stats <file>', 'also write the run\'s counts, times, peak memory and CPU by thread to this JSON file')
    .option('--dump <stage>', 'print one stage of the first document as JSON: extract | layout | segment | classify | assess')
    .option('-q, --quiet', 'no progress output'),
).action(analyzeCommand);

common(
  program
    .command('check')
    .description('CI check of one or more reports: exit 1 when a flag is at or above --fail-on')
    .argument('<inputs...>', 'files, directories or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'sarif', 'github', 'json']).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 at or above this level').choices(['error', 'warning', 'note']).default('warning'))
    .option('-o, --out <file>', 'also write the output to this file')
    .option('--why', 'show the reasons behind labels and statuses')
    .option('-j, --jobs <n>', 'documents checked in parallel', String(defaultJobs()))
    .option('--timeout <seconds>', 'time limit per document', '60')
    .option('--max-pages <n>', 'refuse documents claiming more pages', '2000'),
).action(checkCommand);

program
  .command('classify')
  .description('label sentences (arguments, or one per line on stdin)')
  .argument('[sentences...]', 'sentences; read from stdin when none are given')
  .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en', 'auto']).default('auto'))
  .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('json'))
  .option('--rules <dir>', 'rules folder')
  .action(classifyCommand);

program
  .command('extract')
  .description('show the extracted layout of a PDF: pages, blocks, tables, status marks')
  .argument('<file>', 'a PDF')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('text'))
  .option('--raw', 'print the raw extraction (text items and marks) instead of the layout')
  .option('--pages <list>', 'only these pages, e.g. 3,5-7')
  .action(extractCommand);

program
  .command('train')
  .description('train the sentence model from corpora/ (deterministic) and write rules/model/<lang>.json')
  .option('--corpora <dir>', 'corpora folder', 'corpora')
  .option('--rules <dir>', 'rules folder')
  .action(trainCommand);

program
  .command('eval')
  .description('per-label precision/recall/F1, confusion matrix and resident-facing F1 on the test split')
  .option('--corpora <dir>', 'corpora folder', 'corpora')
  .option('--rules <dir>', 'rules folder')
  .addOption(new Option('--split <split>', 'which split').choices(['train', 'dev', 'test']).default('test'))
  .option('--write-backlog', 'write the misclassifications to corpora/backlog.jsonl')
  .option('--real <dir>', 'score a real labelled set instead (DIR/sentences.tsv, DIR/goals.json)')
  .addOption(new Option('--org-half <half>', 'with --real: only one half of the organisations').choices(['tune', 'holdout']))
  .action(evalCommand);

program
  .command('merge')
  .description('merge shard stores into one and regenerate the outputs')
  .argument('<stores...>', 'verkstad.sqlite files (or their --out folders) of the shards')
  .requiredOption('-o, --out <dir>', 'output folder for the merged store and outputs')
  .action(mergeCommand);

const rules = program.command('rules').description('check or list the rules');
rules.command('check').description('validate every rule file and run every rule example').option('--rules <dir>', 'rules folder').action(rulesCheckCommand);
rules.command('list').description('list the rules with their ids').option('--rules <dir>', 'rules folder').option('--lang <lang>', 'sv | en').action(rulesListCommand);

function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`verkstad: ${(err as Error).message}\n`);
    process.exitCode = EXIT.usage;
  }
}
