/**
 * `npm run bench`: every number the issues name, measured, never asserted in tests.
 *   node build/bench/run.js [--quick] [--no-generated]
 * --quick skips both archives; --no-generated skips the generated one (the real-report archive still runs).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeReportPdf } from './report-pdf.js';
import { benchRealArchive } from './real-archive.js';
import { benchReportHtml, describeReportHtml } from './report-html.js';
import { pairedWithBareNode, startupParts } from './startup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = path.join(root, 'dist', 'cli', 'main.js');
const quick = process.argv.includes('--quick');
const generatedArchive = !quick && !process.argv.includes('--no-generated');

/** A step's result: the last line it prints. */
const stepResult = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, number>;

function step(mode: string, arg: string, n?: number): Record<string, number> {
  const r = spawnSync(process.execPath, [path.join(here, 'step.js'), mode, arg, ...(n ? [String(n)] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench step ${mode} failed: ${r.stderr}`);
  return stepResult(r.stdout);
}

/** The same, without waiting: for steps that must run at the same time. */
function stepAsync(mode: string, arg: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'step.js'), mode, arg], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stepResult(out)) : reject(new Error(`bench step ${mode} exited ${code}`))));
  });
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Wall time and peak RSS of a command, with GNU time where it exists. */
function timeCommand(cmd: string, args: string[]): { ms: number; peakRssMb: number | null; status: number | null } {
  const gnuTime = fs.existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const kb = gnuTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, peakRssMb: Number.isFinite(kb) ? Math.round(kb / 1024) : null, status: r.status };
}

const fmt = (x: number, d = 1) => x.toFixed(d);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-bench-'));
const lines: string[] = [];
const say = (s: string) => { lines.push(s); console.log(s); };

say(`verkstad bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
say(`load average (1 / 5 / 15 min) at the start: ${load()}`);

// Issue 2/3: extract + layout (+ segment) on a generated 200-page report.
const big = path.join(tmp, 'report-200.pdf');
fs.writeFileSync(big, await makeReportPdf(200, 7));
const full = step('extract', big);
const text = step('extract-text', big);
const seg = step('segment', big);
say('');
say(`extract+layout, 200-page report (${fmt(fs.statSync(big).size / 1024, 0)} KB), one thread:`);
say(`  with marks (operator list):  ${fmt((full.pages / full.ms) * 1000)} pages/s   peak RSS ${full.peakRssMb} MB`);
say(`  text only:                   ${fmt((text.pages / text.ms) * 1000)} pages/s   peak RSS ${text.peakRssMb} MB`);
if (which('pdftotext')) {
  const pt = timeCommand('pdftotext', ['-layout', big, path.join(tmp, 'out.txt')]);
  say(`  pdftotext -layout:           ${fmt((200 / pt.ms) * 1000)} pages/s   peak RSS ${pt.peakRssMb ?? '?'} MB   (includes process start)`);
} else say('  pdftotext: not installed (apt-get install poppler-utils)');
say(`segment on the same layout: ${fmt(seg.segmentMs)} ms for ${seg.goals} goals = ${fmt((seg.segmentMs / seg.extractLayoutMs) * 100)} % of extract+layout (${fmt(seg.extractLayoutMs)} ms)`);

// Issue 4: classify 10 000 sentences after start-up; CLI start-up.
const cls = step('classify', path.join(root, 'corpora'), 10000);
say('');
say(`classify: 10 000 sentences in ${fmt(cls.ms, 0)} ms = ${fmt((cls.sentences / cls.ms) * 1000, 0)} sentences/s (after start-up; peak RSS ${cls.peakRssMb} MB)`);
const startup = timeCommand(process.execPath, [cli, 'classify', '--lang', 'sv', 'Väntetiden har minskat till sex dagar.']);
say(`verkstad classify, one sentence, whole process: ${fmt(startup.ms, 0)} ms (start-up included)`);

// Issue 5: check on a 30-page report, start-up included.
const thirty = path.join(tmp, 'report-30.pdf');
fs.writeFileSync(thirty, await makeReportPdf(30, 11));
const chk = timeCommand(process.execPath, [cli, 'check', thirty, '--format', 'json']);
say(`verkstad check, 30-page report: ${fmt(chk.ms, 0)} ms including start-up (exit ${chk.status}, peak RSS ${chk.peakRssMb ?? '?'} MB)`);

// Issue 19: start-up, part by part, and check on a one-page draft against a bare node.
say('');
say('start-up, each part in a fresh process (median of 5):');
for (const p of startupParts(5)) say(`  ${p.what.padEnd(62)} ${String(p.ms).padStart(5)} ms`);
const draftDir = fs.mkdtempSync(path.join(tmp, 'draft-'));
fs.writeFileSync(
  path.join(draftDir, 'draft.md'),
  '# Trygg uppväxt\n\nStatus: grön\n\nSe indikatorer.\n\n# Fler ska gå vidare till arbete\n\nStatus: gul\n\nAndelen som gått till arbete ökade till 41 procent.\n',
);
const draft = pairedWithBareNode([cli, 'check', 'draft.md'], 9, draftDir);
say(`verkstad check, one-page Markdown draft, whole process: median ${draft.ms} ms; node -e 0 ${draft.nodeMs} ms; ${draft.ratio}x (median of 9 alternating pairs; target <= 7x)`);

// Issue 6: the archive.
let generatedRatio: number | null = null;
if (generatedArchive) {
  say('');
  // How far the cores themselves scale: the same pure-CPU loop in one process, then in two at once.
  const SPIN = '400000000';
  const alone = step('spin', SPIN).ms!;
  const pair = (await Promise.all([stepAsync('spin', SPIN), stepAsync('spin', SPIN)])).map((r) => r.ms!);
  say(`cores: a pure-CPU loop takes ${fmt(alone / 1000, 2)} s alone, ${pair.map((ms) => fmt(ms / 1000, 2)).join(' and ')} s as two processes at once: ${fmt((2 * alone) / Math.max(...pair), 2)}x the work per second on ${os.availableParallelism()} cores`);
  const { benchArchive } = await import('./archive.js');
  const r = await benchArchive({ log: () => {} });
  say(`archive: ${r.archive.documents} documents, ${r.archive.pages} pages (${fmt(r.archive.megabytes)} MB)`);
  for (const run of r.runs) {
    const cpu = run.cpuMs === null ? '' : `, CPU ${fmt(run.cpuMs / 1000)} s (${fmt(run.cpuMs / run.elapsedMs, 2)} cores busy)`;
    say(`  --jobs ${run.jobs}: median ${fmt(run.elapsedMs / 1000)} s of [${run.allMs.map((ms) => fmt(ms / 1000)).join(', ')}], ${fmt(run.documentsPerSecond, 2)} documents/s, ${fmt(run.pagesPerSecond)} pages/s${cpu}, peak RSS ${run.peakRssMb} MB, errors ${run.errors}`);
    const t = run.threadsCpuMs;
    if (t) say(`      CPU by thread: workers ${fmt(t.workerThreads / 1000)} s, main ${fmt(t.mainThread / 1000)} s, other (V8 compiler and GC helpers, libuv) ${fmt(t.otherThreads / 1000)} s`);
  }
  if (r.speedup !== null) say(`  speed-up with ${r.runs[r.runs.length - 1].jobs} jobs: ${fmt(r.speedup, 2)}x`);
  if (r.speedupCeiling) {
    const [first, last] = [r.runs[0], r.runs[r.runs.length - 1]];
    say(`  ceiling of that speed-up from CPU time: ${fmt(r.speedupCeiling.value, 2)}x = ${r.speedupCeiling.cores} cores x ${fmt(first.elapsedMs / 1000)} s (--jobs ${first.jobs}) / ${fmt(last.cpuMs! / 1000)} s CPU (--jobs ${last.jobs})`);
  }
  say(`  rerun of the finished archive: ${fmt(r.rerun.elapsedMs / 1000, 2)} s (${r.rerun.cached} cached, ${r.rerun.analysed} analysed)`);
  if (r.pdftotext) {
    const last = r.runs[r.runs.length - 1];
    say(`  pdftotext -layout on the same files, timed in each round: median ${fmt(r.pdftotext.pagesPerSecond)} pages/s; verkstad --jobs ${last.jobs} at ${fmt(r.pdftotext.ratio, 3)} of it (median of the rounds' ratios ${r.pdftotext.ratios.map((x) => fmt(x, 3)).join(', ')})`);
    generatedRatio = r.pdftotext.ratio;
  }
}

// Issue 19: the real-report archive, and what the graphics pass skips on its distinct PDFs.
if (!quick) {
  say('');
  const r = await benchRealArchive({ dir: path.join(tmp, 'real'), log: () => {} });
  const a = r.archive;
  say(`real-report archive: ${a.documents} documents (${a.realReports} real reports and ${a.committed} fixtures and samples from Chromium, LibreOffice and pdf-lib, ${a.copies} copies each), ${a.pages} pages, ${fmt(a.megabytes)} MB`);
  const v = r.verkstad;
  const cpu = v.cpuMs === null ? '' : `, CPU ${fmt(v.cpuMs / 1000)} s`;
  say(`  verkstad --jobs ${v.jobs}: median ${fmt(v.elapsedMs / 1000)} s of [${v.allMs.map((ms) => fmt(ms / 1000)).join(', ')}], ${fmt(v.pagesPerSecond)} pages/s${cpu}, peak RSS ${v.peakRssMb} MB (target <= 500), errors ${v.errors}`);
  if (r.pdftotext) {
    say(`  pdftotext -layout, same files, same rounds: median ${fmt(r.pdftotext.elapsedMs / 1000)} s of [${r.pdftotext.allMs.map((ms) => fmt(ms / 1000)).join(', ')}], ${fmt(r.pdftotext.pagesPerSecond)} pages/s, peak RSS ${r.pdftotext.peakRssMb ?? '?'} MB`);
    say(`  verkstad / pdftotext: ${fmt(r.ratio!, 3)} (rounds ${r.ratios.map((x) => fmt(x, 3)).join(', ')}; target >= 0.15, aim 0.25)${generatedRatio === null ? '' : `; the generated archive: ${fmt(generatedRatio, 3)}`}`);
  } else say('  pdftotext: not installed (apt-get install poppler-utils)');
  const m = step('marks', a.sourcesDir);
  const pct = (x: number, of: number) => `${fmt((100 * x) / Math.max(1, of))} %`;
  say(`  graphics pass on the ${m.documents} distinct PDFs (${m.pages} pages): operator list read on ${m.pagesWithGraphics} pages, skipped on ${m.pages - m.pagesWithGraphics} (${pct(m.pages - m.pagesWithGraphics, m.pages)})`);
  say(`  images on those pages: ${m.imagesDecoded} decoded, ${m.imagesSkipped} not decoded (${pct(m.imagesSkipped, m.imagesDecoded + m.imagesSkipped)}); documents read again with every image decoded: ${m.rereads}`);
  say(`  unchanged: results the same as with --marks all on ${m.sameResults} of ${m.documents}; extraction the same as decoding every image on ${m.sameExtraction} of ${m.documents}`);
}
say('');
// Issue 18: report.html with the over-time views for an archive of 1 000 documents, opened in Chromium.
say(describeReportHtml(await benchReportHtml({ docs: 1000 })));
say('');
say(`load average (1 / 5 / 15 min) at the end: ${load()}`);
fs.rmSync(tmp, { recursive: true, force: true });
