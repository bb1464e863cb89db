#!/usr/bin/env node
/**
 * Verdicts next to a bomb, over several runs (issue 16): not a test, figures depend on the machine. Build first
 * (`npx tsc -p tsconfig.json`). Each run is the CLI on a fresh --out (nothing from a store), and prints one
 * verdict per document; the tables show whether any verdict changes from run to run.
 *
 *   node test/hostile/verdict-runs.mjs                  # all scenarios, 3 runs each
 *   node test/hostile/verdict-runs.mjs --runs 2 --only memory-300
 *
 * Scenarios:
 * - photos+bokslut: a disguised bomb (flat JPEG images, heavy-images.ts) that gets past the bomb check and the
 *   bound inside pdfjs and reaches the memory bound in the batch process, then Bokslut_2025.pdf, --jobs 1.
 * - scans+bokslut: a PDF whose streams decode to ~1 GB (under the check's limits), sent alone before parsing.
 * - memory-300: --memory 300 on 30 files: 10 reports (the real ones, the samples, fixtures), 3 copies of each
 *   that differ only in a comment after %%EOF (so that the batch analyses each copy, not one per content).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : null;
const cli = path.join(root, 'dist/cli/main.js');
if (!existsSync(cli)) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` first');
const realReports = path.resolve(root, '..', 'shared', 'real-reports');
const bokslut = path.join(realReports, 'Bokslut_2025.pdf');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

register(new URL('./ts-hooks.mjs', import.meta.url));
const { flatJpegPdf, heavyImagesPdf } = await import('./heavy-images.ts');

const work = mkdtempSync(path.join(os.tmpdir(), 'verkstad-verdict-runs-'));
try {
  const scenarios = [];
  if (existsSync(bokslut)) {
    const a = path.join(work, 'photos');
    mkdirSync(a);
    writeFileSync(path.join(a, '0-photos.pdf'), flatJpegPdf({ images: 3 }));
    copyFileSync(bokslut, path.join(a, 'Bokslut_2025.pdf'));
    scenarios.push({ name: 'photos+bokslut', dir: a, flags: ['--jobs', '1'] });
    const b = path.join(work, 'scans');
    mkdirSync(b);
    writeFileSync(path.join(b, '0-scans.pdf'), heavyImagesPdf({ images: 14 }));
    copyFileSync(bokslut, path.join(b, 'Bokslut_2025.pdf'));
    scenarios.push({ name: 'scans+bokslut', dir: b, flags: ['--jobs', '1'] });
  } else {
    process.stderr.write(`${realReports} is missing: the scenarios with Bokslut_2025.pdf are left out\n`);
  }
  const c = path.join(work, 'thirty');
  mkdirSync(c);
  const sources = [
    ...['Bokslut_2025.pdf', 'Cabinet QPR Q3 Cover.pdf', 'QPR Q3 Cabinet appendix 1.pdf'].map((f) => path.join(realReports, f)),
    ...['sv-kultur-bokslut.pdf', 'en-council-qpr.pdf', 'sv-namnd-delarsrapport.pdf'].map((f) => path.join(root, 'corpora', 'samples', f)),
    ...['sv-many-goals.pdf', 'en-rag-table.pdf', 'sv-raster-icons.pdf', 'sv-two-column.pdf', 'sv-glyphs.pdf', 'en-rag-letters.pdf'].map((f) =>
      path.join(root, 'test', 'fixtures', 'pdf', f),
    ),
  ]
    .filter((f) => existsSync(f))
    .slice(0, 10);
  for (const source of sources) {
    const bytes = readFileSync(source);
    for (let k = 1; k <= 3; k++) {
      const name = `${path.basename(source, '.pdf').replace(/\W+/g, '-')}.copy${k}.pdf`;
      writeFileSync(path.join(c, name), Buffer.concat([bytes, Buffer.from(`\n%verkstad copy ${k}\n`)]));
    }
  }
  scenarios.push({ name: 'memory-300', dir: c, flags: ['--memory', '300'] });

  for (const s of scenarios.filter((x) => !only || only.has(x.name))) {
    const table = new Map();
    const peaks = [];
    for (let r = 1; r <= runs; r++) {
      const out = path.join(work, `out-${s.name}-${r}`);
      const stats = path.join(work, `stats-${s.name}-${r}.json`);
      const t0 = performance.now();
      const argv = [cli, 'analyze', s.dir, '--out', out, '--quiet', '--stats', stats, ...s.flags];
      const p = gnuTime ? spawnSync(gnuTime, ['-v', process.execPath, ...argv], { encoding: 'utf8' }) : spawnSync(process.execPath, argv, { encoding: 'utf8' });
      const seconds = ((performance.now() - t0) / 1000).toFixed(0);
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(p.stderr ?? '');
      const st = JSON.parse(readFileSync(stats, 'utf8'));
      peaks.push(`run ${r}: ${seconds} s, peak ${st.peakRssMb} MB (batch process and a process of one document together)${m ? `, largest single process ${Math.round(Number(m[1]) / 1024)} MB` : ''}, analysed alone ${st.rerunAlone}`);
      const all = JSON.parse(readFileSync(path.join(out, 'verkstad.json'), 'utf8'));
      for (const d of all.documents) {
        const key = path.basename(d.file);
        if (!table.has(key)) table.set(key, []);
        table.get(key).push(d.error ? d.error.code : `OK (${d.goals.length} goals)`);
      }
    }
    console.log(`\n### ${s.name} (${s.flags.join(' ')}), ${runs} runs\n`);
    console.log(`| document | ${Array.from({ length: runs }, (_, i) => `run ${i + 1}`).join(' | ')} |`);
    console.log(`|---|${Array.from({ length: runs }, () => '---').join('|')}|`);
    for (const [doc, verdicts] of table) console.log(`| ${doc} | ${verdicts.join(' | ')} |`);
    for (const line of peaks) console.log(`- ${line}`);
    const changed = [...table].filter(([, v]) => new Set(v).size > 1).map(([d]) => d);
    // Copies of one report: the same verdict in every run.
    const groups = new Map();
    for (const [doc, verdicts] of table) {
      const base = doc.replace(/\.copy\d+\.pdf$/, '');
      if (base === doc) continue;
      if (!groups.has(base)) groups.set(base, new Set());
      for (const v of verdicts) groups.get(base).add(v);
    }
    const split = [...groups].filter(([, v]) => v.size > 1).map(([b]) => b);
    console.log(`- ${changed.length ? `verdicts that changed between runs: ${changed.join(', ')}` : 'no verdict changed between runs'}` + (groups.size ? `; ${split.length ? `copies with different verdicts: ${split.join(', ')}` : 'every copy of a report got the same verdict'}` : ''));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
