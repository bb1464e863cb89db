import fs from 'node:fs';
import { oneLine, showBidiControls } from '../../report/plain-text.js';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { toAnalysis } from '../../archive/analysis.js';
import { hasNoGoals } from '../../archive/no-goals.js';
import { writeOutputs } from '../../archive/outputs.js';
import { writeRunStats } from '../../archive/run-stats.js';
import { LIMITS } from '../../limits.js';
import type { Level } from '../../model/result.js';
import type { StageName } from '../../pipeline.js';
import { format, FORMATS, type FormatName } from '../../report/index.js';
import { PAGES_DIR, splitsReport } from '../../report/html-pages.js';
import type { ArchiveDigest } from '../../report/streamed.js';
import { openStore, STORE_FILE, type Store } from '../../store/sqlite.js';
import { claimOutFolderOrExit, collectOrExit, inputsOrExit, jobsFor } from '../archive-run.js';
import { colourOK, contextOrFail, err, fail, out } from '../console.js';
import { exitCodeFor } from '../exit.js';
import { forcedLanguage, RANGES, shardSpec, wholeNumber, withBatchFlags, withContextFlags, type BatchFlags, type ContextFlags } from '../options.js';
import { outputOptions, printedFormatOptions, withOutputFlags, type OutputFlags } from '../output-flags.js';

interface AnalyzeOptions extends ContextFlags, BatchFlags, OutputFlags {
  out?: string;
  format?: FormatName;
  failOn: Level | 'none';
  /** MB. */
  memory: number;
  /** MB. */
  maxBytes: number;
  shard?: { k: number; n: number } | 'auto';
  shardCount?: string;
  why?: boolean;
  stats?: string;
  dump?: StageName;
  quiet?: boolean;
}

const DUMPS = ['extract', 'layout', 'identify', 'segment', 'classify', 'assess'] as const satisfies readonly StageName[];

export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .description('analyse reports (PDF, DOCX, Markdown, text) and write or print the results')
    .argument('<inputs...>', 'files, directories or globs')
    .option('-o, --out <dir>', 'output folder (per-document JSON, summary.csv, report.html, verkstad.sqlite)')
    .addOption(new Option('-f, --format <format>', 'print one format on stdout instead of a summary').choices(FORMATS))
    .addOption(new Option('--fail-on <level>', 'exit 1 when a flag is at or above this level').choices(['error', 'warning', 'note', 'none']).default('none'));
  withBatchFlags(command, 'documents analysed in parallel (worker threads)')
    .option('--memory <mb>', 'memory bound: on a document analysed alone, in a process of its own, and on the batch as a whole', wholeNumber(RANGES.memoryMb), LIMITS.memoryMb)
    .option('--max-bytes <mb>', 'refuse files larger than this', wholeNumber(RANGES.maxBytesMb), LIMITS.maxBytes / 1024 ** 2)
    .option('--shard <k/n|auto>', 'analyse only the k-th of n stable shards of the inputs; auto: k from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, 0-based)', shardSpec)
    .option('--shard-count <n>', 'with --shard auto: the number of shards (default: $VERKSTAD_SHARD_COUNT)')
    .option('--why', 'show the reasons behind labels and statuses (text format)')
    .option('--stats <file>', "also write the run's counts, times, peak memory and CPU by thread to this JSON file")
    .addOption(new Option('--dump <stage>', 'print one stage of the first document as JSON').choices(DUMPS))
    .option('-q, --quiet', 'print nothing but errors: no progress, no summary (a --format asked for is still printed)');
  withOutputFlags(command);
  withContextFlags(command)
    .addHelpText(
      'after',
      `
Identical files (same content) are one document, listed with every path it was found at.
A document in which no goal with a status is found is listed in the summary, but does not fail the run
(an archive may hold reports without goals); \`verkstad check\` fails on it (NO_GOALS).
summary.csv names each file relative to its input root (the directory given, or the working directory).
Per-document JSON files that an earlier run wrote into --out for documents this run does not have are removed.

Examples:
  verkstad analyze archive/ --jobs 2 --out out/ --quiet        an archive, silent unless something fails
  verkstad analyze archive/ --csv-delimiter ';'                summary.csv for Excel with Swedish settings
  verkstad analyze archive/ --out /tmp/out --links absolute    report.html links that open from anywhere here`,
    )
    .action(analyze);
}

