/**
 * `npm run bench`: every number the issues name, measured, never asserted in tests.
 *   node build/bench/run.js [--quick]     (--quick skips the archive benchmark)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeReportPdf } from './report-pdf.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = path.join(root, 'dist', 'cli', 'main.js');
const quick = process.argv.includes('--quick');

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

// Issue 6: the archive.
if (!quick) {
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
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
