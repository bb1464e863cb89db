import type { Table } from '../model/layout.js';
import type { TableHeader } from './table-header.js';
import { THRESHOLDS } from './thresholds.js';

/**
 * Goal and activity tables run over page breaks, and Word repeats the header row only when asked to: a table
 * without a header of its own whose columns stand where the last header's did is that table continued, read by
 * the same header from its first row.
 */
export const id = 'table-continuation';

export function continuedHeader(t: Table, prev: TableHeader | null): TableHeader | null {
  if (!prev) return null;
  const same = t.columns.length === prev.columns.length && t.columns.every((x, k) => Math.abs(x - prev.columns[k]) < THRESHOLDS.sameColumnPt);
  return same ? { ...prev, bodyStart: 0 } : null;
}
