/**
 * Archive-scale benchmark: builds a synthetic archive (the committed sample and fixture PDFs plus
 * generated long Swedish goal reports, ≥ 100 documents and ≥ 3 000 pages), analyses it with 1 and 2
 * workers (a fresh store each), reruns the finished archive (all cache hits), and times
 * `pdftotext -layout` on the same files when poppler is installed.
 *
 * Run on its own with `node build/bench/archive.js [--docs N] [--pages N] [--repeat N] [--keep]`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { openStore } from '../../dist/store/sqlite.js';
import { randomFloats } from './prng.js';

export interface BenchArchiveOptions {
  /** Generated reports (besides the committed PDFs). Default 100. */
  generatedDocs?: number;
  /** Pages per generated report (varied ±20 %). Default 30. */
  pagesPerDoc?: number;
  /** Worker counts to compare. Default [1, 2]. */
  jobs?: number[];
  /**
   * Rounds of runs (each round runs every worker count once, alternating the order between rounds); the figures
   * are medians. Default 3: this machine's speed drifts by ±20 % from minute to minute, one run proves little.
   */
  repeat?: number;
  /** Where to build the archive; default a new temp dir, removed afterwards unless `keep`. */
  dir?: string;
  keep?: boolean;
  /** Rules to analyse with; default a snapshot of the shipped rules/ taken at the start, so edits made meanwhile do not turn the rerun into cache misses. */
  rulesDir?: string;
  /** Progress and result lines; default console.log. */
  log?: (line: string) => void;
}

export interface BenchRun {
  jobs: number;
  /** Median over the rounds. */
  elapsedMs: number;
  /** Every round's time, in the order they ran. */
  allMs: number[];
  /** Median CPU time (user + system) of the process: more than the wall time when threads overlap. */
  cpuMs: number | null;
  /**
   * Medians of where that CPU went, from `analyze --stats` (Linux only, else null): the worker threads (the
   * analysis), the main thread (store, outputs) and the other threads (V8's compiler and GC helpers, libuv).
   */
  threadsCpuMs: { workerThreads: number; mainThread: number; otherThreads: number } | null;
  documentsPerSecond: number;
  pagesPerSecond: number;
  /** Highest RSS of the process (main thread and all workers) over all rounds, from GNU time. */
  peakRssMb: number;
  /** Documents that ended in an error code, the most of any round. */
  errors: number;
}

