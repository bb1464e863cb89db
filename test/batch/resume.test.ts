/**
 * Resume: a batch killed with SIGKILL right after its 3rd document is stored (the child kills itself there, so
 * the point of the kill never depends on which process is faster), then rerun, ends with exactly the outputs of
 * an uninterrupted run (byte-identical per-document JSON, the same rows in the store), and no stored document
 * is analysed again. Runs test/batch/resume-child.mjs (dist/ + the real pipeline).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANG_GUARD_MS } from '../helpers.js';
import { goodPdfs, loadDist, root, tempDir } from './helpers.js';

const child = new URL('./resume-child.mjs', import.meta.url).pathname;
let dir: string;
let cleanup: () => Promise<void>;
let inputDir: string;
let rulesDir: string;

beforeAll(async () => {
  await loadDist();
  ({ dir, cleanup } = await tempDir('resume'));
  inputDir = path.join(dir, 'in');
  fs.mkdirSync(inputDir);
  for (const f of goodPdfs()) fs.copyFileSync(f, path.join(inputDir, path.basename(f)));
  // A snapshot of the rules: both runs must analyse with the same ones even while rules/ is being edited.
  rulesDir = path.join(dir, 'rules');
  fs.cpSync(path.join(root, 'rules'), rulesDir, { recursive: true });
});
afterAll(() => cleanup());

function runChild(out: string, killAfterStored?: number): ReturnType<typeof spawnSync> {
  const args = [child, inputDir, out, '1', rulesDir, ...(killAfterStored ? [String(killAfterStored)] : [])];
  // The spawn's timeout only guards against a hang (vitest cannot stop a synchronous spawn).
  return spawnSync(process.execPath, args, { encoding: 'utf8', timeout: HANG_GUARD_MS });
}

function storedCount(out: string): number {
  const db = new Database(path.join(out, 'verkstad.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Every row of the tables people query, minus the columns that record when and how long. */
function dumpStore(out: string): Record<string, unknown[]> {
  const db = new Database(path.join(out, 'verkstad.sqlite'), { readonly: true });
  const q = (sql: string) => db.prepare(sql).all();
  const dump = {
    documents: q(`SELECT sha256, file, pages, language, error_code, error_message, goals, green, flagged_green, cache_key,
      tool_version, rules_hash, model_hash, config_hash, limits_json, result_json FROM documents ORDER BY sha256`),
    files: q('SELECT path, sha256 FROM files ORDER BY path'),
    goals: q('SELECT * FROM goals ORDER BY doc_sha256, ordinal'),
    sentences: q('SELECT * FROM sentences ORDER BY doc_sha256, goal_ordinal, ordinal'),
    indicators: q('SELECT * FROM indicators ORDER BY doc_sha256, goal_ordinal, ordinal'),
    flags: q('SELECT * FROM flags ORDER BY doc_sha256, goal_ordinal, ordinal'),
    analysesPerDocument: q('SELECT doc_sha256, count(*) AS n FROM analyses GROUP BY doc_sha256 ORDER BY doc_sha256'),
  };
  db.close();
  return dump;
}

function jsonOutputs(out: string): Record<string, string> {
  const jsonDir = path.join(out, 'json');
  // A kill -9 in the middle of writeFileAtomic leaves its temporary file (`.name.json.<pid>.<rand>.tmp`),
  // never a truncated .json: compare the .json files only.
  const all = fs.readdirSync(jsonDir).sort();
  expect(all.filter((n) => !n.endsWith('.json') && !/^\..*\.tmp$/.test(n))).toEqual([]);
  const names = all.filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  return Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(jsonDir, n), 'utf8')]));
}

describe('resume after kill -9', () => {
  it('finishes the rest without re-analysing what is stored; outputs equal an uninterrupted run', () => {
    const full = path.join(dir, 'full');
    const whole = runChild(full);
    expect(whole.status, String(whole.stderr)).toBe(0);

    // The child kills itself with SIGKILL right after its 3rd document is stored.
    const resumed = path.join(dir, 'resumed');
    const killed = runChild(resumed, 3);
    expect(killed.signal, String(killed.stderr)).toBe('SIGKILL');
    expect(storedCount(resumed)).toBe(3);
    expect(goodPdfs().length).toBeGreaterThan(3);

    const rest = runChild(resumed);
    expect(rest.status, String(rest.stderr)).toBe(0);

    const a = dumpStore(full);
    const b = dumpStore(resumed);
    expect(b).toEqual(a);
    // One analysis per document in the resumed store: nothing stored before the kill was analysed again.
    for (const row of b.analysesPerDocument as { n: number }[]) expect(row.n).toBe(1);
    expect(jsonOutputs(resumed)).toEqual(jsonOutputs(full));
  });
});
