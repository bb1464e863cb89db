/**
 * The batch runs worker threads from compiled files (dist/batch/worker.js), so these tests import dist/.
 * `npm test` builds first; when run on their own (`npx vitest run test/batch`) and dist is older than the
 * sources, `loadDist()` builds once (a lock directory keeps parallel test files from building together).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = path.join(root, 'dist');
export const fakeAnalyzer = new URL('./fake-analyzer.mjs', import.meta.url).href;
/** The real pipeline, except that a file named `*.hold.*` never finishes (hold-analyzer.mjs). */
export const holdAnalyzer = new URL('./hold-analyzer.mjs', import.meta.url).href;

const OWN_SOURCES = ['src/batch', 'src/store', 'src/io/inputs.ts', 'src/io/atomic.ts'];

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

function distIsStale(): boolean {
  const built = path.join(dist, 'batch', 'run.js');
  if (!fs.existsSync(built) || !fs.existsSync(path.join(dist, 'batch', 'worker.js'))) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return OWN_SOURCES.some((s) => fs.existsSync(path.join(root, s)) && newestMtime(path.join(root, s)) > builtAt);
}

export async function ensureBuilt(): Promise<void> {
  if (!distIsStale()) return;
  const lock = path.join(root, '.build-lock');
  for (let i = 0; i < 600; i++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
      if (!distIsStale()) return;
    }
  }
  try {
    if (distIsStale()) {
      try {
        execFileSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'pipe' });
      } catch {
        // tsc emits despite type errors elsewhere in the project; what matters is that our files exist.
      }
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

type Run = typeof import('../../dist/batch/run.js');
type StoreMod = typeof import('../../dist/store/sqlite.js');
type Inputs = typeof import('../../dist/io/inputs.js');
type Atomic = typeof import('../../dist/io/atomic.js');
type Progress = typeof import('../../dist/batch/progress.js');
type Guard = typeof import('../../dist/batch/inflate-guard.js');

export async function loadDist(): Promise<{ run: Run; store: StoreMod; inputs: Inputs; atomic: Atomic; progress: Progress; guard: Guard }> {
  await ensureBuilt();
  const imp = (p: string) => import(path.join(dist, p));
  return {
    run: (await imp('batch/run.js')) as Run,
    store: (await imp('store/sqlite.js')) as StoreMod,
    inputs: (await imp('io/inputs.js')) as Inputs,
    atomic: (await imp('io/atomic.js')) as Atomic,
    progress: (await imp('batch/progress.js')) as Progress,
    guard: (await imp('batch/inflate-guard.js')) as Guard,
  };
}

export async function tempDir(prefix: string): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `verkstad-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes small text documents for the fake analyzer: name → content. */
export function writeDocs(dir: string, docs: Record<string, string>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(docs).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}

/** Committed good PDFs: corpora/samples and test/fixtures/pdf. */
export function goodPdfs(): string[] {
  const dirs = [path.join(root, 'corpora', 'samples'), path.join(root, 'test', 'fixtures', 'pdf')];
  return dirs
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.pdf')).map((f) => path.join(d, f)))
    .sort();
}

/**
 * The time limits of a batch under the test's control (`runBatch({ deadlineTimer: clock.deadlineTimer })`): time
 * moves only when the test calls `advance`, so a document times out because the test let its time pass, never
 * because the machine was slow.
 */
export function manualClock(): {
  deadlineTimer: (ms: number, expire: () => void) => () => void;
  advance(ms: number): void;
  /** Time limits started and not yet over or cancelled. */
  readonly pending: number;
} {
  let now = 0;
  const timers = new Set<{ at: number; expire(): void }>();
  return {
    deadlineTimer(ms, expire) {
      const timer = { at: now + ms, expire };
      timers.add(timer);
      return () => void timers.delete(timer);
    },
    advance(ms) {
      now += ms;
      for (const timer of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(timer);
        timer.expire();
      }
    },
    get pending() {
      return timers.size;
    },
  };
}

/** Time limits that never run out: for tests about something else, whatever the machine's speed. */
export const frozenClock = (): (() => void) => () => {};

/**
 * A memory meter for the watchdog (`runBatch({ memoryMeter })`) that reads what the documents say, not the
 * machine. The batch process holds `baseMb` plus what each document running in it holds (a fake document's
 * `uses MB`, written to `<file>.uses`); a process analysing one document alone holds `aloneBaseMb` plus what that
 * document holds. A document the batch has stopped holds nothing at once, as if its worker's memory came back the
 * moment it was terminated, unless `leftBehind`: then the batch process keeps what every document that ran in it
 * held (as an allocator that does not give memory back would), and a document started after a greedy one finds
 * the batch process past the bound through no fault of its own. Records every reading.
 */
export function documentMeter(
  baseMb = 100,
  opts: { aloneBaseMb?: number; leftBehind?: boolean } = {},
): { meter: { batch(running: readonly string[]): number; alone(file: string, reported: number): number }; readingsMb: number[]; aloneReadingsMb: number[] } {
  const readingsMb: number[] = [];
  const aloneReadingsMb: number[] = [];
  const ranInBatch = new Set<string>();
  const uses = (file: string) => (fs.existsSync(`${file}.uses`) ? Number(fs.readFileSync(`${file}.uses`, 'utf8')) : 0);
  const meter = {
    batch(running: readonly string[]) {
      for (const file of running) ranInBatch.add(file);
      const held = opts.leftBehind ? [...ranInBatch] : running;
      const mb = baseMb + held.reduce((sum, file) => sum + uses(file), 0);
      readingsMb.push(mb);
      return mb * 1024 ** 2;
    },
    alone(file: string) {
      const mb = (opts.aloneBaseMb ?? baseMb) + uses(file);
      aloneReadingsMb.push(mb);
      return mb * 1024 ** 2;
    },
  };
  return { meter, readingsMb, aloneReadingsMb };
}

/** A meter under which nothing ever takes memory: for tests where only another bound may stop a document. */
export const noMemory = { batch: () => 0, alone: () => 0 };

/** Lines in `file` (a fake document's `count NAME` appends one per attempt); 0 when it does not exist. */
export function lineCount(file: string): number {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

/** Waits until `file` has at least `n` lines. */
export async function untilLines(file: string, n: number): Promise<void> {
  while (lineCount(file) < n) await new Promise((r) => setTimeout(r, 5));
}

/** Waits until `file` exists (a marker a fake document writes once it has got somewhere). */
export async function untilExists(file: string): Promise<void> {
  while (!fs.existsSync(file)) await new Promise((r) => setTimeout(r, 5));
}
