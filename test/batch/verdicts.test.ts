/**
 * A document's verdict is its own: the same document gets the same verdict whatever ran before or beside it, and
 * no verdict another document caused is stored. The documents are fake-analyzer.mjs scripts; memory is what they
 * say they hold (documentMeter), including memory a stopped document leaves behind in the batch process, and time
 * passes when the test moves its clock. Which documents happen to be running when the meter goes past the bound
 * depends on the machine; the verdicts checked here must not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heavyImagesPdf } from '../hostile/heavy-images.js';
import { documentMeter, fakeAnalyzer, frozenClock, lineCount, loadDist, manualClock, noMemory, tempDir, untilLines, writeDocs } from './helpers.js';

let dist: Awaited<ReturnType<typeof loadDist>>;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dist = await loadDist();
  ({ dir, cleanup } = await tempDir('verdicts'));
});
afterAll(() => cleanup());

const verdicts = (results: { file: string; error: { code: string } | null }[]) =>
  Object.fromEntries(results.map((r) => [path.basename(r.file), r.error?.code ?? 'OK']));

/** Documents for a bound of 700 MB: alone, each holds its own figure on top of a 100 MB process. */
const DOCS = {
  // A disguised bomb: it holds 2000 MB and never finishes on its own.
  'bomb.txt': 'bomb\nuses 2000\nhold',
  // Heavy but within the bound alone (100 + 450 MB), past it beside the bomb or after it.
  'report-a.txt': 'report a\nuses 450',
  'report-b.txt': 'report b\nuses 450',
  // Past the bound alone, whatever runs beside it: 100 + 650 MB.
  'too-big.txt': 'too big\nuses 650\nhold',
  'small.txt': 'small',
};
const EXPECTED = { 'bomb.txt': 'TOO_LARGE', 'report-a.txt': 'OK', 'report-b.txt': 'OK', 'too-big.txt': 'TOO_LARGE', 'small.txt': 'OK' };

describe('the same document gets the same verdict whatever ran before or beside it', () => {
  const orders: [string, string[]][] = [
    ['bomb first', ['bomb.txt', 'report-a.txt', 'report-b.txt', 'too-big.txt', 'small.txt']],
    ['bomb last', ['small.txt', 'report-a.txt', 'too-big.txt', 'report-b.txt', 'bomb.txt']],
    ['bomb in the middle', ['report-a.txt', 'small.txt', 'bomb.txt', 'too-big.txt', 'report-b.txt']],
  ];
  const configs = [
    { jobs: 1, leftBehind: true },
    { jobs: 2, leftBehind: true },
    { jobs: 3, leftBehind: false },
  ];
  let n = 0;
  for (const [name, order] of orders) {
    for (const { jobs, leftBehind } of configs) {
      it(`${name}, --jobs ${jobs}${leftBehind ? ', the memory of stopped documents left in the batch process' : ''}`, async () => {
        const sub = path.join(dir, `order-${n++}`);
        const files = writeDocs(sub, Object.fromEntries(order.map((f) => [f, DOCS[f as keyof typeof DOCS]])));
        const store = dist.store.openStore(path.join(sub, 'out'));
        try {
          const { meter } = documentMeter(100, { leftBehind });
          const { results } = await dist.run.runBatchWithStats(files, {
            jobs,
            store,
            memoryMb: 700,
            memoryMeter: meter,
            watchdogIntervalMs: 10,
            deadlineTimer: frozenClock,
            analyzerModule: fakeAnalyzer,
          });
          expect(verdicts(results)).toEqual(EXPECTED);
          // What the store keeps is the same: no innocent TOO_LARGE was written, even for a moment.
          const stored = store.db.prepare('SELECT file, error_code FROM documents').all() as { file: string; error_code: string | null }[];
          expect(Object.fromEntries(stored.map((r) => [path.basename(r.file), r.error_code ?? 'OK']))).toEqual(EXPECTED);
          const analyses = store.db.prepare('SELECT file, error_code FROM analyses').all() as { file: string; error_code: string | null }[];
          for (const a of analyses) expect(a.error_code ?? 'OK', a.file).toBe(EXPECTED[path.basename(a.file) as keyof typeof EXPECTED]);
        } finally {
          store.close();
        }
      });
    }
  }

  it('a harmless report after a bomb with --jobs 1, the bomb\'s memory still in the batch process: the report is analysed alone and is OK', async () => {
    const sub = path.join(dir, 'bokslut');
    const files = writeDocs(sub, { '1-bomb.txt': DOCS['bomb.txt'], '2-bokslut.txt': 'bokslut\npages 40\nuses 300' });
    const { meter } = documentMeter(100, { leftBehind: true });
    const infos: Record<string, boolean> = {};
    const { results, stats } = await dist.run.runBatchWithStats(files, {
      jobs: 1,
      memoryMb: 700,
      memoryMeter: meter,
      watchdogIntervalMs: 10,
      deadlineTimer: frozenClock,
      analyzerModule: fakeAnalyzer,
      onResult: (r, _i, info) => (infos[path.basename(r.file)] = info.rerunAlone),
    });
    expect(verdicts(results)).toEqual({ '1-bomb.txt': 'TOO_LARGE', '2-bokslut.txt': 'OK' });
    expect(results[1]!.pages).toBe(40);
    // The bomb's 2000 MB stayed in the batch process: the report could not start there without being blamed.
    expect(infos).toEqual({ '1-bomb.txt': true, '2-bokslut.txt': true });
    expect(stats.rerunAlone).toBe(2);
  });

  it('a bound below what the batch process holds on its own (--memory 300 with a 400 MB process): every document is judged alone', async () => {
    const sub = path.join(dir, 'low-bound');
    const docs: Record<string, string> = {};
    for (let i = 0; i < 6; i++) docs[`copy-${i}.txt`] = `copy ${i}\nuses ${i % 2 ? 250 : 150}${i % 2 ? '\nhold' : ''}`;
    const files = writeDocs(sub, docs);
    const { meter } = documentMeter(400, { aloneBaseMb: 100 });
    const { results, stats } = await dist.run.runBatchWithStats(files, {
      jobs: 2,
      memoryMb: 300,
      memoryMeter: meter,
      watchdogIntervalMs: 10,
      deadlineTimer: frozenClock,
      analyzerModule: fakeAnalyzer,
    });
    expect(results.map((r) => r.error?.code ?? 'OK')).toEqual(['OK', 'TOO_LARGE', 'OK', 'TOO_LARGE', 'OK', 'TOO_LARGE']);
    expect(stats.rerunAlone).toBe(6);
  });
});

