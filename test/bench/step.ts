/**
 * One measured benchmark step in its own process, so that its peak RSS is its own:
 *   node build/bench/step.js <extract|extract-text|segment|classify> <file> [n]   or   spin <iterations>
 * Prints one JSON line: { ms, pages?, sentences?, peakRssMb, startupMs }.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createContext } from '../../dist/context.js';
import { extractDocument } from '../../dist/extract/index.js';
import { layoutDocument } from '../../dist/layout/index.js';
import { loadCorpus } from '../../dist/classify/corpus.js';
import { segmentDocument } from '../../dist/segment/index.js';

const [mode, file, nArg] = process.argv.slice(2);
const startupMs = performance.now();
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (mode === 'extract' || mode === 'extract-text') {
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  const doc = await extractDocument(bytes, { graphics: mode === 'extract', maxPages: 100000 });
  const layout = layoutDocument(doc);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, pages: layout.numPages, peakRssMb: peak(), startupMs }));
} else if (mode === 'segment') {
  const ctx = await createContext();
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  const layout = layoutDocument(await extractDocument(bytes, { maxPages: 100000 }));
  const t1 = performance.now();
  const seg = segmentDocument(layout, ctx.rules);
  const t2 = performance.now();
  console.log(JSON.stringify({ ms: t2 - t0, extractLayoutMs: t1 - t0, segmentMs: t2 - t1, goals: seg.goals.length, pages: layout.numPages, peakRssMb: peak(), startupMs }));
} else if (mode === 'classify') {
  const ctx = await createContext();
  const n = Number(nArg ?? 10000);
  const pool = [...loadCorpus(file, 'sv'), ...loadCorpus(file, 'en')];
  const sentences = Array.from({ length: n }, (_, i) => pool[i % pool.length]);
  const t0 = performance.now();
  for (const s of sentences) ctx.classifier.classify(s.text, s.file.startsWith('sv') ? 'sv' : 'en');
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, sentences: n, peakRssMb: peak(), startupMs }));
} else if (mode === 'spin') {
  // A fixed amount of pure CPU work (xorshift32, no allocation, no memory traffic): how the cores themselves scale.
  const n = Number(file ?? 4e8);
  const t0 = performance.now();
  let x = 2463534242;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    sum = (sum + x) | 0;
  }
  console.log(JSON.stringify({ ms: performance.now() - t0, sum, peakRssMb: peak(), startupMs }));
} else {
  console.error('usage: step.js <extract|extract-text|segment|classify|spin> <file|iterations> [n]');
  process.exitCode = 2;
}
