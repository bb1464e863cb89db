/**
 * Every golden file, with how its content is made: the tests compare against them (expect-golden.ts), and only
 * `npm run golden` (test/golden/write.mjs) writes them, on purpose, after a deliberate change; review the diff.
 * A test never writes a golden: a missing one fails and names that command.
 *
 * - test/report/golden/: each formatter on each hand-built sample result (test/report/sample-results.ts).
 * - test/pipeline/golden/: every --format on two fixture PDFs, end to end through the pipeline; report.html and
 *   goals_over_time.csv on the over-time fixtures (test/fixtures/overtime/).
 * HTML is compared as an outline of its visible structure and data (html-outline.ts), not byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toAnalysis } from '../../src/archive/analysis.js';
import type { AnalysisResult } from '../../src/model/result.js';
import { analyzeBytes } from '../../src/pipeline.js';
import { formatCsv } from '../../src/report/csv.js';
import { formatGithub } from '../../src/report/github.js';
import { formatGoalsOverTimeCsv } from '../../src/report/goals-over-time-csv.js';
import { formatHtml } from '../../src/report/html.js';
import { FORMATS, format } from '../../src/report/index.js';
import { formatJson } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/md.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { root, sharedContext } from '../helpers.js';
import { SAMPLES } from '../report/sample-results.js';
import { htmlOutline } from './html-outline.js';

export interface Golden {
  /** Where it lives, from the repository root. */
  file: string;
  /** The content the code makes now. */
  make(): string | Promise<string>;
}

export const WRITE_COMMAND = 'npm run golden';

/** The goldens of the formatter tests: one variant of one formatter, each file named after it. */
const REPORT_VARIANTS = {
  md: { ext: 'md', make: (r: AnalysisResult) => formatMarkdown(r) },
  csv: { ext: 'csv', make: (r: AnalysisResult) => formatCsv(r) },
  json: { ext: 'json', make: (r: AnalysisResult) => formatJson(r) },
  html: { ext: 'html.outline.txt', make: (r: AnalysisResult) => htmlOutline(formatHtml(r)) },
  sarif: { ext: 'sarif', make: (r: AnalysisResult) => formatSarif(r) },
  github: { ext: 'github.txt', make: (r: AnalysisResult) => formatGithub(r) },
  text: { ext: 'text.txt', make: (r: AnalysisResult) => formatText(r, { colour: false }) },
  'text-colour': { ext: 'text-colour.txt', make: (r: AnalysisResult) => formatText(r, { colour: true }) },
  'text-why': { ext: 'text-why.txt', make: (r: AnalysisResult) => formatText(r, { colour: false, why: true }) },
} as const;

export type ReportVariant = keyof typeof REPORT_VARIANTS;

/** One golden per sample result for a formatter variant. */
export function reportGoldens(variant: ReportVariant): Golden[] {
  const { ext, make } = REPORT_VARIANTS[variant];
  return Object.entries(SAMPLES).map(([name, result]) => ({ file: `test/report/golden/${name}.${ext}`, make: () => make(result) }));
}

const FIXTURES = ['test/fixtures/pdf/sv-raster-icons.pdf', 'test/fixtures/pdf/en-rag-table.pdf'];
const PIPELINE_EXT: Record<string, string> = { json: 'json', csv: 'csv', md: 'md', html: 'html.outline.txt', sarif: 'sarif.json', github: 'github.txt', text: 'txt' };

let fixtures: Promise<AnalysisResult> | null = null;
/** The fixture PDFs analysed once (per process) by the pipeline. */
export function fixturesAnalysis(): Promise<AnalysisResult> {
  fixtures ??= (async () => {
    const ctx = await sharedContext();
    const docs = [];
    for (const f of FIXTURES) docs.push(await analyzeBytes(f, fs.readFileSync(path.join(root, f)), ctx));
    return toAnalysis(docs);
  })();
  return fixtures;
}

/** One golden per --format, of the fixture PDFs through the whole pipeline (text with --why). */
export function pipelineGoldens(): Golden[] {
  return FORMATS.map((name) => ({
    file: `test/pipeline/golden/fixtures.${PIPELINE_EXT[name]}`,
    make: async () => {
      const out = format(name, await fixturesAnalysis(), { colour: false, why: true });
      return name === 'html' ? htmlOutline(out) : out;
    },
  }));
}

const OVER_TIME_DIR = 'test/fixtures/overtime';
let overTime: Promise<AnalysisResult> | null = null;
/** The over-time fixtures (two made-up committees over 2023-2025) analysed once by the pipeline, in name order. */
export function overTimeAnalysis(): Promise<AnalysisResult> {
  overTime ??= (async () => {
    const ctx = await sharedContext();
    const docs = [];
    for (const name of fs.readdirSync(path.join(root, OVER_TIME_DIR)).sort()) {
      const f = `${OVER_TIME_DIR}/${name}`;
      docs.push(await analyzeBytes(f, fs.readFileSync(path.join(root, f)), ctx));
    }
    return toAnalysis(docs);
  })();
  return overTime;
}

/** report.html's view across time and goals_over_time.csv, on the over-time fixtures. */
export function overTimeGoldens(): Golden[] {
  return [
    { file: 'test/pipeline/golden/overtime.html.outline.txt', make: async () => htmlOutline(formatHtml(await overTimeAnalysis())) },
    { file: 'test/pipeline/golden/overtime.goals_over_time.csv', make: async () => formatGoalsOverTimeCsv((await overTimeAnalysis()).goalsOverTime) },
  ];
}

export function allGoldens(): Golden[] {
  return [...(Object.keys(REPORT_VARIANTS) as ReportVariant[]).flatMap(reportGoldens), ...pipelineGoldens(), ...overTimeGoldens()];
}

/** The directories golden files live in: every file in them must be one of allGoldens(). */
export const GOLDEN_DIRS = ['test/report/golden', 'test/pipeline/golden'];