describe('heavy documents', () => {
  it('a PDF whose streams decode to more than a quarter of the bound is analysed alone from the start', async () => {
    const sub = path.join(dir, 'heavy');
    fs.mkdirSync(sub, { recursive: true });
    // 2 MB of image data, under a bound of 4 MB (the check's own limits set apart, so that it lets the file through).
    const heavy = path.join(sub, 'scans.pdf');
    fs.writeFileSync(heavy, heavyImagesPdf({ images: 1, width: 1000, height: 2000 }));
    const [light] = writeDocs(sub, { 'light.txt': 'light' });
    const infos: Record<string, boolean> = {};
    const { results, stats } = await dist.run.runBatchWithStats([heavy, light!], {
      jobs: 1,
      memoryMb: 4,
      inflateLimits: { perStreamBytes: 64 * 1024 ** 2, totalBytes: 64 * 1024 ** 2 },
      memoryMeter: noMemory,
      deadlineTimer: frozenClock,
      analyzerModule: fakeAnalyzer,
      onResult: (r, _i, info) => (infos[path.basename(r.file)] = info.rerunAlone),
    });
    expect(results.map((r) => r.error)).toEqual([null, null]);
    expect(infos).toEqual({ 'scans.pdf': true, 'light.txt': false });
    expect(stats.rerunAlone).toBe(1);
  });
});

describe('time', () => {
  it('a document out of time while another ran beside it is re-run alone; only a timeout alone is stored', async () => {
    const sub = path.join(dir, 'shared-timeout');
    // Slow only when it has company: the first attempt holds, a later one finishes.
    const files = writeDocs(sub, {
      'a-slow-beside.txt': 'slow beside\ncount a.tries\nhold-once a.held',
      'b-never.txt': 'never\ncount b.tries\nhold',
    });
    const store = dist.store.openStore(path.join(sub, 'out'));
    const clock = manualClock();
    try {
      const run = dist.run.runBatchWithStats(files, { jobs: 2, store, timeoutMs: 1000, analyzerModule: fakeAnalyzer, deadlineTimer: clock.deadlineTimer });
      await untilLines(path.join(sub, 'a.tries'), 1);
      await untilLines(path.join(sub, 'b.tries'), 1);
      clock.advance(1000); // both run out of time, each with the other beside it
      // b's run alone: its second attempt has started and its time limit with it.
      await untilLines(path.join(sub, 'b.tries'), 2);
      while (clock.pending !== 1) await new Promise((r) => setTimeout(r, 5));
      clock.advance(1000);
      const { results, stats } = await run;
      expect(verdicts(results)).toEqual({ 'a-slow-beside.txt': 'OK', 'b-never.txt': 'TIMEOUT' });
      expect(lineCount(path.join(sub, 'a.tries'))).toBe(2);
      expect(stats.rerunAlone).toBe(2);
      const stored = store.db.prepare('SELECT error_code FROM documents ORDER BY file').pluck().all();
      expect(stored).toEqual([null, 'TIMEOUT']);
    } finally {
      store.close();
    }
  });
});

