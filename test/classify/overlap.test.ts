import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/classify/corpus.js';
import { readRealSet } from '../../src/classify/real-set.js';
import { loadRules } from '../../src/ruleset/load.js';
import { root } from '../helpers.js';

// Our texts stay ours: the real set is for evaluation only (issue 15). Same check as /work/tools/overlap.py.
const realText = path.resolve(root, '..', 'shared', 'real-text');
const hasRealText = fs.existsSync(path.join(realText, 'sentences.tsv'));
const N = 8;
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}_%]+/gu) ?? [];
const grams = (s: string) => {
  const w = words(s);
  return Array.from({ length: Math.max(0, w.length - N + 1) }, (_, i) => w.slice(i, i + N).join(' '));
};

describe.skipIf(!hasRealText)(
  hasRealText
    ? `no corpus sentence, rule example or test fixture shares ${N} consecutive words with ../shared/real-text`
    : `SKIPPED: ../shared/real-text is absent, so the ${N}-word overlap of corpora/ and rules/ with the real set is not checked`,
  () => {
    const real = new Set<string>();
    if (hasRealText) {
      const set = readRealSet(realText);
      for (const s of set.sentences) for (const g of grams(s.text)) real.add(g);
      for (const goal of set.goals ?? []) for (const g of [...grams(goal.justification), ...grams(goal.title)]) real.add(g);
    }
    const shared = (text: string) => grams(text).find((g) => real.has(g));

    it.each(['sv', 'en'] as const)('corpora/%s', (lang) => {
      const hits = loadCorpus(path.join(root, 'corpora'), lang)
        .map((e) => ({ where: `${e.file}:${e.line}`, gram: shared(e.text) }))
        .filter((h) => h.gram);
      expect(hits).toEqual([]);
    });

    it('every rule example', () => {
      const hits = loadRules(path.join(root, 'rules')).rules
        .flatMap((r) => [...r.examples.match, ...r.examples.noMatch].map((x) => ({ where: r.id, gram: shared(x) })))
        .filter((h) => h.gram);
      expect(hits).toEqual([]);
    });

    it('the test fixtures of test/classify', () => {
      const dir = path.join(root, 'test', 'classify', 'fixtures');
      const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      const hits = files.flatMap((e) => {
        const text = fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
        return text.split('\n').map((l, i) => ({ where: `${e.name}:${i + 1}`, gram: shared(l) })).filter((h) => h.gram);
      });
      expect(hits).toEqual([]);
    });
  },
);
