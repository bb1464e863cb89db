/**
 * report.html at archive scale (issue 18): an archive of `docs` made-up Markdown reports (organisations × periods,
 * goals reworded a little between periods, some green on internal work only), analysed by the CLI with --out, then
 * report.html's size and the time Chromium takes to open it: its first contentful paint, navigation until `load`, and
 * until the over-time section's first summary is laid out; the same for the largest page of goals and the first page
 * of the view across time beside it (report/, src/report/html-pages.ts). Not a test: the figures depend on the machine.
 *
 * Run on its own with `node build/bench/report-html.js [--docs 1000] [--keep]` (after `npm run build:tools`);
 * `npm run bench` runs it with 1 000 documents when /usr/bin/chromium is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomFloats } from './prng.js';

const CHROMIUM = '/usr/bin/chromium';
const CLI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/cli/main.js');
const PERIODS = ['2021', '2022', '2023', '2024', '2025'];
const AREAS = ['förskola', 'grundskola', 'äldreomsorg', 'bibliotek', 'simhall', 'kollektivtrafik', 'bygglov', 'hemtjänst', 'fritidsgård', 'ekonomiskt bistånd'];
const OUTCOMES = [
  (a: string, n: number) => `Andelen nöjda brukare inom ${a} ökade till ${n} procent.`,
  (a: string, n: number) => `Väntetiden inom ${a} minskade till ${n % 30} dagar.`,
];
const INTERNAL = [
  (a: string) => `En ny samverkansgrupp för ${a} har bildats under året.`,
  (a: string) => `Medarbetarna inom ${a} har genomgått utbildning i det nya arbetssättet.`,
];

const FIRST = ['Al', 'Berg', 'Dal', 'Ek', 'Fors', 'Hag', 'Lund', 'Mo', 'Sjö', 'Vik'];
const SECOND = ['ås', 'by', 'sta', 'torp', 'holm', 'näs', 'hult', 'vik', 'berga', 'ryd'];
/** A made-up place for organisation `i`: 100 names, then the same with "Norra " in front. */
const place = (i: number) => `${i >= 100 ? 'Norra ' : ''}${FIRST[i % 10]}${SECOND[Math.floor(i / 10) % 10]}`;

/** One made-up report: goal titles drift a word between periods; every fourth goal is green on internal work. */
function report(org: number, period: number, goals: number, rnd: () => number): string {
  const lines = [`# Kommunstyrelsen, ${place(org)} kommun`, '', `## Årsredovisning ${PERIODS[period]}`, ''];
  for (let g = 0; g < goals; g++) {
    const area = AREAS[(org + g) % AREAS.length]!;
    const reworded = period % 2 === 1 && g % 3 === 0 ? 'ska fortsatt ' : 'ska ';
    const internalOnly = g % 4 === 0;
    const status = internalOnly ? 'grön' : ['grön', 'gul', 'röd'][Math.floor(rnd() * 3)];
    lines.push(`## Invånarna ${reworded}få en bättre ${area} (mål ${g + 1})`, `Status: ${status}`, '');
    const n = 50 + Math.floor(rnd() * 50);
    lines.push(internalOnly ? `${INTERNAL[0]!(area)} ${INTERNAL[1]!(area)}` : `${OUTCOMES[g % 2]!(area, n)} ${INTERNAL[g % 2]!(area)}`, '');
  }
  return lines.join('\n');
}

/** One HTML file opened in Chromium: its size, first contentful paint and navigation until `load`. */
export interface PageTiming {
  file: string;
  bytes: number;
  loadMs: number;
  firstPaintMs: number | null;
}

export interface ReportHtmlResult {
  docs: number;
  organisations: number;
  analyseMs: number;
  htmlBytes: number;
  loadMs: number;
  firstPaintMs: number | null;
  overTimeMs: number | null;
  /** The pages beside report.html (report/), when the archive is large enough to have them. */
  pages: { count: number; bytes: number; largest: PageTiming | null; overTime: PageTiming | null };
}

