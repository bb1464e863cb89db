import type { Table } from '../model/layout.js';
import { clean } from './plain-text.js';
import { THRESHOLDS } from './thresholds.js';
import { hasRole, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Reports count their goals by status before listing them ("Uppfyllt | Delvis uppfyllt | Ej uppfyllt" over
 * numbers per goal area; "Number of KPIs | GREEN | AMBER | RED | Total" in English QPRs). Such a table names the
 * statuses in its header, or totals its counts, and holds no status of its own: no row of it is a goal.
 */
export const id = 'summary-table';

export function isSummaryTable(t: Table, v: Vocabulary): boolean {
  const body = t.rows.slice(1);
  if (!body.length) return false;
  const numeric = body.flatMap((r) => r.cells.slice(1)).filter((c) => c.text);
  const allNum = numeric.length > 0 && numeric.every((c) => /^[\d\s,.%()-]+$/.test(c.text));
  const headerStatus = t.rows[0].cells.filter((c) => c.text && statusOfText(c.text, v)).length >= THRESHOLDS.summaryHeaderMinStatuses;
  const totals = t.rows.some((r) => hasRole(clean(r.cells[0]?.text ?? ''), 'summary-header', v));
  return (allNum && (headerStatus || totals)) || (headerStatus && body.every((r) => !r.cells.some((c) => statusOfText(c.text, v))));
}
