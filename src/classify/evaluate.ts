import { LABELS, RESIDENT_FACING, type Label } from '../model/result.js';

export interface Scores {
  n: number;
  perLabel: Record<Label, { precision: number; recall: number; f1: number; support: number }>;
  macroF1: number;
  accuracy: number;
  confusion: Record<Label, Record<Label, number>>;
  /** Resident-facing (outcome|output) against the rest: macro-F1 over the two classes. */
  residentFacing: { macroF1: number; f1: number; precision: number; recall: number };
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function score(pairs: { gold: Label; predicted: Label }[]): Scores {
  const confusion = Object.fromEntries(LABELS.map((g) => [g, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as Scores['confusion'];
  for (const { gold, predicted } of pairs) confusion[gold][predicted]++;
  const perLabel = {} as Scores['perLabel'];
  for (const l of LABELS) {
    const tp = confusion[l][l];
    const fp = LABELS.reduce((s, g) => s + (g === l ? 0 : confusion[g][l]), 0);
    const fn = LABELS.reduce((s, p) => s + (p === l ? 0 : confusion[l][p]), 0);
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    perLabel[l] = { precision, recall, f1: f1(precision, recall), support: tp + fn };
  }
  const present = LABELS.filter((l) => perLabel[l].support > 0);
  const macroF1 = present.reduce((s, l) => s + perLabel[l].f1, 0) / Math.max(1, present.length);
  const accuracy = pairs.filter((p) => p.gold === p.predicted).length / Math.max(1, pairs.length);
  const bin = (pos: boolean) => {
    let tp = 0, fp = 0, fn = 0;
    for (const { gold, predicted } of pairs) {
      const g = RESIDENT_FACING.has(gold) === pos, p = RESIDENT_FACING.has(predicted) === pos;
      if (g && p) tp++; else if (p) fp++; else if (g) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return { precision, recall, f1: f1(precision, recall) };
  };
  const pos = bin(true), neg = bin(false);
  return { n: pairs.length, perLabel, macroF1, accuracy, confusion, residentFacing: { macroF1: (pos.f1 + neg.f1) / 2, ...pos } };
}

export function formatScores(title: string, s: Scores): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [`${title}  (n=${s.n})`, '  label      precision  recall  f1     support'];
  for (const l of LABELS) {
    const p = s.perLabel[l];
    lines.push(`  ${l.padEnd(10)} ${pct(p.precision).padStart(9)}  ${pct(p.recall).padStart(6)}  ${pct(p.f1)}  ${String(p.support).padStart(7)}`);
  }
  lines.push(`  five-label macro-F1: ${pct(s.macroF1)}   accuracy: ${pct(s.accuracy)}`);
  lines.push(`  resident-facing (outcome|output vs rest) macro-F1: ${pct(s.residentFacing.macroF1)}  (F1 ${pct(s.residentFacing.f1)}, P ${pct(s.residentFacing.precision)}, R ${pct(s.residentFacing.recall)})`);
  lines.push('  confusion (rows gold, columns predicted):');
  lines.push('  ' + ''.padEnd(10) + LABELS.map((l) => l.slice(0, 8).padStart(9)).join(''));
  for (const g of LABELS) lines.push('  ' + g.padEnd(10) + LABELS.map((p) => String(s.confusion[g][p]).padStart(9)).join(''));
  return lines.join('\n');
}