export interface BenchArchiveResult {
  archive: { dir: string; documents: number; pages: number; megabytes: number; committed: number; generated: number; buildMs: number };
  runs: BenchRun[];
  /** elapsed(jobs = first) / elapsed(jobs = last). */
  speedup: number | null;
  /**
   * The most that speed-up could have been: the last run cannot take less wall time than its CPU time spread over
   * every core, so speed-up <= cores * elapsed(first) / CPU(last). Null without CPU times.
   */
  speedupCeiling: { cores: number; value: number } | null;
  /** Second run over the finished archive with the last store: every document a cache hit. */
  rerun: { elapsedMs: number; cached: number; analysed: number };
  /**
   * `pdftotext -layout` over the same files, one process at a time, timed once in every round right after that
   * round's verkstad runs: the machine's speed drifts, so the ratio is taken round by round.
   */
  pdftotext: {
    elapsedMs: number;
    pagesPerSecond: number;
    /** Median over the rounds of (the last worker count's pages/s) / (pdftotext's pages/s in the same round). */
    ratio: number;
    ratios: number[];
  } | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..', '..');

export async function benchArchive(opts: BenchArchiveOptions = {}): Promise<BenchArchiveResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const dir = opts.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'verkstad-bench-')));
  const jobsList = opts.jobs ?? [1, 2];
  try {
    const t0 = performance.now();
    const committed = copyCommittedPdfs(dir);
    const generated = await generateReports(dir, opts.generatedDocs ?? 100, opts.pagesPerDoc ?? 30);
    const files = [...committed, ...generated].sort();
    const rulesDir = opts.rulesDir ?? snapshotRules(dir);
    const buildMs = Math.round(performance.now() - t0);
    const megabytes = files.reduce((n, f) => n + statSync(f).size, 0) / 1024 ** 2;
    log(`archive: ${files.length} documents (${committed.length} committed, ${generated.length} generated), ${megabytes.toFixed(1)} MB, built in ${buildMs} ms`);

    // Each run is the CLI itself in a child process, as an analyst runs it: start-up included, and its peak RSS
    // (main thread and every worker thread: one process) taken by GNU time where it exists.
    const rounds = Math.max(1, opts.repeat ?? 3);
    type Run = ReturnType<typeof runCli> & { errors: number };
    const raw = new Map<number, Run[]>();
    let pages = 0;
    let lastOut = '';
    const hasPdftotext = !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
    const pdftotextMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const jobs of round % 2 === 0 ? jobsList : [...jobsList].reverse()) {
        const out = path.join(dir, `out-jobs${jobs}`);
        await rm(out, { recursive: true, force: true });
        const run = runCli(files, out, jobs, rulesDir, path.join(dir, `stats-jobs${jobs}-round${round + 1}.json`));
        const analysed = JSON.parse(readFileSync(path.join(out, 'verkstad.json'), 'utf8')) as { documents: { pages: number; error: unknown }[] };
        pages = analysed.documents.reduce((n, d) => n + d.pages, 0);
        const errors = analysed.documents.filter((d) => d.error).length;
        (raw.get(jobs) ?? raw.set(jobs, []).get(jobs)!).push({ ...run, errors });
        const threads = run.threads ? ` (workers ${seconds(run.threads.workerThreads)}, main ${seconds(run.threads.mainThread)}, other ${seconds(run.threads.otherThreads)})` : '';
        log(`round ${round + 1}, jobs ${jobs}: ${seconds(run.ms)} s, CPU ${run.cpuMs === null ? '?' : seconds(run.cpuMs)} s${threads}, peak RSS ${run.peakRssMb ?? '?'} MB, ${errors} errors`);
        if (jobs === jobsList[jobsList.length - 1]) lastOut = out;
      }
      if (hasPdftotext) {
        pdftotextMs.push(timePdftotext(files));
        log(`round ${round + 1}, pdftotext -layout: ${(pdftotextMs[round]! / 1000).toFixed(1)} s`);
      }
    }
    const runs: BenchRun[] = jobsList.map((jobs) => {
      const all = raw.get(jobs)!;
      const ms = median(all.map((r) => r.ms));
      const cpus = all.map((r) => r.cpuMs).filter((x): x is number => x !== null);
      const threads = all.map((r) => r.threads).filter((t) => t !== null);
      const result: BenchRun = {
        jobs,
        elapsedMs: Math.round(ms),
        allMs: all.map((r) => Math.round(r.ms)),
        cpuMs: cpus.length ? Math.round(median(cpus)) : null,
        threadsCpuMs: threads.length
          ? {
              workerThreads: Math.round(median(threads.map((t) => t.workerThreads))),
              mainThread: Math.round(median(threads.map((t) => t.mainThread))),
              otherThreads: Math.round(median(threads.map((t) => t.otherThreads))),
            }
          : null,
        documentsPerSecond: round((files.length * 1000) / ms),
        pagesPerSecond: round((pages * 1000) / ms),
        peakRssMb: Math.max(0, ...all.map((r) => r.peakRssMb ?? 0)),
        errors: Math.max(...all.map((r) => r.errors)),
      };
      log(`jobs ${jobs}: median ${(result.elapsedMs / 1000).toFixed(1)} s of ${rounds}, ${result.documentsPerSecond} documents/s, ${result.pagesPerSecond} pages/s, peak RSS ${result.peakRssMb} MB, ${result.errors} errors`);
      return result;
    });
    const speedup = runs.length >= 2 ? round(runs[0]!.elapsedMs / runs[runs.length - 1]!.elapsedMs) : null;
    if (speedup !== null) log(`speed-up jobs ${runs[0]!.jobs} → ${runs[runs.length - 1]!.jobs}: ${speedup}×`);
    const lastRun = runs[runs.length - 1]!;
    const cores = os.availableParallelism();
    const speedupCeiling = runs.length >= 2 && lastRun.cpuMs ? { cores, value: Math.round(((cores * runs[0]!.elapsedMs) / lastRun.cpuMs) * 100) / 100 } : null;
    if (speedupCeiling) log(`ceiling of that speed-up from CPU time: ${speedupCeiling.value}× (${cores} cores × ${seconds(runs[0]!.elapsedMs)} s / ${seconds(lastRun.cpuMs!)} s CPU)`);

    // The store logs one `analyses` row per document analysed (none for a cache hit): what the rerun analysed.
    const before = analysesIn(lastOut);
    const again = runCli(files, lastOut, jobsList[jobsList.length - 1]!, rulesDir);
    const analysedAgain = analysesIn(lastOut) - before;
    const rerun: BenchArchiveResult['rerun'] = { elapsedMs: Math.round(again.ms), cached: files.length - analysedAgain, analysed: analysedAgain };
    log(`rerun of the finished archive: ${rerun.elapsedMs} ms (${rerun.cached} from the store, ${rerun.analysed} analysed)`);

    let pdftotext: BenchArchiveResult['pdftotext'] = null;
    if (hasPdftotext) {
      const last = raw.get(jobsList[jobsList.length - 1]!)!;
      const ratios = pdftotextMs.map((ms, i) => Math.round((ms / last[i]!.ms) * 1000) / 1000);
      const elapsedMs = Math.round(median(pdftotextMs));
      pdftotext = { elapsedMs, pagesPerSecond: round((pages * 1000) / elapsedMs), ratio: median(ratios), ratios };
      log(`pdftotext -layout: median ${(elapsedMs / 1000).toFixed(1)} s, ${pdftotext.pagesPerSecond} pages/s (one process at a time); verkstad --jobs ${jobsList[jobsList.length - 1]} at ${pdftotext.ratio} of it (rounds: ${ratios.join(', ')})`);
    } else {
      log('pdftotext: not installed');
    }

    return {
      archive: { dir, documents: files.length, pages, megabytes: round(megabytes), committed: committed.length, generated: generated.length, buildMs },
      runs,
      speedup,
      speedupCeiling,
      rerun,
      pdftotext,
    };
  } finally {
    if (!opts.keep && !opts.dir) await rm(dir, { recursive: true, force: true });
  }
}

