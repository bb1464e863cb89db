import type { Cell } from '../model/layout.js';
import { THRESHOLDS } from './thresholds.js';
import { hasRole, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Which status label of a header row is the status column. Swedish goal tables that carry their indicators put the
 * measured value and the assessment side by side, "Mål | Indikator | Utfall | Målvärde | Måluppfyllelse": "Utfall"
 * is a status label where it stands alone ("Mål | Utfall" over coloured cells), but beside a status label that is no
 * indicator label ("Måluppfyllelse", "Bedömning") it is the indicator's outcome, a figure, and neither the status
 * column nor last period's status. A row whose status labels are all of one kind keeps them as they are ("RAG | RAG").
 * Under a header that has its status column, a row with a status word in that column is a goal row, not a second
 * header row, even where another of its cells reads like a label (an indicator named "Antal enheter med …").
 */
export const id = 'status-column';

type Role = string | null;

/** The roles of a header row's cells, with "Utfall" beside a plain status label made an indicator label. */
export function figureLabelsBesideStatus<R extends Role>(texts: string[], roles: R[], v: Vocabulary): R[] {
  const isFigure = (k: number) => roles[k] === 'status-header' && Boolean(hasRole(texts[k], 'indicator-header', v));
  const plainStatus = roles.some((r, k) => r === 'status-header' && !isFigure(k));
  if (!plainStatus) return roles;
  return roles.map((r, k) => (isFigure(k) ? ('indicator-header' as R) : r));
}

/** Is this row, under a header whose status column stands at `statusX`, a body row: a status word in that column? */
export function statusUnderStatusLabel(cells: Cell[], statusX: number | null, v: Vocabulary): boolean {
  if (statusX == null) return false;
  return cells.some((c) => c.text && Math.abs((c.bbox[0] + c.bbox[2]) / 2 - statusX) < THRESHOLDS.statusColumnPt && statusOfText(c.text, v, true));
}
