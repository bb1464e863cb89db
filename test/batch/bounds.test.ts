/**
 * Scheduling and bounds: input order, per-document time limit, memory watchdog with isolation of the culprit,
 * worker crashes, abort. The documents are test/batch/fake-analyzer.mjs scripts (or the real pipeline with one
 * document that never finishes, hold-analyzer.mjs), and every outcome follows from what the test does: time
 * passes when the test moves its clock, the watchdog reads the test's meter, completion order is forced by
 * markers. Nothing here depends on the machine's speed, its load or the memory of the test runner.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentMeter, fakeAnalyzer, frozenClock, goodPdfs, holdAnalyzer, loadDist, manualClock, noMemory, tempDir, untilExists, writeDocs } from './helpers.js';

let dist: Awaited<ReturnType<typeof loadDist>>;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dist = await loadDist();
  ({ dir, cleanup } = await tempDir('bounds'));
});
afterAll(() => cleanup());

const codes = (results: { error: { code: string } | null }[]) => results.map((r) => r.error?.code ?? 'OK');

describe('order', () => {
  it('returns results in input order with 2 workers, whatever the completion order', async () => {
    // Each even document waits until the batch has reported the odd one after it: completion is 1 0 3 2 5 4 ...
    const docs: Record<string, string> = {};
    for (let i = 0; i < 10; i++) {
      const name = (k: number) => `o${String(k).padStart(2, '0')}.txt`;
      docs[name(i)] = `doc ${i}\npages ${i + 1}${i % 2 === 0 ? `\nawait ${name(i + 1)}.reported` : ''}`;
    }
    const files = writeDocs(path.join(dir, 'order'), docs);
    const completion: number[] = [];
    const results = await dist.run.runBatch(files, {
      jobs: 2,
      analyzerModule: fakeAnalyzer,
      deadlineTimer: frozenClock,
      onResult: (r, i) => {
        completion.push(i);
        fs.writeFileSync(`${r.file}.reported`, '');
      },
    });
    expect(completion).toEqual([1, 0, 3, 2, 5, 4, 7, 6, 9, 8]);
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.map((r) => r.pages)).toEqual(files.map((_, i) => i + 1));
  });
});

describe('time limit', () => {
  it('a document that never finishes gives TIMEOUT naming the limit once its time passes; its worker is replaced and the batch goes on', async () => {
    const files = writeDocs(path.join(dir, 'timeout-fake'), { 'a.txt': 'never\nmark a.started\nhold', 'b.txt': 'quick' });
    const clock = manualClock();
    const run = dist.run.runBatchWithStats(files, { jobs: 1, timeoutMs: 500, analyzerModule: fakeAnalyzer, deadlineTimer: clock.deadlineTimer });
    await untilExists(path.join(dir, 'timeout-fake', 'a.started'));
    clock.advance(499);
    expect(clock.pending).toBe(1); // not yet: a.txt is still running
    clock.advance(1);
    const { results, stats } = await run;
    expect(codes(results)).toEqual(['TIMEOUT', 'OK']);
    expect(results[0]!.error!.message).toContain('within the 500 ms time limit per document');
    expect(stats.workersStarted).toBe(2);
    expect(stats.rerunAlone).toBe(0); // nothing ran beside it: its time was its own
  });

  it('with the real pipeline: the held PDF is TIMEOUT, the real PDFs around it are analysed', async () => {
    const sub = path.join(dir, 'timeout-real');
    fs.mkdirSync(sub, { recursive: true });
    // Small fixtures; the held one is a PDF that hold-analyzer.mjs never finishes (its own bytes: the batch
    // would take an identical copy's result from the document it copies).
    const good = goodPdfs().filter((f) => /sv-(glyphs|symbol-after)\.pdf$/.test(f));
    expect(good).toHaveLength(2);
    const held = path.join(sub, 'a.hold.pdf');
    fs.writeFileSync(held, Buffer.concat([fs.readFileSync(good[0]!), Buffer.from('\n% held\n')]));
    const clock = manualClock();
    const run = dist.run.runBatchWithStats([held, ...good], { jobs: 1, timeoutMs: 4000, analyzerModule: holdAnalyzer, deadlineTimer: clock.deadlineTimer });
    await untilExists(`${held}.started`);
    clock.advance(4000);
    const { results, stats } = await run;
    expect(results[0]!.error?.code).toBe('TIMEOUT');
    expect(results[0]!.error?.message).toMatch(/within the 4 s time limit/);
    for (const r of results.slice(1)) {
      expect(r.error).toBeNull();
      expect(r.goals.length).toBeGreaterThan(0);
    }
    expect(stats.workersStarted).toBe(2); // the timed-out worker was replaced once
  });
});

describe('memory watchdog', () => {
  it('with several documents running, terminates them all and re-runs each alone in a process of its own: only the culprit is TOO_LARGE', async () => {
    const sub = path.join(dir, 'memory');
    // The grower takes its memory only once the innocent one is running, so the alarm finds both running.
    // Re-run alone, the innocent one finds its marker and finishes; the grower takes its memory again.
    const files = writeDocs(sub, {
      'a-innocent.txt': 'innocent\nhold-once a.held',
      'b-grower.txt': 'grower\nawait a.held\nuses 2000\nhold',
      'c-after.txt': 'after',
    });
    const { meter, readingsMb, aloneReadingsMb } = documentMeter(100);
    const infos: Record<string, { rerunAlone: boolean }> = {};
    const { results, stats } = await dist.run.runBatchWithStats(files, {
      jobs: 2,
      memoryMb: 700,
      memoryMeter: meter,
      watchdogIntervalMs: 10,
      deadlineTimer: frozenClock,
      analyzerModule: fakeAnalyzer,
      onResult: (r, _i, info) => (infos[path.basename(r.file)] = info),
    });
    expect(codes(results)).toEqual(['OK', 'TOO_LARGE', 'OK']);
    expect(results[1]!.error!.message).toBe(
      'Analysed alone, in a process of its own, this document took that process past the 700 MB memory bound; the analysis was stopped (raise the bound with --memory).',
    );
    expect(infos).toMatchObject({ 'a-innocent.txt': { rerunAlone: true }, 'b-grower.txt': { rerunAlone: true }, 'c-after.txt': { rerunAlone: false } });
    expect(stats.rerunAlone).toBe(2);
    expect(Math.max(...readingsMb)).toBe(2100); // both in the batch process
    expect(Math.max(...aloneReadingsMb)).toBe(2100); // the grower alone
    // The peak is what was held at one moment: the batch process (nothing running in it) and the grower's own process.
    expect(stats.peakRssMb).toBe(2200);
  });

  it('one document past the bound in the batch process is a suspect too: TOO_LARGE only from its own process', async () => {
    const files = writeDocs(path.join(dir, 'memory-alone'), { 'g.txt': 'grower\nuses 2000\nhold', 'h.txt': 'next' });
    const { meter } = documentMeter(100);
    const { results, stats } = await dist.run.runBatchWithStats(files, {
      jobs: 1,
      memoryMb: 700,
      memoryMeter: meter,
      watchdogIntervalMs: 10,
      deadlineTimer: frozenClock,
      analyzerModule: fakeAnalyzer,
    });
    expect(codes(results)).toEqual(['TOO_LARGE', 'OK']);
    expect(stats.rerunAlone).toBe(1);
    expect(stats.workersStarted).toBe(2); // the grower's worker was stopped; the next document had a new one
  });

  it('under the bound nothing is stopped', async () => {
    const files = writeDocs(path.join(dir, 'memory-under'), { 'x.txt': 'big but fine\nuses 500', 'y.txt': 'also fine\nuses 500' });
    const { meter, readingsMb } = documentMeter(100);
    const { results, stats } = await dist.run.runBatchWithStats(files, {
      jobs: 2,
      memoryMb: 1200, // both at once would be 1100 MB
      memoryMeter: meter,
      watchdogIntervalMs: 10,
      deadlineTimer: frozenClock,
      analyzerModule: fakeAnalyzer,
    });
    expect(codes(results)).toEqual(['OK', 'OK']);
    expect(stats).toMatchObject({ rerunAlone: 0, workersStarted: 2 });
    expect(stats.peakRssMb).toBe(Math.max(...readingsMb)); // read at least once, after the batch
  });
});

describe('worker crashes', () => {
  it('exit, uncaught exception and heap exhaustion each fail only their document', async () => {
    const files = writeDocs(path.join(dir, 'crash'), {
      '1-exit.txt': 'exits\nexit 3',
      '2-throw.txt': 'throws\nthrow',
      '3-heap.txt': 'eats the heap\nheap',
      '4-fine.txt': 'fine',
    });
    const { results, stats } = await dist.run.runBatchWithStats(files, {
      jobs: 2,
      heapMb: 128,
      memoryMeter: noMemory, // only the V8 heap limit may stop the heap eater
      deadlineTimer: frozenClock,
      analyzerModule: fakeAnalyzer,
    });
    expect(codes(results)).toEqual(['INTERNAL', 'INTERNAL', 'TOO_LARGE', 'OK']);
    expect(results[0]!.error!.message).toMatch(/stopped unexpectedly.*exit code 3/);
    expect(results[1]!.error!.message).toContain('fake analyzer exploded');
    // Out of heap in the batch process, then again alone: the verdict is the one made alone.
    expect(results[2]!.error!.message).toMatch(/^Analysed alone, .*128 MB JavaScript heap/);
    expect(stats.rerunAlone).toBe(1);
    // Two workers to begin with; the 3rd and 4th documents each follow a crash in their slot.
    expect(stats.workersStarted).toBe(4);
  });
});

describe('abort', () => {
  it('stops scheduling, terminates the workers, keeps what was stored, and rejects with AbortError', async () => {
    // Two quick documents, then documents that never finish: the batch can only end by the abort.
    const docs: Record<string, string> = {};
    for (let i = 0; i < 8; i++) docs[`d${i}.txt`] = i < 2 ? `doc ${i}` : `doc ${i}\nhold`;
    const files = writeDocs(path.join(dir, 'abort'), docs);
    const store = dist.store.openStore(path.join(dir, 'abort-out'));
    const controller = new AbortController();
    let seen = 0;
    const run = dist.run.runBatchWithStats(files, {
      jobs: 2,
      store,
      analyzerModule: fakeAnalyzer,
      deadlineTimer: frozenClock,
      signal: controller.signal,
      onResult: () => {
        if (++seen === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError', done: 2, total: 8 });
    expect(seen).toBe(2);
    expect(store.counts().documents).toBe(2);
    store.close();
  });
});
