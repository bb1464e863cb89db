import type { Status } from '../model/result.js';
import { clean } from './plain-text.js';
import type { Legend } from './status.js';
import { THRESHOLDS } from './thresholds.js';
import type { Unit } from './units.js';
import { statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Reports that grade their goals on a scale of figures or letters print its key once: "5 = Helt uppfyllt,
 * 4 = Till stor del uppfyllt, … 1 = Inte uppfyllt" in a paragraph, or as a small table of value and words. The
 * key, not the figure, says what a grade means (the scale may run either way): each value takes the status of its
 * words by rules/<lang>/status.yaml, and a status column's cell holding that value has that status (row-status).
 * Without a key a bare figure in a status column is no status: unknown is an answer, a guess is not.
 */
export const id = 'scale-legend';

/** "5 = Helt uppfyllt": a value of one or two figures or one capital, a sign, and words up to the next pair. */
const PAIR = /(?:^|[\s,;(])(\d{1,2}|\p{Lu})\s*[=:–-]\s*([^,;=()]+?)(?=\s*(?:[,;.)]|\s(?:\d{1,2}|\p{Lu})\s*[=:–-]|$))/gu;

type ScaleEntry = [value: string, status: Status, text: string];

/** The scale a paragraph states, when it names at least three values with status words. */
export function scaleOfText(text: string, v: Vocabulary): ScaleEntry[] | null {
  const entries: ScaleEntry[] = [];
  for (const m of clean(text).matchAll(PAIR)) {
    const s = statusOfText(m[2], v);
    if (s) entries.push([m[1], s.status, clean(m[2])]);
  }
  return entries.length >= THRESHOLDS.scaleMinValues ? entries : null;
}

/** Learns every scale key (paragraphs, and tables of value and words) before any goal is read. */
export function learnScales(us: Unit[], legend: Legend, v: Vocabulary): void {
  const learn = (entries: ScaleEntry[] | null) => {
    for (const [value, status, text] of entries ?? []) legend.byValue.set(value, { status, text });
  };
  for (const u of us) {
    if (u.kind === 'text') learn(scaleOfText(u.text, v));
    else if (u.kind === 'table') {
      const rows = u.table.rows.map((r) => r.cells.map((c) => clean(c.text)).filter(Boolean));
      const pairs = rows.filter((r) => r.length === 2 && /^(\d{1,2}|\p{Lu})$/u.test(r[0])).map((r) => `${r[0]} = ${r[1]}`);
      learn(scaleOfText(pairs.join(', '), v));
    }
  }
}
