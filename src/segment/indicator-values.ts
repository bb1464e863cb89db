import type { Indicator, Status } from '../model/result.js';
import { columnOf, valueColumns, type ValueRole } from './indicator-values-columns.js';
import { directionOf, meetsTarget } from './indicator-values-direction.js';
import { parseFigure, type Figure } from './indicator-values-figure.js';
import { indicatorWords, type IndicatorWords } from './indicator-values-words.js';
import { clean } from './plain-text.js';
import type { StackedLabel } from './table-header.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * An indicator with its figures read. The values stay as printed; beside them come the latest value, the target,
 * the floor and the previous value as numbers (from the column each stands in, see indicator-values-columns, or the
 * label before it on a KPI's detail line), the unit, which way is better (indicator-values-direction) and whether
 * the latest value reaches the target. What cannot be read stays null.
 */
export const id = 'indicator-values';

type Read = Pick<Indicator, 'latest' | 'target' | 'floor' | 'previous' | 'unit' | 'better' | 'betterReason' | 'meetsTarget'>;

/** The unit a name gives its figures: "Behörighet, åk 9 (%)", "Väntetid (dagar)", "Sjukfrånvaro, %". */
function unitInName(name: string, w: IndicatorWords): string | null {
  for (const m of name.matchAll(/\(([^()]{1,24})\)/g)) {
    const unit = w.unitOf(m[1]!);
    if (unit) return unit;
  }
  const last = /,\s*([^,]{1,12})$/.exec(name.replace(/\([^()]*\)/g, '').trim());
  return last ? w.unitOf(last[1]!) : null;
}

/**
 * The figures of one indicator from the printed text of each role's value. `texts` are where the report may say
 * which way is better: the name, the column headers, a note.
 */
export function readValues(printed: Partial<Record<ValueRole, string>>, name: string, texts: readonly string[], v: Vocabulary): Read {
  const w = indicatorWords(v);
  const fig = (role: ValueRole): Figure | null => (printed[role] ? parseFigure(printed[role]!, v.language, w) : null);
  const latest = fig('latest');
  const target = fig('target');
  const floor = fig('floor');
  const previous = fig('previous');
  const unit = latest?.unit ?? target?.unit ?? previous?.unit ?? floor?.unit ?? unitInName(name, w);
  // A unit printed on one figure only ("97%" against "97") is the unit of both.
  const withUnit = (f: Figure | null) => (f && !f.unit && unit ? { ...f, unit } : f);
  const direction = directionOf([name, ...texts], target, floor?.value ?? null, w);
  return {
    latest: latest?.value ?? null,
    target: target?.value ?? null,
    floor: floor?.value ?? null,
    previous: previous?.value ?? null,
    unit,
    better: direction?.better ?? null,
    betterReason: direction?.reason ?? null,
    meetsTarget: meetsTarget(withUnit(latest), withUnit(target), direction?.better ?? null),
  };
}

/** The figures of an indicator's row in a table whose header cells are `labels`. */
export function indicatorOfRow(
  row: { name: string; page: number; status: Status; cells: readonly { bbox: readonly number[]; text: string }[] },
  labels: readonly StackedLabel[] | null,
  v: Vocabulary,
): Indicator {
  const values = row.cells.map((c) => clean(c.text)).filter((x) => /\d/.test(x));
  const columns = labels ? valueColumns(labels, indicatorWords(v)) : [];
  const printed: Partial<Record<ValueRole, string>> = {};
  for (const c of row.cells) {
    const column = c.text.trim() ? columnOf(c.bbox[0]!, c.bbox[2]!, columns) : null;
    // Two cells under one label (a figure and its footnote) leave the role unread rather than guessed.
    if (column) printed[column.role] = column.role in printed ? '' : clean(c.text);
  }
  const headers = columns.map((c) => c.text);
  return { name: row.name, page: row.page, values, status: row.status, residentFacing: false, source: 'table', ...readValues(printed, row.name, headers, v) };
}

/** An indicator whose values were read elsewhere than a table row (a detail line, a sentence). */
export function indicatorOfValues(
  name: string,
  page: number,
  status: Status,
  printed: Partial<Record<ValueRole, string>>,
  source: Indicator['source'],
  texts: readonly string[],
  v: Vocabulary,
): Indicator {
  const values = (['latest', 'target', 'floor', 'previous'] as const).flatMap((r) => (printed[r] ? [printed[r]!] : []));
  return { name, page, values, status, residentFacing: false, source, ...readValues(printed, name, texts, v) };
}
