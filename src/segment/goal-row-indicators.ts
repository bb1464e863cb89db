import type { Cell, Row } from '../model/layout.js';
import { clean } from './plain-text.js';
import { headerColumnOf, labelOf, type StackedLabel, type TableHeader } from './table-header.js';

/**
 * Swedish goal tables that carry their indicators, "Mål | Indikator | Utfall | Målvärde | Måluppfyllelse": the goal
 * cell spans the rows of its indicators (a rowspan), so the first row holds the goal, its first indicator and the
 * status, and each row under it only another indicator's name and figures. The indicator is named by its own cell,
 * not by the goal; the goal's title column ("Mål", also a target label in indicator tables) and its area columns
 * are names, not figures; and a row with nothing in the title column, an indicator's name and a figure is that
 * goal's next indicator, not its commentary.
 */
export const id = 'goal-row-indicators';

const wordy = (c: Cell) => /\p{L}{3,}/u.test(c.text);

/** The cell under an indicator label ("Indikator", "Nyckeltal") that names the row's indicator, if any. */
export function indicatorNameCell(r: Row, header: TableHeader | null, titleCell?: Cell): Cell | undefined {
  if (!header) return undefined;
  return r.cells.find((c) => c !== titleCell && c.text && wordy(c) && headerColumnOf(c, header) !== header.titleColumn && labelOf(c, header)?.role === 'indicator-header');
}

/** The header labels that may head a figure: all but the goal's title and area columns. */
export function figureLabels(header: TableHeader | null): StackedLabel[] | null {
  if (!header?.stacked) return null;
  const names = header.labels.filter((l) => l.column === header.titleColumn || header.areaColumns.includes(l.column));
  return header.stacked.filter((s) => !names.some((l) => s.x0 < l.x1 && l.x0 < s.x1));
}

/** A row under a goal with no title, an indicator's name and a figure: the goal's next indicator. */
export function isIndicatorRowOfGoal(r: Row, header: TableHeader | null): boolean {
  if (!header) return false;
  if (r.cells.some((c) => c.text && headerColumnOf(c, header) === header.titleColumn)) return false;
  const name = indicatorNameCell(r, header);
  return Boolean(name && r.cells.some((c) => c !== name && /\d/.test(clean(c.text))));
}