async function analyze(inputs: string[], opts: AnalyzeOptions, command: Command): Promise<void> {
  const files = await inputsOrExit(inputs, opts.shard, opts.shardCount);
  if (opts.dump) return dump(files[0]!, opts.dump, opts);
  const printOnly = Boolean(opts.format) && !opts.out;
  const outDir = opts.out ?? (printOnly ? undefined : 'output');
  const lock = outDir ? await claimOutFolderOrExit(outDir) : undefined;
  let store: Store | undefined;
  try {
    store = outDir ? openStore(path.join(outDir, STORE_FILE)) : undefined;
  } catch (e) {
    fail(e);
  }
  const jobs = jobsFor(opts.jobs, files.length);
  try {
    const { digest, documents, stats, fromStore } = await collectOrExit(
      files,
      {
        jobs,
        timeoutMs: opts.timeout * 1000,
        memoryMb: opts.memory,
        maxBytes: opts.maxBytes * 1024 ** 2,
        maxPages: opts.maxPages,
        rulesDir: opts.rules,
        configPath: opts.config,
        language: forcedLanguage(opts.lang),
        marks: opts.marks,
        quiet: opts.quiet,
      },
      store,
    );
    const wrote = outDir ? await writeOutputs(outDir, digest, documents, { ...outputOptions(command, opts, inputs), unchanged: fromStore }) : false;
    if (opts.stats) await writeRunStats(opts.stats, stats, jobs);
    // The formats printed here need the whole result in memory; an archive's summary does not.
    const whole = () => toAnalysis([...documents]);
    if (opts.format) {
      // Asked for by name: printed also with --quiet.
      out(format(opts.format, whole(), { colour: colourOK(), why: Boolean(opts.why), ...printedFormatOptions(command, opts, inputs) }));
    } else if (!opts.quiet) {
      out(digest.documents.length > 10 ? archiveSummary(digest) : format('text', whole(), { colour: colourOK(), why: Boolean(opts.why) }));
      const withoutGoals = noGoalsLine(digest);
      if (withoutGoals) out(withoutGoals);
      const pages = splitsReport(digest.documents.length) ? ` (with its pages in ${PAGES_DIR}/)` : '';
      const what = wrote
        ? `Wrote ${digest.documents.length} document result(s), summary.csv, goals_over_time.csv and report.html${pages} to`
        : 'Nothing changed since the last run: the outputs in';
      err(`${what} ${path.normalize(outDir! + '/')}${wrote ? '' : ' are up to date'} — open ${path.join(outDir!, 'report.html')}`);
    }
    if (opts.quiet && !opts.format) {
      const failed = failedLine(digest, outDir);
      if (failed) err(failed);
    }
    process.exitCode = exitCodeFor(digest, opts.failOn);
  } finally {
    store?.close();
    lock?.release();
  }
}

/** `--dump <stage>`: one stage's output for the first document, analysed in this thread. */
async function dump(file: string, stage: StageName, opts: AnalyzeOptions): Promise<void> {
  const ctx = await contextOrFail(opts);
  // pdfjs comes with the pipeline: loaded only here, never for the commands that do not read a PDF in this thread.
  const { runStages } = await import('../../pipeline.js');
  const s = await runStages(file, fs.readFileSync(file), ctx).catch(fail);
  const pick: Record<StageName, unknown> = {
    extract: s.extract,
    layout: s.layout,
    identify: s.identify,
    segment: s.segment,
    classify: s.result.goals.map((g) => ({ title: g.title, sentences: g.sentences })),
    assess: s.result,
  };
  out(JSON.stringify(pick[stage], null, 2));
}

/** The documents read without an error but with no goal with a status: a count and the files, or null. */
function noGoalsLine(digest: ArchiveDigest): string | null {
  const none = digest.documents.filter(hasNoGoals);
  if (!none.length) return null;
  const files = none.map((d) => oneLine(showBidiControls(d.file))).join(', ');
  return `${none.length} document(s) with no goal with a status (not counted as failed; \`verkstad check\` fails on them): ${files}`;
}

/** `--quiet`: one line on the documents that could not be analysed, or null when there are none. */
function failedLine(digest: ArchiveDigest, outDir: string | undefined): string | null {
  const failed = digest.documents.filter((d) => d.error);
  if (!failed.length) return null;
  const which = failed.map((d) => `${oneLine(showBidiControls(d.file))} (${d.error!.code})`).join(', ');
  const where = outDir ? ` — see ${path.join(outDir, 'report.html')}` : '';
  return `verkstad: ${failed.length} of ${digest.documents.length} document(s) could not be analysed: ${which}${where}`;
}

/** For an archive, one line per document and the total; the details are in report.html and the JSON. */
function archiveSummary(digest: ArchiveDigest): string {
  const lines = digest.documents.map((d) =>
    d.error
      ? `${oneLine(showBidiControls(d.file))}: ${d.error.code}: ${oneLine(showBidiControls(d.error.message))}`
      : `${oneLine(showBidiControls(d.file))}: ${d.summary.goals} goals, ${d.summary.green} green, ${d.summary.flaggedGreen} flagged`,
  );
  const s = digest.head.summary;
  lines.push(`${s.documents} documents (${s.failed} failed); ${s.goals} goals, ${s.green} green, ${s.flaggedGreen} of them flagged`);
  return lines.join('\n');
}
