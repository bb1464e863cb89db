/**
 * Where a batch's CPU goes: each worker thread reports its own CPU time (Linux /proc/thread-self), the batch
 * sums the reports, and `analyze --stats FILE` writes them beside the main thread's and the process's. The
 * plumbing is checked with figures the test chose (the fake analyzer reports them); what real CPU a real run
 * costs is the benchmark's business, not a test's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANG_GUARD_MS } from '../helpers.js';
import { dist as distDir, fakeAnalyzer, frozenClock, loadDist, root, tempDir, writeDocs } from './helpers.js';

type ThreadCpu = typeof import('../../dist/batch/thread-cpu.js');
let dist: Awaited<ReturnType<typeof loadDist>>;
let threadCpu: ThreadCpu;
let startupCpuMs: number;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dist = await loadDist();
  threadCpu = (await import(path.join(distDir, 'batch', 'thread-cpu.js'))) as ThreadCpu;
  ({ STARTUP_CPU_MS: startupCpuMs } = (await import(fakeAnalyzer)) as { STARTUP_CPU_MS: number });
  ({ dir, cleanup } = await tempDir('stats'));
});
afterAll(() => cleanup());

describe('CPU time of a thread', () => {
  it('reads user + system clock ticks (fields 14 and 15) after the command name, which may hold spaces and parentheses', () => {
    const rest = (utime: number, stime: number) => `S 1 1 1 0 -1 4194304 99 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 171145 3133440 379`;
    expect(threadCpu.cpuMsFromStat(`4242 (node) ${rest(12, 3)}`)).toBe(150);
    expect(threadCpu.cpuMsFromStat(`4242 (a (b) c) ${rest(100, 0)}`)).toBe(1000);
    expect(threadCpu.cpuMsFromStat('')).toBeNull();
    expect(threadCpu.cpuMsFromStat('4242 (node) S 1 1')).toBeNull();
  });

  it.runIf(process.platform === 'linux')('on Linux reads this thread: a number that does not go back', () => {
    const a = threadCpu.threadCpuMs();
    const b = threadCpu.threadCpuMs();
    expect(a).not.toBeNull();
    expect(b!).toBeGreaterThanOrEqual(a!);
  });
});

describe('the batch sums what its workers report', () => {
  it('each worker reports at start and after each document; the batch adds up the differences', async () => {
    const files = writeDocs(path.join(dir, 'sum'), { 'a.txt': 'a\ncpu 400', 'b.txt': 'b\ncpu 250', 'c.txt': 'c\ncpu 0', 'd.txt': 'd\ncpu 5' });
    const { stats } = await dist.run.runBatchWithStats(files, { jobs: 2, analyzerModule: fakeAnalyzer, deadlineTimer: frozenClock });
    expect(stats).toMatchObject({ analysed: 4, workersStarted: 2 });
    expect(stats.workerCpuMs).toBe(2 * startupCpuMs + 400 + 250 + 0 + 5);
  });

  it('a worker replaced after a crash: its start-up counts again, the CPU it took down with it does not', async () => {
    const files = writeDocs(path.join(dir, 'crash'), { 'a.txt': 'a\ncpu 100\nexit 1', 'b.txt': 'b\ncpu 20' });
    const { results, stats } = await dist.run.runBatchWithStats(files, { jobs: 1, analyzerModule: fakeAnalyzer, deadlineTimer: frozenClock });
    expect(results.map((r) => r.error?.code ?? 'OK')).toEqual(['INTERNAL', 'OK']);
    expect(stats.workersStarted).toBe(2);
    expect(stats.workerCpuMs).toBe(2 * startupCpuMs + 20);
  });

  it('one thread whose CPU cannot be read makes the sum null', async () => {
    const files = writeDocs(path.join(dir, 'unknown'), { 'a.txt': 'a\ncpu 400', 'b.txt': 'b\ncpu unknown', 'c.txt': 'c\ncpu 10' });
    const { stats } = await dist.run.runBatchWithStats(files, { jobs: 2, analyzerModule: fakeAnalyzer, deadlineTimer: frozenClock });
    expect(stats.analysed).toBe(3);
    expect(stats.workerCpuMs).toBeNull();
  });
});

describe('analyze --stats', () => {
  it('writes counts, times, peak memory and CPU by thread, and the results stay the same', () => {
    const docs = path.join(dir, 'cli-in');
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(path.join(root, 'corpora', 'samples', 'sv-kultur-bokslut.pdf'), path.join(docs, 'a.pdf'));
    fs.writeFileSync(path.join(docs, 'empty.pdf'), '');
    const out = path.join(dir, 'cli-out');
    const statsFile = path.join(dir, 'stats.json');
    const r = spawnSync(process.execPath, [path.join(distDir, 'cli', 'main.js'), 'analyze', docs, '--out', out, '--jobs', '2', '--quiet', '--stats', statsFile, '--timeout', '3600'], {
      encoding: 'utf8',
      timeout: HANG_GUARD_MS, // a guard against a hang only, as vitest's own timeout cannot stop a synchronous spawn
    });
    expect(r.status, r.stderr).toBe(2); // empty.pdf
    const s = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    expect(s).toMatchObject({ documents: 2, analysed: 2, cached: 0, errors: 1, byError: { EMPTY: 1 }, jobs: 2, workersStarted: 2, rerunAlone: 0 });
    expect(s.pages).toBeGreaterThan(0);
    // The figures themselves are this machine's; what holds anywhere is their kind and how they add up.
    const measured = process.platform === 'linux' ? 'number' : 'object'; // null where a thread's CPU cannot be read
    for (const k of ['batchMs', 'totalMs', 'peakRssMb']) expect(typeof s[k], k).toBe('number');
    expect(s.totalMs).toBeGreaterThanOrEqual(s.batchMs);
    const cpu = s.cpuMs;
    expect(typeof cpu.process).toBe('number');
    for (const k of ['mainThread', 'workerThreads', 'otherThreads']) expect(typeof cpu[k], k).toBe(measured);
    if (measured === 'number') expect(cpu.otherThreads).toBe(Math.max(0, cpu.process - cpu.mainThread - cpu.workerThreads));
    // No timings leak into the results: verkstad.json stays a pure function of the inputs.
    expect(fs.readFileSync(path.join(out, 'verkstad.json'), 'utf8')).not.toContain('cpuMs');
  });
});
