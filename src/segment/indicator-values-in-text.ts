import type { SegmentedGoal } from '../model/goal.js';
import type { Indicator } from '../model/result.js';
import { numberSource, numberValue } from './indicator-values-figure.js';
import { indicatorOfValues } from './indicator-values.js';
import { indicatorWords } from './indicator-values-words.js';
import { THRESHOLDS } from './thresholds.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Swedish justifications often give a figure with its target in brackets right after it: "Under året fick 412
 * hushåll stöd (mål 450)", "Väntetiden var 34 dagar (målvärde: högst 30 dagar)"; English ones "answered 412
 * (target 450)". Each such figure is an indicator of the goal, named by its sentence, its values read as a
 * table's would be (a bound in the bracket says which way is better). Its status is unknown: the report rates
 * the goal, not the figure. Years on both sides ("2025 (mål 2030)") are dates, not figures.
 */
export const id = 'indicator-values-in-text';

const patterns = new WeakMap<Vocabulary, RegExp>();

function figureWithTarget(v: Vocabulary): RegExp {
  let re = patterns.get(v);
  if (!re) {
    const w = indicatorWords(v);
    const n = numberSource(v.language);
    const unit = `(?:\\s*(?:${w.unitSource})(?!\\p{L}))?`;
    re = new RegExp(
      `(?<![\\p{L}\\p{N}])(?<latest>${n}${unit})(?:\\s+\\p{L}+){0,2}\\s*\\(\\s*(?:${w.targetLabelSource})(?!\\p{L})\\s*:?\\s*(?<target>(?:${w.qualifierSource}\\s*)?${n}${unit})\\s*\\)`,
      'giu',
    );
    patterns.set(v, re);
  }
  return re;
}

const YEAR = /^(?:19|20)\d\d$/;

/** The sentence of `text` around position `at`, shortened to a name. */
function sentenceAround(text: string, at: number): string {
  const start = Math.max(0, ...[...text.slice(0, at).matchAll(/[.!?]\s+/g)].map((m) => m.index! + m[0].length));
  const end = text.slice(at).search(/[.!?](\s|$)/);
  const sentence = text.slice(start, end < 0 ? text.length : at + end + 1).trim();
  return sentence.length > THRESHOLDS.inTextNameMaxChars ? `${sentence.slice(0, THRESHOLDS.inTextNameMaxChars - 1).trimEnd()}…` : sentence;
}

/** The figures with a target in a goal's justification, as its indicators. */
export function indicatorsInText(g: Pick<SegmentedGoal, 'justification'>, v: Vocabulary): Indicator[] {
  const out: Indicator[] = [];
  for (const p of g.justification) {
    for (const m of p.text.matchAll(figureWithTarget(v))) {
      const latest = m.groups!.latest!.trim();
      const target = m.groups!.target!.trim();
      if (YEAR.test(latest) && YEAR.test(target)) continue;
      if (numberValue(latest.replace(/[^\d\s.,−–-]+$/u, ''), v.language) === null) continue;
      const name = sentenceAround(p.text, m.index!);
      out.push(indicatorOfValues(name, p.page, 'unknown', { latest, target }, 'text', [], v));
    }
  }
  return out;
}
