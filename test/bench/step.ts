/**
 * One measured benchmark step in its own process, so that its peak RSS is its own:
 *   node build/bench/step.js <extract|extract-text|segment|classify> <file> [n]   or   spin <iterations>
 *   node build/bench/step.js marks <dir>          what the graphics pass read and skipped on every PDF in dir
 *   node build/bench/step.js startup <part>       one start-up cost, measured in this fresh process (startup.ts)
 * Prints one JSON line: { ms, pages?, sentences?, peakRssMb, startupMs }.
 *
 * Heavy modules are imported by the modes that use them, so that `startup` measures a process that has loaded
 * nothing of ours.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureStartupPart } from './startup.js';

const [mode, file, nArg] = process.argv.slice(2);
const startupMs = performance.now();
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
const dist = async () => ({
  ...(await import('../../dist/context.js')),
  ...(await import('../../dist/extract/index.js')),
  ...(await import('../../dist/layout/index.js')),
  ...(await import('../../dist/classify/corpus.js')),
  ...(await import('../../dist/segment/index.js')),
  ...(await import('../../dist/pipeline.js')),
});

if (mode === 'startup') {
  console.log(JSON.stringify({ ms: await measureStartupPart(file!), peakRssMb: peak(), startupMs }));
} else if (mode === 'marks') {
  // Over the distinct PDFs of an archive: the share of pages whose operator list the page cues skipped and of images
  // pdfjs did not decode, and whether results and extraction are those of reading every page and decoding every image.
  const { createContext, extractDocument, emptyCounters, graphicsWhereItMatters, runStages } = await dist();
  const ctx = await createContext();
  const all = await createContext({ marks: 'all' });
  const counters = emptyCounters();
  let sameResults = 0, sameExtraction = 0, documents = 0;
  const files = fs.readdirSync(file!).filter((n) => n.toLowerCase().endsWith('.pdf')).sort();
  for (const name of files) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(file!, name)));
    const filtered = await extractDocument(bytes, { graphics: graphicsWhereItMatters(ctx.rules), counters, maxPages: 100000 });
    const everyImage = await extractDocument(bytes, { graphics: graphicsWhereItMatters(ctx.rules), decodeAllImages: true, maxPages: 100000 });
    if (JSON.stringify(filtered) === JSON.stringify(everyImage)) sameExtraction++;
    const auto = await runStages(name, bytes, ctx);
    const everyPage = await runStages(name, bytes, all);
    if (JSON.stringify(auto.result) === JSON.stringify(everyPage.result)) sameResults++;
    documents++;
  }
  console.log(JSON.stringify({ ...counters, documents, sameResults, sameExtraction, ms: performance.now() - startupMs, peakRssMb: peak(), startupMs }));
} else if (mode === 'extract' || mode === 'extract-text') {
  const { extractDocument, layoutDocument } = await dist();
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  const doc = await extractDocument(bytes, { graphics: mode === 'extract', maxPages: 100000 });
  const layout = layoutDocument(doc);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, pages: layout.numPages, peakRssMb: peak(), startupMs }));
} else if (mode === 'segment') {
  const { createContext, extractDocument, layoutDocument, segmentDocument } = await dist();
  const ctx = await createContext();
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  const layout = layoutDocument(await extractDocument(bytes, { maxPages: 100000 }));
  const t1 = performance.now();
  const seg = segmentDocument(layout, ctx.rules);
  const t2 = performance.now();
  console.log(JSON.stringify({ ms: t2 - t0, extractLayoutMs: t1 - t0, segmentMs: t2 - t1, goals: seg.goals.length, pages: layout.numPages, peakRssMb: peak(), startupMs }));
} else if (mode === 'classify') {
  const { createContext, loadCorpus } = await dist();
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
  console.error('usage: step.js <extract|extract-text|segment|classify|spin|marks|startup> <file|iterations|dir|part> [n]');
  process.exitCode = 2;
}
