import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Label, LabelledSentence, Language } from '../../src/model/result.js';
import { binaryCounts, evaluateRealSentences, formatRealSetReport } from '../../src/classify/real-eval.js';
import { evaluateRealGoals } from '../../src/classify/real-goals.js';
import { orgHalves, parseRealGoals, parseRealSentences, readRealSet, RealSetError, selectHalf } from '../../src/classify/real-set.js';
import { root } from '../helpers.js';

const fixture = path.join(root, 'test', 'classify', 'fixtures', 'real-mini');

/** A classifier that answers from a table (text → label), so that every score below is known by hand. */
const fixed = (answers: Record<string, Label>, fallback: Label = 'context') => (text: string, _lang: Language): LabelledSentence => {
  const label = answers[text] ?? fallback;
  return { text, label, residentFacing: label === 'outcome' || label === 'output', confidence: 0.9, reasons: [`test:${label}`] };
};

describe('reading a real set', () => {
  it('reads sentences.tsv and goals.json', () => {
    const set = readRealSet(fixture);
    expect(set.sentences).toHaveLength(8);
    expect(set.sentences[0]).toMatchObject({ id: 'm01', label: 'outcome', lang: 'sv', org: 'Ekby kommun' });
    expect(set.goals).toHaveLength(4);
    expect(set.goals![0]).toMatchObject({ status: 'green', flagged: true, orientation: 'residents' });
  });

  it('takes the columns by their header, in any order', () => {
    const rows = parseRealSentences('text\tid\tlang\tlabel\torg\tsource\nHej.\tx1\tsv\tcontext\tA\t-\n');
    expect(rows).toEqual([{ id: 'x1', label: 'context', lang: 'sv', org: 'A', source: '-', text: 'Hej.' }]);
  });

  it('collects every bad row with its line number', () => {
    const tsv = 'id\tlabel\tlang\torg\tsource\ttext\nx1\toutcom\tsv\tA\t-\tEtt.\nx2\tcontext\tde\tA\t-\tTvå.\nx3\tcontext\tsv\tA\t-\n';
    try {
      parseRealSentences(tsv, 's.tsv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RealSetError);
      const problems = (e as RealSetError).problems;
      expect(problems.some((p) => p.startsWith('s.tsv:2 label'))).toBe(true);
      expect(problems.some((p) => p.startsWith('s.tsv:3 lang'))).toBe(true);
      expect(problems.some((p) => /^s\.tsv:4 expected 6 tab-separated fields, got 5/.test(p))).toBe(true);
    }
  });

  it('names missing columns and duplicate ids', () => {
    expect(() => parseRealSentences('id\tlabel\ttext\n')).toThrow(/missing lang, org, source/);
    expect(() => parseRealSentences('id\tlabel\tlang\torg\tsource\ttext\na\tcontext\tsv\tA\t-\tX.\na\tcontext\tsv\tA\t-\tY.\n')).toThrow(/duplicate id "a" \(also on line 2\)/);
  });

  it('rejects a goal without its flag', () => {
    expect(() => parseRealGoals('[{"org":"A","lang":"sv","title":"T","status":"green","justification":"x","evidence":"internal","orientation":"residents"}]')).toThrow(/flagged/);
  });

  it('says where it looked when the set is absent', () => {
    expect(() => readRealSet(path.join(fixture, 'nowhere'))).toThrow(/sentences\.tsv: not found/);
  });
});

describe('organisation halves', () => {
  const set = readRealSet(fixture);
  it('put every organisation in exactly one half, larger ones first, balanced per language', () => {
    const halves = orgHalves(set);
    expect([...halves.keys()].sort()).toEqual(['Ekby kommun', 'Lunda kommun', 'Northam Council', 'Southby Council']);
    // Ekby (3 sentences) goes first to tune, Lunda (2) to holdout; in English Northam (2) to tune, Southby (1) to holdout.
    expect(halves.get('Ekby kommun')).toBe('tune');
    expect(halves.get('Lunda kommun')).toBe('holdout');
    expect(halves.get('Northam Council')).toBe('tune');
    expect(halves.get('Southby Council')).toBe('holdout');
  });

  it('keep goals with their organisation', () => {
    const tune = selectHalf(set, 'tune');
    const holdout = selectHalf(set, 'holdout');
    expect(tune.sentences.length + holdout.sentences.length).toBe(8);
    expect(tune.goals!.map((g) => g.org)).toEqual(['Ekby kommun', 'Northam Council']);
    expect(holdout.goals!.map((g) => g.org)).toEqual(['Lunda kommun', 'Lunda kommun']);
  });
});

describe('scoring the sentences', () => {
  const set = readRealSet(fixture);
  // Right on m01, m02, m04, m06, m07; m03 context→outcome, m05 intention→context (fallback), m08 context→internal.
  const classify = fixed({
    [set.sentences[0]!.text]: 'outcome',
    [set.sentences[1]!.text]: 'internal',
    [set.sentences[2]!.text]: 'outcome',
    [set.sentences[3]!.text]: 'output',
    [set.sentences[5]!.text]: 'outcome',
    [set.sentences[6]!.text]: 'internal',
    [set.sentences[7]!.text]: 'internal',
  });
  const [sv, en] = evaluateRealSentences(set.sentences, classify);

  it('per language: accuracy, confusion and the binary resident-facing counts', () => {
    expect(sv!.language).toBe('sv');
    expect(sv!.scores.n).toBe(5);
    expect(sv!.scores.accuracy).toBeCloseTo(3 / 5);
    expect(sv!.scores.confusion.context.outcome).toBe(1);
    expect(sv!.scores.confusion.intention.context).toBe(1);
    expect(binaryCounts(sv!.scores)).toEqual({ tp: 2, fp: 1, fn: 0, tn: 2 });
    // resident-facing F1 = 2·(2/3)·1/(2/3+1) = 0.8; the rest: P 1, R 2/3 → 0.8; macro 0.8
    expect(sv!.scores.residentFacing.macroF1).toBeCloseTo(0.8);
    expect(en!.scores.accuracy).toBeCloseTo(2 / 3);
  });

  it('per organisation, largest first, and the wrong sentences in order', () => {
    expect(sv!.byOrg).toEqual([
      { org: 'Ekby kommun', n: 3, correct: 2, accuracy: 2 / 3 },
      { org: 'Lunda kommun', n: 2, correct: 1, accuracy: 0.5 },
    ]);
    expect(sv!.wrong.map((w) => [w.sentence.id, w.sentence.label, w.predicted.label])).toEqual([['m03', 'context', 'outcome'], ['m05', 'intention', 'context']]);
  });

  it('prints per label, confusion, organisations, wrong sentences with reasons, and the goals', () => {
    const text = formatRealSetReport(set, {
      classify,
      orientationOf: () => ({ orientation: 'residents', reason: null }),
      flagged: () => false,
    });
    expect(text).toMatch(/sv — real sentences\s+\(n=5\)/);
    expect(text).toMatch(/resident-facing counts: tp 2, fp 1, fn 0, tn 2/);
    expect(text).toMatch(/0\.67\s+3\s+Ekby kommun/);
    expect(text).toMatch(/m03\s+context → outcome\s+0\.90\s+test:outcome/);
    expect(text).toMatch(/sv — real goals \(n=3\)/);
  });
});

describe('scoring the goals', () => {
  const set = readRealSet(fixture);
  const classify = fixed({ 'Under sommaren fick 40 ungdomar feriearbete.': 'output' }, 'internal');

  it('splits each justification, classifies, and compares the flag rule with gold', () => {
    const seen: string[][] = [];
    const [sv, en] = evaluateRealGoals(set.goals!, {
      classify,
      orientationOf: (title) => ({ orientation: /ekonomisk/i.test(title) ? 'organisation' : 'residents', reason: 'test' }),
      // The assess rule in miniature: green, residents, nothing resident-facing.
      flagged: (g) => {
        seen.push(g.sentences.map((s) => s.label));
        return g.status === 'green' && g.orientation === 'residents' && !g.sentences.some((s) => s.residentFacing);
      },
    });
    expect(seen[0]).toEqual(['internal', 'internal']);
    expect(seen[1]).toEqual(['output', 'internal']);
    expect(sv).toMatchObject({ language: 'sv', n: 3, tp: 1, fp: 0, fn: 0, tn: 2, precision: 1, recall: 1, orientationCorrect: 3 });
    expect(en).toMatchObject({ language: 'en', n: 1, tp: 0, fp: 0, fn: 0, tn: 1 });
  });

  it('lists a missed flag with its sentences', () => {
    const [sv] = evaluateRealGoals(set.goals!, { classify: fixed({}, 'output'), orientationOf: () => ({ orientation: 'residents', reason: null }), flagged: () => false });
    expect(sv!.recall).toBe(0);
    expect(sv!.wrong.map((w) => w.goal.title)).toEqual(['Äldre ska få god omsorg']);
  });
});
