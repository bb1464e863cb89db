/**
 * Scheduling and bounds: input order, per-document timeout, memory watchdog with isolation of the
 * culprit, worker crashes, abort. Most cases use test/batch/fake-analyzer.mjs (documents that sleep,
 * grow or crash on purpose); the timeout case also runs a genuinely slow PDF through the real pipeline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeAnalyzer, goodPdfs, loadDist, tempDir, writeDocs } from './helpers.js';

let dist: Awaited<ReturnType<typeof loadDist>>;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dist = await loadDist();
  ({ dir, cleanup } = await tempDir('bounds'));
});
afterAll(() => cleanup());

describe('order', () => {
  it('returns results in input order with 2 workers, whatever the completion order', async () => {
    const docs: Record<string, string> = {};
    // Early files are slow, later ones fast: completion order is roughly reversed.
    for (let i = 0; i < 10; i++) docs[`o${String(i).padStart(2, '0')}.txt`] = `doc ${i}\nsleep ${(10 - i) * 40}\npages ${i + 1}`;
    const files = writeDocs(path.join(dir, 'order'), docs);
    const completion: number[] = [];
    const results = await dist.run.runBatch(files, { jobs: 2, analyzerModule: fakeAnalyzer, onResult: (_r, i) => completion.push(i) });
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.map((r) => r.pages)).toEqual(files.map((_, i) => i + 1));
    expect(completion).not.toEqual(files.map((_, i) => i));
    expect([...completion].sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
  }, 60_000);
});

async function slowPdf(file: string, pages: number): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Mål ${p}: Invånarna ska vara nöjda med kommunens service`, { x: 50, y: 790, size: 14, font });
    for (let l = 0; l < 45; l++) {
      page.drawText(`Rad ${l + 1}: arbetet med ny organisation och nya arbetssätt har fortsatt under perioden ${p}.`, { x: 50, y: 760 - l * 16, size: 10, font });
    }
  }
  fs.writeFileSync(file, await doc.save());
}

describe('timeout', () => {
  it('a slow real PDF gives TIMEOUT naming the limit; the worker is replaced and the batch goes on', async () => {
    const slow = path.join(dir, 'timeout', 'a-slow.pdf');
    fs.mkdirSync(path.dirname(slow), { recursive: true });
    await slowPdf(slow, 800); // 15-30 s of pdfjs work, far above the limit
    // Small fixtures, so that a cold worker on a busy machine stays well inside the limit.
    const good = goodPdfs().filter((f) => /sv-(glyphs|symbol-after)\.pdf$/.test(f));
    expect(good.length).toBe(2);
    const { results, stats } = await dist.run.runBatchWithStats([slow, ...good], { jobs: 1, timeoutMs: 4000 });
    expect(results[0]!.error?.code).toBe('TIMEOUT');
    expect(results[0]!.error?.message).toMatch(/within the 4 s time limit/);
    for (const r of results.slice(1)) expect(r.error).toBeNull();
    expect(stats.workersStarted).toBe(2); // the timed-out worker was replaced once
  }, 90_000);

  it('a fake document that sleeps past the limit times out, the next one is fine', async () => {
    const files = writeDocs(path.join(dir, 'timeout-fake'), { 'a.txt': 'sleeper\nsleep 20000', 'b.txt': 'quick' });
    const results = await dist.run.runBatch(files, { jobs: 1, timeoutMs: 500, analyzerModule: fakeAnalyzer });
    expect(results.map((r) => r.error?.code ?? 'OK')).toEqual(['TIMEOUT', 'OK']);
    expect(results[0]!.error!.message).toContain('500 ms');
  }, 30_000);
});

describe('memory watchdog', () => {
  it('with several documents running, terminates them all and re-runs each alone: only the culprit is TOO_LARGE', async () => {
    const files = writeDocs(path.join(dir, 'memory'), {
      'a-innocent.txt': 'innocent\nsleep 2500',
      'b-grower.txt': 'grower\ngrow 2000',
      'c-after.txt': 'after',
    });
    const infos: Record<string, { rerunAlone: boolean }> = {};
    const { results, stats } = await dist.run.runBatchWithStats(files, {
      jobs: 2,
      memoryMb: 700,
      timeoutMs: 20_000,
      analyzerModule: fakeAnalyzer,
      onResult: (r, _i, info) => (infos[path.basename(r.file)] = info),
    });
    expect(results.map((r) => r.error?.code ?? 'OK')).toEqual(['OK', 'TOO_LARGE', 'OK']);
    expect(results[1]!.error!.message).toMatch(/700 MB memory bound/);
    expect(infos['a-innocent.txt']!.rerunAlone).toBe(true);
    expect(infos['b-grower.txt']!.rerunAlone).toBe(true);
    expect(stats.rerunAlone).toBe(2);
  }, 60_000);

  it('a document running alone over the bound is TOO_LARGE at once', async () => {
    const files = writeDocs(path.join(dir, 'memory-alone'), { 'g.txt': 'grower\ngrow 2000', 'h.txt': 'next' });
    const { results, stats } = await dist.run.runBatchWithStats(files, { jobs: 1, memoryMb: 700, analyzerModule: fakeAnalyzer });
    expect(results.map((r) => r.error?.code ?? 'OK')).toEqual(['TOO_LARGE', 'OK']);
    expect(stats.rerunAlone).toBe(0);
    expect(stats.peakRssMb).toBeLessThan(700 + 300);
  }, 60_000);
});

describe('worker crashes', () => {
  it('exit, uncaught exception and heap exhaustion each fail only their document', async () => {
    const files = writeDocs(path.join(dir, 'crash'), {
      '1-exit.txt': 'exits\nexit 3',
      '2-throw.txt': 'throws\nthrow',
      '3-heap.txt': 'eats the heap\nheap',
      '4-fine.txt': 'fine',
    });
    const { results, stats } = await dist.run.runBatchWithStats(files, { jobs: 2, memoryMb: 4000, heapMb: 128, timeoutMs: 30_000, analyzerModule: fakeAnalyzer });
    const codes = results.map((r) => r.error?.code ?? 'OK');
    expect(codes[0]).toBe('INTERNAL');
    expect(results[0]!.error!.message).toMatch(/stopped unexpectedly.*exit code 3/);
    expect(codes[1]).toBe('INTERNAL');
    expect(results[1]!.error!.message).toContain('fake analyzer exploded');
    expect(codes[2]).toBe('TOO_LARGE');
    expect(results[2]!.error!.message).toMatch(/128 MB JavaScript heap/);
    expect(codes[3]).toBe('OK');
    expect(stats.workersStarted).toBeGreaterThanOrEqual(4);
  }, 90_000);
});

describe('abort', () => {
  it('stops scheduling, terminates the workers, keeps what was stored, and rejects with AbortError', async () => {
    const docs: Record<string, string> = {};
    for (let i = 0; i < 8; i++) docs[`d${i}.txt`] = `doc ${i}\nsleep 300`;
    const files = writeDocs(path.join(dir, 'abort'), docs);
    const store = dist.store.openStore(path.join(dir, 'abort-out'));
    const controller = new AbortController();
    let seen = 0;
    const t0 = Date.now();
    const run = dist.run.runBatch(files, {
      jobs: 2,
      store,
      analyzerModule: fakeAnalyzer,
      signal: controller.signal,
      onResult: () => {
        if (++seen === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(seen).toBeLessThan(files.length);
    expect(store.counts().documents).toBe(seen);
    store.close();
  }, 30_000);
});
