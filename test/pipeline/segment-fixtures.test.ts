import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStages } from '../../src/pipeline.js';
import { norm, root, sharedContext } from '../helpers.js';

interface TruthGoal { title: string; page: number; status: string; orientation: string; justificationStart?: string; justificationEnd?: string; expectFlag?: string }
const dir = path.join(root, 'test', 'fixtures');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { id: string; file: string; truth: string; producer: string }[];
const KNOWN: Record<string, string> = JSON.parse(fs.readFileSync(path.join(dir, 'known-gaps.json'), 'utf8'));

const key = (s: string) => norm(s).toLowerCase();

describe.each(manifest)('goals of fixture $id ($producer)', (entry) => {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, entry.truth), 'utf8')) as { goals: TruthGoal[]; notGoals?: string[] };
  const run = async () => (await runStages(entry.file, fs.readFileSync(path.join(dir, entry.file)), await sharedContext())).result;

  it.skipIf(Boolean(KNOWN[`${entry.id}:goals`]))('finds every goal, no others, with title, status, page and orientation', async () => {
    const r = await run();
    const got = r.goals.map((g) => ({ title: key(g.title), page: g.page, status: g.status, orientation: g.orientation }));
    const want = truth.goals.map((g) => ({ title: key(g.title), page: g.page, status: g.status, orientation: g.orientation }));
    expect(got).toEqual(want);
    for (const n of truth.notGoals ?? []) expect(r.goals.map((g) => key(g.title))).not.toContain(key(n));
  });

  // Truths that name the flags they expect (the fixtures of issue 15 on) are checked for them too; no name is no flag.
  it.runIf(truth.goals.some((g) => g.expectFlag))('flags exactly the goals its truth expects', async () => {
    const r = await run();
    expect(r.goals.map((g) => [key(g.title), g.flags[0]?.code ?? null])).toEqual(truth.goals.map((g) => [key(g.title), g.expectFlag ?? null]));
  });

  it.skipIf(Boolean(KNOWN[`${entry.id}:justification`]))('gives each goal its own justification', async () => {
    const r = await run();
    for (const t of truth.goals) {
      const g = r.goals.find((x) => key(x.title) === key(t.title));
      if (!g) continue; // reported by the test above
      const text = key(g.sentences.map((s) => s.text).join(' '));
      if (t.justificationStart) expect(text.startsWith(key(t.justificationStart)), `${t.title}: starts "${t.justificationStart}", got "${text.slice(0, 80)}"`).toBe(true);
      if (t.justificationEnd) expect(text.endsWith(key(t.justificationEnd)), `${t.title}: ends "${t.justificationEnd}", got "…${text.slice(-80)}"`).toBe(true);
    }
  });
});

describe('samples shipped for npm start', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(root, 'corpora', 'samples', 'expected.json'), 'utf8')) as Record<string, (TruthGoal & { expectFlag: string | null })[]>;
  for (const [file, goals] of Object.entries(expected)) {
    it.skipIf(Boolean(KNOWN[`samples/${file}`]))(`${file}: goals, statuses and flags`, async () => {
      const p = path.join(root, 'corpora', 'samples', file);
      const r = (await runStages(p, fs.readFileSync(p), await sharedContext())).result;
      const got = r.goals.map((g) => ({ title: key(g.title), status: g.status, orientation: g.orientation, flag: g.flags[0]?.code ?? null }));
      expect(got).toEqual(goals.map((g) => ({ title: key(g.title), status: g.status, orientation: g.orientation, flag: g.expectFlag })));
    });
  }
});
