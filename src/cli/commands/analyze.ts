import fs from 'node:fs';
import { oneLine, showBidiControls } from '../../report/plain-text.js';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { toAnalysis } from '../../archive/analysis.js';
import { writeOutputs } from '../../archive/outputs.js';
import { writeRunStats } from '../../archive/run-stats.js';
import { LIMITS } from '../../limits.js';
import type { Level } from '../../model/result.js';
import type { StageName } from '../../pipeline.js';
import { format, FORMATS, type FormatName } from '../../report/index.js';
import type { ArchiveDigest } from '../../report/streamed.js';
import { openStore, STORE_FILE } from '../../store/sqlite.js';
import { collectOrExit, inputsOrExit, jobsFor } from '../archive-run.js';
import { colourOK, contextOrFail, err, fail, out } from '../console.js';
import { exitCodeFor } from '../exit.js';
import { forcedLanguage, positiveNumber, withBatchFlags, withContextFlags, type BatchFlags, type ContextFlags } from '../options.js';

interface AnalyzeOptions extends ContextFlags, BatchFlags {
  out?: string;
  format?: FormatName;
  failOn: Level | 'none';
  /** MB. */
  memory: number;
  /** MB. */
  maxBytes: number;
  shard?: string;
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
    .option('--memory <mb>', 'bound on the resident memory of the whole process (all workers)', positiveNumber, LIMITS.memoryMb)
    .option('--max-bytes <mb>', 'refuse files larger than this', positiveNumber, LIMITS.maxBytes / 1024 ** 2)
    .option('--shard <k/n>', 'analyse only the k-th of n stable shards of the inputs')
    .option('--why', 'show the reasons behind labels and statuses (text format)')
    .option('--stats <file>', "also write the run's counts, times, peak memory and CPU by thread to this JSON file")
    .addOption(new Option('--dump <stage>', 'print one stage of the first document as JSON').choices(DUMPS))
    .option('-q, --quiet', 'no progress output');
  withContextFlags(command).action(analyze);
}

async function analyze(inputs: string[], opts: AnalyzeOptions): Promise<void> {
  const files = await inputsOrExit(inputs, opts.shard);
  if (opts.dump) return dump(files[0]!, opts.dump, opts);
  const printOnly = Boolean(opts.format) && !opts.out;
  const outDir = opts.out ?? (printOnly ? undefined : 'output');
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  const store = outDir ? openStore(path.join(outDir, STORE_FILE)) : undefined;
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
        quiet: opts.quiet,
      },
      store,
    );
    const wrote = outDir ? await writeOutputs(outDir, digest, documents, { unchanged: fromStore }) : false;
    if (opts.stats) await writeRunStats(opts.stats, stats, jobs);
    // The formats printed here need the whole result in memory; an archive's summary does not.
    const whole = () => toAnalysis([...documents]);
    if (opts.format) {
      out(format(opts.format, whole(), { colour: colourOK(), why: Boolean(opts.why) }));
    } else {
      out(digest.documents.length > 10 ? archiveSummary(digest) : format('text', whole(), { colour: colourOK(), why: Boolean(opts.why) }));
      const what = wrote ? `Wrote ${digest.documents.length} document result(s), summary.csv and report.html to` : 'Nothing changed since the last run: the outputs in';
      err(`${what} ${path.normalize(outDir! + '/')}${wrote ? '' : ' are up to date'} — open ${path.join(outDir!, 'report.html')}`);
    }
    process.exitCode = exitCodeFor(digest, opts.failOn);
  } finally {
    store?.close();
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
