import type { RuleSet } from '../ruleset/load.js';
import { findIn } from './words.js';

/**
 * The period a report covers, as verkstad writes it: a calendar year ("2025") or a financial year ("2024/25", also
 * printed "2024-25" or "2024/2025", whose second year is the next one), with a tertial or quarter where the same
 * source names one ("Quarter 3", "januari–augusti" → "2024/25 Q3", "2025 T2"; the words are `period-part` in
 * rules/). A year followed by "/123" is a case number and no year; a part without a year is no period.
 */
const FINANCIAL = /(?<!\d)((?:19|20)\d\d)\s*[/–-]\s*(\d{4}|\d{2})(?![\d/])/;
const YEAR = /(?<![\d/])((?:19|20)\d\d)(?![\d/])/;

/** The year of a line: a financial year where the second year follows the first, else a calendar year. */
export function yearIn(line: string): string | null {
  const f = FINANCIAL.exec(line);
  if (f) {
    const first = Number(f[1]);
    const second = Number(f[2]);
    if (second === first + 1 || second === (first + 1) % 100) return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
  }
  return YEAR.exec(line)?.[1] ?? null;
}

/**
 * The period a source states: the year of its first line that also names a kind of report or a part of a period
 * ("Quarterly Performance Report, Quarter 3, 2024/25", "Delårsrapport augusti 2025"), with the source's first
 * tertial or quarter. A source that states one is trusted over one that only shows a year (`periodShown`).
 */
export function periodStated(source: { lines: readonly string[] }, rules: RuleSet): string | null {
  for (const l of source.lines) {
    if (!findIn(l, 'kind', rules) && !findIn(l, 'period-part', rules)) continue;
    const year = yearIn(l);
    if (year) return withPart(year, source.lines, rules);
  }
  return null;
}

/** The period a source only shows: the first year of its title lines, with its first tertial or quarter. */
export function periodShown(source: { lines: readonly string[]; titles: readonly string[] }, rules: RuleSet): string | null {
  for (const l of source.titles) {
    const year = yearIn(l);
    if (year) return withPart(year, source.lines, rules);
  }
  return null;
}

function withPart(year: string, lines: readonly string[], rules: RuleSet): string {
  for (const l of lines) {
    const part = findIn(l, 'period-part', rules);
    if (part) return `${year} ${part.value}`;
  }
  return year;
}