export async function benchReportHtml(opts: { docs?: number; goals?: number; keep?: boolean } = {}): Promise<ReportHtmlResult | null> {
  if (!existsSync(CHROMIUM)) return null;
  const docs = opts.docs ?? 1000;
  const goals = opts.goals ?? 10;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verkstad-bench-html-'));
  try {
    const inputs = path.join(dir, 'arkiv');
    mkdirSync(inputs);
    const rnd = randomFloats(18);
    const organisations = Math.ceil(docs / PERIODS.length);
    for (let i = 0; i < docs; i++) {
      const org = Math.floor(i / PERIODS.length);
      writeFileSync(path.join(inputs, `kommun-${org + 1}-${PERIODS[i % PERIODS.length]}.md`), report(org, i % PERIODS.length, goals, rnd));
    }
    const out = path.join(dir, 'out');
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'analyze', inputs, '--out', out, '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const analyseMs = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`verkstad analyze failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
    const html = path.join(out, 'report.html');
    const pagesDir = path.join(out, 'report');
    const pageFiles = existsSync(pagesDir) ? readdirSync(pagesDir).map((n) => path.join(pagesDir, n)) : [];
    const largest = pageFiles.filter((f) => path.basename(f).startsWith('goals-')).sort((a, b) => statSync(b).size - statSync(a).size)[0];
    const overTimePage = pageFiles.find((f) => path.basename(f).startsWith('over-time-'));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      // The browser's own clock for the paint and the over-time summary (strings: this project's types have no DOM).
      // Chromium paints a page's top while it still parses the rest.
      const open = async (file: string): Promise<PageTiming & { overTimeMs: number | null }> => {
        const page = await browser.newPage();
        const t0 = performance.now();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
        const loadMs = performance.now() - t0;
        const firstPaintMs = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null`)) as number | null;
        const overTimeMs = (await page.evaluate(
          `(() => { const s = document.querySelector('details summary'); if (!s) return null; s.getBoundingClientRect(); return performance.now(); })()`,
        )) as number | null;
        await page.close();
        return { file: path.relative(out, file), bytes: statSync(file).size, loadMs, firstPaintMs, overTimeMs };
      };
      const top = await open(html);
      const largestTiming = largest ? await open(largest) : null;
      const overTimeTiming = overTimePage ? await open(overTimePage) : null;
      return {
        docs,
        organisations,
        analyseMs,
        htmlBytes: top.bytes,
        loadMs: top.loadMs,
        firstPaintMs: top.firstPaintMs,
        overTimeMs: overTimeTiming?.overTimeMs ?? top.overTimeMs,
        pages: {
          count: pageFiles.length,
          bytes: pageFiles.reduce((n, f) => n + statSync(f).size, 0),
          largest: largestTiming,
          overTime: overTimeTiming,
        },
      };
    } finally {
      await browser.close();
    }
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

export function describeReportHtml(r: ReportHtmlResult | null): string {
  if (!r) return 'report.html at scale: skipped, /usr/bin/chromium is not installed (apt-get install -y chromium)';
  const mb = (r.htmlBytes / 1024 ** 2).toFixed(1);
  const ot = r.overTimeMs === null ? 'no over-time section' : `over-time section laid out at ${Math.round(r.overTimeMs)} ms`;
  const page = (p: PageTiming) =>
    `${p.file} ${(p.bytes / 1024 ** 2).toFixed(1)} MB, painted at ${p.firstPaintMs === null ? '?' : Math.round(p.firstPaintMs)} ms, loaded at ${Math.round(p.loadMs)} ms`;
  const pages = r.pages.count
    ? `; ${r.pages.count} pages beside it (${(r.pages.bytes / 1024 ** 2).toFixed(1)} MB): ${[r.pages.largest, r.pages.overTime].filter((p): p is PageTiming => p !== null).map(page).join('; ')}`
    : '';
  return `report.html at scale: ${r.docs} documents of ${r.organisations} organisations, analysed in ${(r.analyseMs / 1000).toFixed(1)} s; report.html ${mb} MB; Chromium paints its top at ${r.firstPaintMs === null ? '?' : Math.round(r.firstPaintMs)} ms and has loaded it all at ${Math.round(r.loadMs)} ms, ${ot}${pages}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const docs = Number(arg('--docs') ?? 1000);
  console.log(describeReportHtml(await benchReportHtml({ docs, keep: process.argv.includes('--keep') })));
}