const round = (n: number): number => Math.round(n * 10) / 10;
const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const analysesIn = (out: string): number => {
  const store = openStore(out);
  try {
    return store.counts().analyses;
  } finally {
    store.close();
  }
};
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const CLI = path.join(packageRoot, 'dist', 'cli', 'main.js');

export function runCli(
  files: string[],
  out: string,
  jobs: number,
  rulesDir: string,
  statsFile?: string,
): { ms: number; cpuMs: number | null; peakRssMb: number | null; threads: BenchRun['threadsCpuMs'] } {
  const inputs = [...new Set(files.map((f) => path.dirname(f)))];
  const args = [CLI, 'analyze', ...inputs, '--out', out, '--jobs', String(jobs), '--quiet', '--rules', rulesDir, ...(statsFile ? ['--stats', statsFile] : [])];
  const gnuTime = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'verkstad-time %M %U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`verkstad analyze failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const m = /verkstad-time (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const cpu = statsFile ? (JSON.parse(readFileSync(statsFile, 'utf8')) as { cpuMs: Record<string, number | null> }).cpuMs : null;
  const known = (x: number | null | undefined): x is number => typeof x === 'number';
  return {
    ms,
    threads:
      cpu && known(cpu.workerThreads) && known(cpu.mainThread) && known(cpu.otherThreads)
        ? { workerThreads: cpu.workerThreads, mainThread: cpu.mainThread, otherThreads: cpu.otherThreads }
        : null,
    cpuMs: m ? Math.round((Number(m[2]) + Number(m[3])) * 1000) : null,
    peakRssMb: m ? Math.round(Number(m[1]) / 1024) : null,
  };
}

export function snapshotRules(dir: string): string {
  const target = path.join(dir, 'rules');
  cpSync(path.join(packageRoot, 'rules'), target, { recursive: true });
  return target;
}

export function copyCommittedPdfs(dir: string): string[] {
  const out: string[] = [];
  for (const rel of ['corpora/samples', 'test/fixtures/pdf']) {
    const src = path.join(packageRoot, rel);
    if (!existsSync(src)) continue;
    for (const name of readdirSync(src).filter((n) => n.toLowerCase().endsWith('.pdf')).sort()) {
      const target = path.join(dir, 'committed', `${rel.replace(/\//g, '-')}-${name}`);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(src, name), target);
      out.push(target);
    }
  }
  return out;
}

/** Milliseconds for `pdftotext -layout` over every file, one process after another. */
export function timePdftotext(files: string[]): number {
  const t = performance.now();
  for (const f of files) spawnSync('pdftotext', ['-layout', f, os.devNull], { stdio: 'ignore' });
  return performance.now() - t;
}

// ---------------------------------------------------------------------------
// Generated reports: our own Swedish text, one coloured circle before each goal heading.

