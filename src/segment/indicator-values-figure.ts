import type { Language } from '../model/result.js';
import type { IndicatorWords } from './indicator-values-words.js';

/**
 * A figure as reports print it in an indicator's cell or after a label. Swedish tables write a decimal comma and
 * thousands apart with a space ("83,1", "1 250", "8,4 %", "–3,5", "12 dagar", "minst 90 %"); English ones a decimal
 * point and a thousands comma ("10,323", "80.9%", "£1,250", "at most 5%"). The language decides what a comma is:
 * "10,323" is ten thousand in Kent's QPR and "83,1" eighty-three in a Swedish table. A cell is a figure only when
 * nothing but a qualifier, a unit and a footnote mark stands beside the number: "85–90", "ASC01" or "saknas" are not.
 */
export const id = 'indicator-values-figure';

export interface Figure {
  value: number;
  /** The unit's one spelling ("%", "kr", "dagar"), or null where none is printed. */
  unit: string | null;
  /** "minst 90" / "at most 5": the target is a floor to pass or a ceiling to stay under. */
  qualifier: { bound: 'at-least' | 'at-most'; ruleId: string } | null;
}

const SPACE = '[ \\u00a0\\u202f\\u2009]';
const NUMBER: Record<Language, string> = {
  sv: `[-−–]?(?:\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)(?:[,.]\\d+)?`,
  en: `[-−–]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?`,
};

/** A number in `language`'s notation, without groups, for composing patterns. */
export const numberSource = (language: Language): string => NUMBER[language];

/** The value of a number printed in `language`'s notation ("1 250,5" → 1250.5; "10,323" → 10323). */
export function numberValue(text: string, language: Language): number | null {
  let t = text.trim().replace(/^[−–]/, '-');
  t = language === 'sv' ? t.replace(new RegExp(SPACE, 'g'), '').replace(',', '.') : t.replace(/,/g, '');
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const cellPatterns = new WeakMap<IndicatorWords, Record<Language, RegExp>>();

function cellPattern(language: Language, w: IndicatorWords): RegExp {
  let p = cellPatterns.get(w);
  if (!p) {
    const make = (lang: Language) =>
      new RegExp(`^\\s*(?<qual>${w.qualifierSource})?\\s*(?<pre>${w.unitSource})?\\s*(?<num>${NUMBER[lang]})\\s*(?<unit>${w.unitSource})?\\s*[*¹²³†]*\\s*$`, 'iu');
    p = { sv: make('sv'), en: make('en') };
    cellPatterns.set(w, p);
  }
  return p[language];
}

/** The figure a cell (or a labelled value) holds, or null when it holds anything else. */
export function parseFigure(text: string, language: Language, w: IndicatorWords): Figure | null {
  const m = cellPattern(language, w).exec(text.replace(/\s+/g, ' '));
  if (!m?.groups) return null;
  const value = numberValue(m.groups.num!, language);
  if (value === null) return null;
  const unitWords = m.groups.unit ?? m.groups.pre;
  const unit = unitWords ? w.unitOf(unitWords) : null;
  let qualifier: Figure['qualifier'] = null;
  if (m.groups.qual) {
    const least = w.opens(m.groups.qual, 'target-at-least');
    const most = w.opens(m.groups.qual, 'target-at-most');
    if (least && !most) qualifier = { bound: 'at-least', ruleId: least.id };
    else if (most && !least) qualifier = { bound: 'at-most', ruleId: most.id };
  }
  return { value, unit, qualifier };
}
