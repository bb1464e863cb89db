import type { Row, Table } from '../model/layout.js';
import { clean } from './plain-text.js';
import { isColumnLabel } from './table-header.js';
import { THRESHOLDS } from './thresholds.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * English QPR appendices draw one KPI table per directorate back to back, each with its own "Indicator | Latest |
 * Previous | DoT" header; layout can join them into one table. A header row met again in the middle of a table
 * starts a new table (a second header line right under the first, "Latest | Previous", is the same header).
 */
export const id = 'split-at-headers';

export function isHeaderRow(r: Row, v: Vocabulary): boolean {
  const texts = r.cells.map((c) => clean(c.text)).filter(Boolean);
  if (texts.length < THRESHOLDS.repeatedHeaderMinCells || texts.some((t) => t.split(' ').length > THRESHOLDS.repeatedHeaderCellMaxWords)) return false;
  return texts.filter((t) => isColumnLabel(t, v)).length >= THRESHOLDS.repeatedHeaderMinCells;
}

export function splitAtHeaders(t: Table, v: Vocabulary): Table[] {
  const out: Table[] = [];
  let rows: Row[] = [];
  t.rows.forEach((r, k) => {
    if (k > 1 && rows.length && isHeaderRow(r, v) && !isHeaderRow(t.rows[k - 1], v)) {
      out.push({ ...t, rows });
      rows = [];
    }
    rows.push(r);
  });
  out.push({ ...t, rows });
  return out;
}
