import type { LegendEntry, Table } from '../model/layout.js';
import { clean } from './plain-text.js';
import { THRESHOLDS } from './thresholds.js';
import type { Unit } from './units.js';
import { hasRole, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * A key drawn as a table: each row a status word in a filled cell and what it means ("GREEN | On or above
 * target" in English QPRs, "Uppfyllt | Målet är nått" in Swedish reports), under a "Key"/"Teckenförklaring"
 * heading or on its own. Its rows look exactly like goal rows; they are no goals, and teach the legend instead.
 */
export const id = 'legend-table';

export function isLegendTable(t: Table, before: Unit | undefined, v: Vocabulary): boolean {
  const headed = before && (before.kind === 'heading' || before.kind === 'text') && hasRole(clean(before.text), 'legend-heading', v);
  const statusRows = t.rows.filter((r) => r.cells.some((c) => c.text && statusOfText(c.text, v) && c.fill));
  const distinct = new Set(statusRows.map((r) => statusOfText(r.cells.find((c) => c.text && statusOfText(c.text, v))!.text, v)!.status));
  if (headed && statusRows.length >= THRESHOLDS.headedLegendMinRows) return true;
  // A key: each row one status word in a filled cell and a definition, every status once.
  return statusRows.length >= THRESHOLDS.legendMinStatusRows && distinct.size === statusRows.length && t.rows.length <= THRESHOLDS.legendMaxRows &&
    t.rows.every((r) => r.cells.length <= THRESHOLDS.legendMaxCells);
}

/** Each row's status word with the fill (or first mark) that draws it. */
export function legendEntriesOfTable(t: Table, v: Vocabulary): (LegendEntry & { colour: string })[] {
  return t.rows.flatMap((r) => {
    const c = r.cells.find((x) => x.text && statusOfText(x.text, v));
    const m = c?.fill ?? r.cells.flatMap((x) => x.marks)[0];
    if (!c || !m) return [];
    return [{ colourClass: m.colourClass, shape: m.shape, text: c.text, colour: m.colour }];
  });
}
