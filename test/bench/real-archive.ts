/**
 * The real-report archive: copies of ../shared/real-reports/*.pdf (when present) and of the committed fixtures and
 * samples (Chromium, LibreOffice, a Word round-trip through LibreOffice, pdf-lib), `copies` of each, analysed with
 * `--jobs 2` and timed against `pdftotext -layout` on the same files in the same rounds.
 *
 * Real reports are where pdfjs is slow and pdftotext fast (raster icons, photos and charts, embedded fonts, many
 * Flate streams), so the generated archive's ratio says little about them. Each copy gets a line of its own after
 * %%EOF, which readers ignore: the batch analyses identical content once, and copies must cost what the first did.
 *
 * Run on its own with `node build/bench/real-archive.js [--copies N] [--repeat N] [--keep]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { copyCommittedPdfs, median, runCli, snapshotRules, timePdftotext } from './archive.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..', '..');
export const REAL_REPORTS = path.resolve(packageRoot, '..', 'shared', 'real-reports');

export interface RealArchiveOptions {
  /** Copies of each source PDF. Default 4 (about 600 pages with the real reports). */
  copies?: number;
  /** Alternating rounds of verkstad and pdftotext; the figures are medians. Default 3. */
  repeat?: number;
  jobs?: number;
  dir?: string;
  keep?: boolean;
  log?: (line: string) => void;
}

export interface RealArchiveResult {
  archive: { documents: number; pages: number; megabytes: number; realReports: number; committed: number; copies: number; sourcesDir: string };
  verkstad: { jobs: number; elapsedMs: number; allMs: number[]; cpuMs: number | null; pagesPerSecond: number; peakRssMb: number; errors: number };
  pdftotext: { elapsedMs: number; allMs: number[]; pagesPerSecond: number; peakRssMb: number | null } | null;
  /** Median over the rounds of verkstad's pages/s over pdftotext's in the same round. */
  ratio: number | null;
  ratios: number[];
}

