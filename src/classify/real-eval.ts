import { LABELS, type LabelledSentence, type Language } from '../model/result.js';
import { formatScores, score, type Scores } from './evaluate.js';
import { evaluateRealGoals, formatRealGoalReport, type FlagRule, type OrientationOfTitle } from './real-goals.js';
import type { RealSentence, RealSet } from './real-set.js';

/** Labels a sentence: the classifier's `classify`, passed in so that a test can score a fixed answer. */
export type ClassifySentence = (text: string, language: Language) => LabelledSentence;

export interface SentenceVerdict { sentence: RealSentence; predicted: LabelledSentence }

export interface RealSentenceReport {
  language: Language;
  scores: Scores;
  /** Per organisation: how many sentences and how many got the gold label, largest first. */
  byOrg: { org: string; n: number; correct: number; accuracy: number }[];
  /** The sentences labelled otherwise than gold, in the set's order. */
  wrong: SentenceVerdict[];
}

/** Scores the classifier on real sentences, one report per language present. */
export function evaluateRealSentences(sentences: readonly RealSentence[], classify: ClassifySentence): RealSentenceReport[] {
  const reports: RealSentenceReport[] = [];
  for (const language of ['sv', 'en'] as const) {
    const own = sentences.filter((s) => s.lang === language);
    if (!own.length) continue;
    const verdicts = own.map((sentence) => ({ sentence, predicted: classify(sentence.text, language) }));
    const orgs = new Map<string, { n: number; correct: number }>();
    for (const v of verdicts) {
      const o = orgs.get(v.sentence.org) ?? { n: 0, correct: 0 };
      o.n++;
      if (v.predicted.label === v.sentence.label) o.correct++;
      orgs.set(v.sentence.org, o);
    }
    reports.push({
      language,
      scores: score(verdicts.map((v) => ({ gold: v.sentence.label, predicted: v.predicted.label }))),
      byOrg: [...orgs]
        .map(([org, o]) => ({ org, ...o, accuracy: o.correct / o.n }))
        .sort((a, b) => b.n - a.n || a.org.localeCompare(b.org)),
      wrong: verdicts.filter((v) => v.predicted.label !== v.sentence.label),
    });
  }
  return reports;
}

/** The binary confusion counts behind the resident-facing macro-F1 (tp = resident-facing in gold and predicted). */
export function binaryCounts(s: Scores): { tp: number; fp: number; fn: number; tn: number } {
  const rf = (l: string) => l === 'outcome' || l === 'output';
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const g of LABELS) for (const p of LABELS) {
    const n = s.confusion[g][p];
    if (rf(g) && rf(p)) tp += n; else if (rf(p)) fp += n; else if (rf(g)) fn += n; else tn += n;
  }
  return { tp, fp, fn, tn };
}

export function formatRealSentenceReport(r: RealSentenceReport, opts: { showWrong?: boolean } = {}): string {
  const b = binaryCounts(r.scores);
  const lines = [
    formatScores(`${r.language} — real sentences`, r.scores),
    `  resident-facing counts: tp ${b.tp}, fp ${b.fp}, fn ${b.fn}, tn ${b.tn}`,
    '  per organisation (accuracy, n):',
    ...r.byOrg.map((o) => `    ${o.accuracy.toFixed(2)}  ${String(o.n).padStart(3)}  ${o.org}`),
  ];
  if (opts.showWrong !== false) {
    lines.push(`  wrong (${r.wrong.length}): id  gold → predicted  confidence  reasons`);
    for (const { sentence: s, predicted: p } of r.wrong) {
      lines.push(`    ${s.id}  ${s.label} → ${p.label}  ${p.confidence.toFixed(2)}  ${p.reasons.join(', ') || '-'}`);
      lines.push(`      ${s.text}`);
    }
  }
  return lines.join('\n');
}

/** The whole report `verkstad eval --real DIR` prints: sentences per language, then goals when the set has them. */
export function formatRealSetReport(
  set: RealSet,
  deps: { classify: ClassifySentence; orientationOf: OrientationOfTitle; flagged: FlagRule },
  opts: { title?: string } = {},
): string {
  const parts = [`Real set ${opts.title ?? set.dir}: ${set.sentences.length} sentences${set.goals ? `, ${set.goals.length} goals` : ''}`];
  for (const r of evaluateRealSentences(set.sentences, deps.classify)) parts.push(formatRealSentenceReport(r));
  if (set.goals) for (const r of evaluateRealGoals(set.goals, deps)) parts.push(formatRealGoalReport(r));
  return parts.join('\n\n') + '\n';
}