describe('limits recorded with the verdicts', () => {
  it('a TOO_LARGE is reused under the same limits and redone under any other; a good result stands unless this run would refuse it', async () => {
    const sub = path.join(dir, 'limits');
    // `heavy` holds its memory until the test lets it finish, so that the watchdog is sure to see it.
    const files = writeDocs(sub, { 'heavy.txt': 'heavy\npages 3\nuses 650\nawait heavy.may-finish', 'fine.txt': 'fine\npages 30' });
    const store = dist.store.openStore(path.join(sub, 'out'));
    const { meter } = documentMeter(100);
    const opts = { jobs: 1, store, memoryMeter: meter, watchdogIntervalMs: 10, deadlineTimer: frozenClock, analyzerModule: fakeAnalyzer };
    const limitsOf = (name: string) =>
      JSON.parse((store.db.prepare('SELECT limits_json FROM documents WHERE file LIKE ?').pluck().get(`%${name}`) as string) ?? 'null');
    try {
      const first = await dist.run.runBatchWithStats(files, { ...opts, memoryMb: 700 });
      expect(verdicts(first.results)).toEqual({ 'heavy.txt': 'TOO_LARGE', 'fine.txt': 'OK' });
      expect(limitsOf('heavy.txt')).toMatchObject({ memoryMb: 700, timeoutMs: 60_000, maxPages: 2000, heapMb: 700 });

      const same = await dist.run.runBatchWithStats(files, { ...opts, memoryMb: 700 });
      expect(same.stats).toMatchObject({ cached: 2, analysed: 0 });

      // A larger bound: the heavy document fits now. The good one is not analysed again.
      fs.writeFileSync(path.join(sub, 'heavy.may-finish'), '');
      const larger = await dist.run.runBatchWithStats(files, { ...opts, memoryMb: 900 });
      expect(verdicts(larger.results)).toEqual({ 'heavy.txt': 'OK', 'fine.txt': 'OK' });
      expect(larger.stats).toMatchObject({ cached: 1, analysed: 1 });

      // Back to the smaller bound: the stored good result of `heavy` was made under 900 MB and stayed under it;
      // it does not depend on that bound, so it stands (its memory is not a fact this run can check).
      fs.rmSync(path.join(sub, 'heavy.txt.uses'), { force: true });
      const smaller = await dist.run.runBatchWithStats(files, { ...opts, memoryMb: 700 });
      expect(smaller.stats).toMatchObject({ cached: 2, analysed: 0 });

      // A page bound the good result would not pass: it is redone, and refused.
      const fewerPages = await dist.run.runBatchWithStats(files, { ...opts, memoryMb: 700, maxPages: 10 });
      expect(fewerPages.stats).toMatchObject({ cached: 1, analysed: 1 });
    } finally {
      store.close();
    }
  });

  it('a stored TIMEOUT is redone under a shorter limit too (its message names the limit it was made under)', async () => {
    const sub = path.join(dir, 'timeout-limits');
    const files = writeDocs(sub, { 's.txt': 'slow\ncount s.tries\nhold' });
    const store = dist.store.openStore(path.join(sub, 'out'));
    try {
      const once = async (timeoutMs: number, attempt: number) => {
        const clock = manualClock();
        const run = dist.run.runBatchWithStats(files, { jobs: 1, store, timeoutMs, analyzerModule: fakeAnalyzer, deadlineTimer: clock.deadlineTimer });
        await untilLines(path.join(sub, 's.tries'), attempt);
        while (clock.pending !== 1) await new Promise((r) => setTimeout(r, 5));
        clock.advance(timeoutMs);
        return run;
      };
      expect((await once(2000, 1)).results[0]!.error!.message).toContain('within the 2 s time limit');
      const shorter = await once(1000, 2);
      expect(shorter.stats.analysed).toBe(1);
      expect(shorter.results[0]!.error!.message).toContain('within the 1 s time limit');
    } finally {
      store.close();
    }
  });
});