export async function benchRealArchive(opts: RealArchiveOptions = {}): Promise<RealArchiveResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const dir = opts.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'verkstad-real-bench-')));
  const copies = Math.max(1, opts.copies ?? 4);
  const jobs = opts.jobs ?? 2;
  const rounds = Math.max(1, opts.repeat ?? 3);
  try {
    const sourcesDir = path.join(dir, 'sources');
    mkdirSync(sourcesDir, { recursive: true });
    const real = existsSync(REAL_REPORTS) ? readdirSync(REAL_REPORTS).filter((n) => n.toLowerCase().endsWith('.pdf')).sort() : [];
    for (const name of real) writeFileSync(path.join(sourcesDir, `real-${name.replace(/\s+/g, '_')}`), readFileSync(path.join(REAL_REPORTS, name)));
    const committed = copyCommittedPdfs(sourcesDir);
    const sources = [...real.map((n) => path.join(sourcesDir, `real-${n.replace(/\s+/g, '_')}`)), ...committed];
    const archiveDir = path.join(dir, 'archive');
    mkdirSync(archiveDir, { recursive: true });
    const files: string[] = [];
    for (const src of sources) {
      const bytes = readFileSync(src);
      for (let c = 1; c <= copies; c++) {
        const file = path.join(archiveDir, `copy${c}-${path.basename(src)}`);
        writeFileSync(file, Buffer.concat([bytes, Buffer.from(`\n%verkstad-bench copy ${c}\n`, 'latin1')]));
        files.push(file);
      }
    }
    files.sort();
    const rulesDir = snapshotRules(dir);
    const megabytes = files.reduce((n, f) => n + statSync(f).size, 0) / 1024 ** 2;
    log(`real-report archive: ${files.length} documents (${real.length} real reports and ${committed.length} fixtures/samples, ${copies} copies each), ${megabytes.toFixed(1)} MB`);

    const hasPdftotext = !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
    const runs: (ReturnType<typeof runCli> & { errors: number })[] = [];
    const pdftotextMs: number[] = [];
    let pdftotextPeak: number | null = null;
    let pages = 0;
    const verkstadRound = (round: number) => {
      const out = path.join(dir, `out-round${round + 1}`);
      const run = runCli(files, out, jobs, rulesDir, path.join(dir, `stats-round${round + 1}.json`));
      const analysed = JSON.parse(readFileSync(path.join(out, 'verkstad.json'), 'utf8')) as { documents: { pages: number; error: unknown }[] };
      pages = analysed.documents.reduce((n, d) => n + d.pages, 0);
      const errors = analysed.documents.filter((d) => d.error).length;
      runs.push({ ...run, errors });
      log(`round ${round + 1}, verkstad --jobs ${jobs}: ${(run.ms / 1000).toFixed(1)} s, CPU ${run.cpuMs === null ? '?' : (run.cpuMs / 1000).toFixed(1)} s, peak RSS ${run.peakRssMb ?? '?'} MB, ${errors} errors`);
    };
    const pdftotextRound = (round: number) => {
      pdftotextMs.push(timePdftotext(files));
      log(`round ${round + 1}, pdftotext -layout: ${(pdftotextMs[pdftotextMs.length - 1]! / 1000).toFixed(1)} s`);
    };
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so that neither always meets the machine in the same state.
      if (round % 2 === 0 || !hasPdftotext) verkstadRound(round);
      if (hasPdftotext) pdftotextRound(round);
      if (round % 2 === 1 && hasPdftotext) verkstadRound(round);
    }
    if (hasPdftotext) pdftotextPeak = peakRssOfPdftotext(files);

    const ms = median(runs.map((r) => r.ms));
    const cpus = runs.map((r) => r.cpuMs).filter((x): x is number => x !== null);
    const verkstad = {
      jobs,
      elapsedMs: Math.round(ms),
      allMs: runs.map((r) => Math.round(r.ms)),
      cpuMs: cpus.length ? Math.round(median(cpus)) : null,
      pagesPerSecond: round1((pages * 1000) / ms),
      peakRssMb: Math.max(0, ...runs.map((r) => r.peakRssMb ?? 0)),
      errors: Math.max(...runs.map((r) => r.errors)),
    };
    const ratios = hasPdftotext ? pdftotextMs.map((p, i) => Math.round((p / runs[i]!.ms) * 1000) / 1000) : [];
    const pdftotext = hasPdftotext
      ? { elapsedMs: Math.round(median(pdftotextMs)), allMs: pdftotextMs.map(Math.round), pagesPerSecond: round1((pages * 1000) / median(pdftotextMs)), peakRssMb: pdftotextPeak }
      : null;
    return {
      archive: { documents: files.length, pages, megabytes: round1(megabytes), realReports: real.length, committed: committed.length, copies, sourcesDir },
      verkstad,
      pdftotext,
      ratio: ratios.length ? median(ratios) : null,
      ratios,
    };
  } finally {
    if (!opts.keep && !opts.dir) await rm(dir, { recursive: true, force: true });
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The largest peak RSS of pdftotext over the files (GNU time), for comparison with verkstad's. */
function peakRssOfPdftotext(files: string[]): number | null {
  if (!existsSync('/usr/bin/time')) return null;
  let peak = 0;
  for (const f of new Set(files.map((f) => path.basename(f).replace(/^copy\d+-/, '')))) {
    const file = files.find((x) => x.endsWith(f))!;
    const r = spawnSync('/usr/bin/time', ['-f', '%M', 'pdftotext', '-layout', file, os.devNull], { encoding: 'utf8' });
    peak = Math.max(peak, Number(r.stderr.trim().split('\n').pop()) || 0);
  }
  return Math.round(peak / 1024);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string): number | undefined => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await benchRealArchive({ copies: arg('--copies'), repeat: arg('--repeat'), keep: process.argv.includes('--keep') });
  console.log(JSON.stringify(result, null, 2));
}
