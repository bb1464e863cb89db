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

/** Samples RSS of this process (workers are threads of it) every `ms` until stopped. */
export function rssSampler(ms = 50): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), ms);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage.rss()) / 1024 ** 2);
    },
  };
}
