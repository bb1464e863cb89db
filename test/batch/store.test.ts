/**
 * The store as a cache: a rerun takes every document from the store without starting a worker; changed
 * rules mean a new analysis; a stored TIMEOUT is retried under a longer limit. Shards and merge: the
 * union of shard stores merged equals one store of the whole run. Time limits follow the test's clock (frozen
 * where they are not the subject), so no outcome depends on how busy the machine is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeAnalyzer, frozenClock, loadDist, manualClock, root, tempDir, untilExists, writeDocs } from './helpers.js';

let dist: Awaited<ReturnType<typeof loadDist>>;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dist = await loadDist();
  ({ dir, cleanup } = await tempDir('store'));
});
afterAll(() => cleanup());

const samples = ['sv-kultur-bokslut.pdf', 'en-council-qpr.pdf', 'sv-namnd-delarsrapport.pdf'].map((f) => path.join(root, 'corpora', 'samples', f));

describe('cache', () => {
  it('a rerun takes every document from the store (no worker started); changed rules re-analyse', async () => {
    const out = path.join(dir, 'cache');
    const store = dist.store.openStore(out);
    // A snapshot of the rules, so that edits to rules/ while the test runs do not change the cache key.
    const snapshot = path.join(dir, 'rules-snapshot');
    fs.cpSync(path.join(root, 'rules'), snapshot, { recursive: true });
    const rulesDir = snapshot;
    const run = (files: string[], opts: Parameters<typeof dist.run.runBatchWithStats>[1]) =>
      dist.run.runBatchWithStats(files, { jobs: 2, store, deadlineTimer: frozenClock, ...opts });
    try {
      const first = await run(samples, { rulesDir });
      expect(first.stats.analysed).toBe(3);
      expect(first.results.every((r) => r.error === null)).toBe(true);

      const cachedFlags: boolean[] = [];
      const second = await run(samples, { rulesDir, onResult: (_r, _i, info) => cachedFlags.push(info.cached) });
      expect(second.stats).toMatchObject({ analysed: 0, cached: 3, workersStarted: 0 });
      expect(cachedFlags).toEqual([true, true, true]);
      expect(JSON.stringify(second.results)).toBe(JSON.stringify(first.results));
      expect(store.counts().analyses).toBe(3);

      // Same files under another path: still cache hits, reported under the new path.
      const moved = path.join(dir, 'moved');
      fs.mkdirSync(moved);
      const movedFiles = samples.map((f) => path.join(moved, path.basename(f)));
      samples.forEach((f, i) => fs.copyFileSync(f, movedFiles[i]!));
      const third = await run(movedFiles, { rulesDir });
      expect(third.stats.cached).toBe(3);
      expect(third.results.map((r) => r.file)).toEqual(movedFiles);
      expect(store.allResults(movedFiles).map((r) => r.file)).toEqual(movedFiles);

      // A copy of the rules with one byte more: another rules hash, so every document is analysed again.
      const rules = path.join(dir, 'rules-copy');
      fs.cpSync(snapshot, rules, { recursive: true });
      fs.appendFileSync(path.join(rules, 'sv', 'status.yaml'), '\n# changed\n');
      const fourth = await run(samples, { rulesDir: rules });
      expect(fourth.stats).toMatchObject({ analysed: 3, cached: 0 });
      expect(store.counts().analyses).toBe(6);
      expect(store.counts().documents).toBe(3); // one row per content: the newer analysis replaced the older
    } finally {
      store.close();
    }
  });

  it('a stored TIMEOUT is reused under the same limit and retried under a longer one', async () => {
    // The first attempt never finishes; the test lets its 300 ms pass. A later attempt finishes.
    const sub = path.join(dir, 'bounded');
    const files = writeDocs(sub, { 's.txt': 'slowish\nhold-once s.held' });
    const store = dist.store.openStore(path.join(dir, 'bounded-out'));
    try {
      const opts = { jobs: 1, store, analyzerModule: fakeAnalyzer };
      const clock = manualClock();
      const first = dist.run.runBatch(files, { ...opts, timeoutMs: 300, deadlineTimer: clock.deadlineTimer });
      await untilExists(path.join(sub, 's.held'));
      clock.advance(300);
      expect((await first)[0]!.error?.code).toBe('TIMEOUT');
      const again = await dist.run.runBatchWithStats(files, { ...opts, timeoutMs: 300, deadlineTimer: frozenClock });
      expect(again.stats).toMatchObject({ cached: 1, analysed: 0 });
      expect(again.results[0]!.error?.code).toBe('TIMEOUT');
      const longer = await dist.run.runBatchWithStats(files, { ...opts, timeoutMs: 10_000, deadlineTimer: frozenClock });
      expect(longer.stats).toMatchObject({ cached: 0, analysed: 1 });
      expect(longer.results[0]!.error).toBeNull();
    } finally {
      store.close();
    }
  });

  it('identical files in one batch are analysed once', async () => {
    const files = writeDocs(path.join(dir, 'dups'), { 'a.txt': 'same', 'b.txt': 'same', 'c.txt': 'other' });
    const { results, stats } = await dist.run.runBatchWithStats(files, { jobs: 2, analyzerModule: fakeAnalyzer, deadlineTimer: frozenClock });
    expect(stats.analysed).toBe(2);
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results[0]!.sha256).toBe(results[1]!.sha256);
  });
});

describe('shards and merge', () => {
  it('shards 1/3, 2/3, 3/3 are disjoint and cover every file', () => {
    const files = Array.from({ length: 500 }, (_, i) => `archive/${2000 + (i % 25)}/rapport-${i}.pdf`);
    const parts = [1, 2, 3].map((k) => dist.inputs.shard(files, k, 3));
    const union = parts.flat();
    expect(union.length).toBe(files.length);
    expect(new Set(union)).toEqual(new Set(files));
    for (const p of parts) expect(p.length).toBeGreaterThan(100); // roughly even
    // Stable: the same file lands in the same shard whatever the other files are.
    expect(dist.inputs.shard(files.slice(0, 50), 2, 3)).toEqual(parts[1]!.filter((f) => files.slice(0, 50).includes(f)));
    // Absolute and relative spellings of a path land in the same shard.
    expect(dist.inputs.shardOf(path.resolve('a/b.pdf'), 7)).toBe(dist.inputs.shardOf('a/b.pdf', 7));
  });

  it('two shard stores merged equal one store of the whole run', async () => {
    const docs: Record<string, string> = {};
    for (let i = 0; i < 30; i++) docs[`r${i}.txt`] = `rapport ${i}\npages ${1 + (i % 7)}${i % 9 === 0 ? '\nerror INVALID_PDF' : ''}`;
    const files = writeDocs(path.join(dir, 'merge-in'), docs);
    const opts = { jobs: 2, analyzerModule: fakeAnalyzer, deadlineTimer: frozenClock };
    const full = dist.store.openStore(path.join(dir, 'merge-full'));
    await dist.run.runBatch(files, { ...opts, store: full });
    const parts = [1, 2].map((k) => dist.inputs.shard(files, k, 2));
    for (const [i, part] of parts.entries()) {
      const s = dist.store.openStore(path.join(dir, `merge-shard${i + 1}`));
      await dist.run.runBatch(part, { ...opts, store: s });
      s.close();
    }
    const report = dist.store.mergeStores(path.join(dir, 'merged'), [path.join(dir, 'merge-shard1'), path.join(dir, 'merge-shard2')]);
    expect(report.added).toBe(30);
    const merged = dist.store.openStore(path.join(dir, 'merged'));
    const strip = (s: typeof full) => {
      const q = (sql: string) => s.db.prepare(sql).all();
      return {
        documents: q('SELECT sha256, file, pages, error_code, cache_key, result_json FROM documents ORDER BY sha256'),
        files: q('SELECT path, sha256 FROM files ORDER BY path'),
        goals: q('SELECT * FROM goals ORDER BY doc_sha256, ordinal'),
        sentences: q('SELECT * FROM sentences ORDER BY doc_sha256, goal_ordinal, ordinal'),
        flags: q('SELECT * FROM flags ORDER BY doc_sha256, goal_ordinal, ordinal'),
        errors: q('SELECT * FROM errors ORDER BY file'),
        analyses: q('SELECT doc_sha256, file, cache_key, error_code FROM analyses ORDER BY doc_sha256'),
      };
    };
    expect(strip(merged)).toEqual(strip(full));
    expect(JSON.stringify(merged.allResults())).toBe(JSON.stringify(full.allResults()));
    expect(merged.allResults().map((r) => r.file)).toEqual([...files].sort());
    // Merging the same shard again changes nothing.
    expect(dist.store.mergeStores(merged, [path.join(dir, 'merge-shard1')]).added).toBe(0);
    expect(merged.counts()).toEqual(full.counts());
    merged.close();
    full.close();
  });
});
