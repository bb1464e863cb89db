import type { Table } from '../model/layout.js';
import type { Indicator } from '../model/result.js';
import { indicatorOfRow } from './indicator-values.js';
import { clean } from './plain-text.js';
import { rowStatus } from './row-status.js';
import type { Legend } from './status.js';
import type { TableHeader } from './table-header.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Swedish goal pages follow the goal's comment with a table of its indicators ("Nyckeltal | Utfall 2024 |
 * Utfall 2025 | Målvärde"), often without a header the vocabulary knows: a table whose every body row has a
 * name and a figure. Each row becomes one of the goal's indicators with its values as printed.
 */
export const id = 'indicator-table';

/** A table without a known header whose body rows each pair a name with figures. */
export function looksLikeIndicators(t: Table): boolean {
  const body = t.rows.slice(1);
  return body.length > 0 && body.every((r) => r.cells.length >= 2 && r.cells.slice(1).some((c) => /\d/.test(c.text)));
}

export function indicatorsOf(t: Table, header: TableHeader | null, legend: Legend, v: Vocabulary): Indicator[] {
  // Without a header the vocabulary knows, the first row is the header: its cells label the value columns.
  const labels = header?.stacked ?? (t.rows[0]?.cells ?? []).filter((c) => c.text).map((c) => ({ x0: c.bbox[0], x1: c.bbox[2], text: clean(c.text) }));
  return t.rows.slice(header?.bodyStart ?? 1).flatMap((r) => {
    const name = clean(r.cells[0]?.text ?? '');
    if (!name) return [];
    if (!r.cells.slice(1).some((c) => /\d/.test(c.text))) return [];
    return [indicatorOfRow({ name, page: t.page, status: rowStatus(r, header, legend, v)?.status ?? 'unknown', cells: r.cells.slice(1) }, labels, v)];
  });
}