const BOARDS = ['Kultur- och fritidsnämnden', 'Socialnämnden', 'Barn- och utbildningsnämnden', 'Miljö- och byggnämnden', 'Tekniska nämnden', 'Äldrenämnden'];
const GOALS = [
  'Fler invånare ska delta i kulturlivet',
  'Barn och unga ska ha en meningsfull fritid',
  'Väntetiden till bygglov ska minska',
  'Äldre ska känna sig trygga i sitt boende',
  'Fler elever ska nå målen i alla ämnen',
  'Kommunen ska vara en attraktiv arbetsgivare',
  'Gator och cykelvägar ska vara säkra året runt',
  'Invånarna ska få snabba svar från kommunen',
  'Andelen förnybar energi ska öka',
  'Ekonomin ska vara i balans',
];
const SENTENCES = [
  'Under perioden har förvaltningen arbetat fram en ny struktur för samverkan mellan enheterna.',
  'En styrgrupp har tillsatts och en handlingsplan har tagits fram.',
  'Personalen har genomgått kompetensutveckling i bemötande och nya arbetssätt.',
  'Kartläggningen av processerna är klar och analysen presenteras för nämnden i höst.',
  'Fokus kommer att läggas på att förbättra rutinerna under nästa år.',
  'Arbetet ska fortsätta och planeras att utvärderas under 2026.',
  'Väntetiden har minskat från 21 till 14 dagar jämfört med samma period förra året.',
  'Andelen nöjda besökare ökade till 87 procent i årets enkät.',
  '412 hushåll fick stöd med energirådgivning under våren.',
  'Den nya fritidsgården öppnade i mars och har haft 3 150 besök.',
  'Målet handlar om att alla ska kunna ta del av kommunens service.',
  'Resultatet påverkas av konjunkturen och mäts en gång per år.',
  'Kontaktcenter har tilldelats ett pris för god service.',
  'Samordningen med regionen har stärkts genom gemensamma möten.',
  'Färre elever än tidigare lämnade grundskolan utan godkända betyg.',
];
const COLOURS = [rgb(0.2, 0.65, 0.25), rgb(0.95, 0.75, 0.1), rgb(0.85, 0.15, 0.15)];

async function generateReports(dir: string, count: number, pagesPerDoc: number): Promise<string[]> {
  const out: string[] = [];
  const target = path.join(dir, 'generated');
  mkdirSync(target, { recursive: true });
  for (let i = 0; i < count; i++) {
    const file = path.join(target, `rapport-${String(i + 1).padStart(3, '0')}.pdf`);
    const rand = randomFloats(0x5eed + i);
    const pages = Math.max(1, Math.round(pagesPerDoc * (0.8 + 0.4 * rand())));
    await writeFile(file, await generateReport(i, pages, rand));
    out.push(file);
  }
  return out;
}

async function generateReport(n: number, pages: number, rand: () => number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const board = BOARDS[n % BOARDS.length]!;
  const year = 2020 + (n % 6);
  doc.setTitle(`Delårsrapport ${year} – ${board} (${n + 1})`);
  doc.setProducer('verkstad bench');
  let goalNo = 0;
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Delårsrapport ${year} – ${board}`, { x: 56, y: 800, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
    page.drawText(`Sida ${p} av ${pages}`, { x: 500, y: 30, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
    let y = 760;
    if (p === 1) {
      page.drawText(`Uppföljning av nämndens mål ${year}`, { x: 56, y, size: 18, font: bold });
      y -= 36;
    }
    while (y > 160) {
      goalNo++;
      const title = `${goalNo}. ${GOALS[Math.floor(rand() * GOALS.length)]!}`;
      page.drawCircle({ x: 62, y: y + 4, size: 5, color: COLOURS[Math.floor(rand() * COLOURS.length)]! });
      page.drawText(title, { x: 74, y, size: 12, font: bold });
      y -= 20;
      const sentences = 3 + Math.floor(rand() * 5);
      const text = Array.from({ length: sentences }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]!).join(' ');
      y = drawParagraph(page, font, `${text} (Rapport ${n + 1}, mål ${goalNo}.)`, 56, y, 480, 10) - 18;
    }
  }
  return doc.save();
}

function drawParagraph(page: PDFPage, font: PDFFont, text: string, x: number, y: number, width: number, size: number): number {
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      page.drawText(line, { x, y, size, font });
      y -= size * 1.4;
      line = word;
    } else {
      line = next;
    }
  }
  if (line) {
    page.drawText(line, { x, y, size, font });
    y -= size * 1.4;
  }
  return y;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string): number | undefined => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await benchArchive({ generatedDocs: arg('--docs'), pagesPerDoc: arg('--pages'), repeat: arg('--repeat'), keep: process.argv.includes('--keep') });
  console.log(JSON.stringify(result, null, 2));
}
