/**
 * Where a batch's CPU goes: each worker thread reports its own CPU time (Linux /proc/thread-self), the batch
 * sums them, and `analyze --stats FILE` writes them beside the main thread's and the process's. The benchmark
 * uses these figures to show what limits the speed-up of more workers.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist as distDir, fakeAnalyzer, loadDist, root, tempDir, writeDocs } from './helpers.js';

let dist: Awaited<ReturnType<typeof loadDist>>;
let threadCpuMs: () => number | null;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dist = await loadDist();
  ({ threadCpuMs } = (await import(path.join(distDir, 'batch', 'thread-cpu.js'))) as typeof import('../../dist/batch/thread-cpu.js'));
  ({ dir, cleanup } = await tempDir('stats'));
});
afterAll(() => cleanup());

const linux = process.platform === 'linux';
const spin = (ms: number) => {
  for (const end = performance.now() + ms; performance.now() < end; );
};

describe.runIf(linux)('CPU time by thread (Linux)', () => {
  it('threadCpuMs counts this thread busy, not this thread waiting', async () => {
    const a = threadCpuMs()!;
    spin(300);
    const b = threadCpuMs()!;
    await new Promise((r) => setTimeout(r, 300));
    const c = threadCpuMs()!;
    expect(b - a).toBeGreaterThanOrEqual(250);
    expect(b - a).toBeLessThanOrEqual(400);
    expect(c - b).toBeLessThan(100);
  });

  it('the batch sums the CPU its workers report: busy documents count, a sleeping one does not', async () => {
    const files = writeDocs(path.join(dir, 'spin'), { 'a.txt': 'spin 400\na', 'b.txt': 'spin 400\nb', 'c.txt': 'sleep 800' });
    const { stats } = await dist.run.runBatchWithStats(files, { jobs: 2, analyzerModule: fakeAnalyzer });
    expect(stats).toMatchObject({ analysed: 3, workersStarted: 2 });
    expect(stats.workerCpuMs).not.toBeNull();
    expect(stats.workerCpuMs!).toBeGreaterThanOrEqual(700);
    // Two workers' start-up (loading the fake analyzer) plus 800 ms of spinning; the 800 ms of sleep add nothing.
    expect(stats.workerCpuMs!).toBeLessThan(1400);
  }, 30_000);

  it('analyze --stats writes counts, times, peak memory and CPU by thread, and the results stay the same', () => {
    const docs = path.join(dir, 'cli-in');
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(path.join(root, 'corpora', 'samples', 'sv-kultur-bokslut.pdf'), path.join(docs, 'a.pdf'));
    fs.writeFileSync(path.join(docs, 'empty.pdf'), '');
    const out = path.join(dir, 'cli-out');
    const statsFile = path.join(dir, 'stats.json');
    const r = spawnSync(process.execPath, [path.join(distDir, 'cli', 'main.js'), 'analyze', docs, '--out', out, '--jobs', '2', '--quiet', '--stats', statsFile], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(2); // empty.pdf
    const s = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    expect(s).toMatchObject({ documents: 2, analysed: 2, cached: 0, errors: 1, byError: { EMPTY: 1 }, jobs: 2, workersStarted: 2 });
    expect(s.pages).toBeGreaterThan(0);
    expect(s.totalMs).toBeGreaterThanOrEqual(s.batchMs);
    expect(s.peakRssMb).toBeGreaterThan(50);
    const cpu = s.cpuMs;
    for (const k of ['process', 'mainThread', 'workerThreads', 'otherThreads']) expect(cpu[k], k).toBeGreaterThan(0);
    expect(cpu.mainThread + cpu.workerThreads + cpu.otherThreads).toBe(cpu.process);
    // No timings leak into the results: verkstad.json stays a pure function of the inputs.
    expect(fs.readFileSync(path.join(out, 'verkstad.json'), 'utf8')).not.toContain('cpuMs');
  }, 60_000);
});
