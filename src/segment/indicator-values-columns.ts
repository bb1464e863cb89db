import type { IndicatorWords } from './indicator-values-words.js';
import type { StackedLabel } from './table-header.js';
import { THRESHOLDS } from './thresholds.js';

/**
 * Which of an indicator table's value columns is the latest value, the target, the floor and the previous value,
 * read from their header labels. Swedish tables print results of several years ("Indikator | Utfall 2024 | Utfall
 * 2025 | Målvärde", or bare years "2023 | 2024 | 2025 | Målvärde"): the latest year is the latest value and the
 * year before it the previous one, unless a column is labelled as the previous one. English QPR tables label them
 * ("Latest | Target | Floor | Previous"). Where two columns could be the latest and no year tells them apart,
 * none is: unknown is an answer. A body cell is under the label it overlaps most: a centred header and right-aligned
 * figures seldom share the layout's column edges.
 */
export const id = 'indicator-values-columns';

export type ValueRole = 'latest' | 'previous' | 'target' | 'floor';

/** A period in a label: "2025" → 2025, "2024/25" → 2024.5 (a financial year ends in the second). */
export function periodKey(label: string): number | null {
  const m = /(?<!\d)((?:19|20)\d\d)(?:\s*\/\s*(\d{2}|\d{4}))?(?!\d)/.exec(label);
  if (!m) return null;
  return Number(m[1]) + (m[2] ? 0.5 : 0);
}

/** A label that is only a period: "2025", "2024/25", "T2 2025", "Q3 2024/25", "jan–aug 2025". */
const BARE_PERIOD = /^(?:(?:t|q|tertial|kvartal|quarter)\s*[1-4]\s*)?(?:\p{L}{3,9}\.?\s*[–-]\s*\p{L}{3,9}\.?\s*)?(?:19|20)\d\d(?:\s*\/\s*\d{2,4})?(?:\s*(?:t|q)[1-4])?$/iu;

export interface ValueColumn extends StackedLabel {
  role: ValueRole;
}

/**
 * The role a label names, for a column header and a detail line's label alike. The previous and floor labels are
 * checked first: "Previous RAG", "Floor standard" say what they are.
 */
export function roleOfLabel(label: string, w: IndicatorWords): ValueRole | null {
  if (w.opens(label, 'previous-label')) return 'previous';
  if (w.opens(label, 'floor-label')) return 'floor';
  if (w.opens(label, 'target-label')) return 'target';
  if (w.opens(label, 'latest-label')) return 'latest';
  return null;
}

export function valueColumns(labels: readonly StackedLabel[], w: IndicatorWords): ValueColumn[] {
  const byRole: Record<ValueRole, { column: StackedLabel; key: number | null }[]> = { latest: [], previous: [], target: [], floor: [] };
  for (const column of labels) {
    const label = column.text.trim();
    if (!label) continue;
    const key = periodKey(label);
    const role: ValueRole | null = roleOfLabel(label, w) ?? (BARE_PERIOD.test(label) ? 'latest' : null);
    if (role) byRole[role].push({ column, key });
  }
  const out = new Map<StackedLabel, ValueRole>();
  const results = byRole.latest;
  let latestKey: number | null = null;
  if (results.length === 1) {
    out.set(results[0]!.column, 'latest');
    latestKey = results[0]!.key;
  } else if (results.length > 1 && results.every((r) => r.key !== null) && new Set(results.map((r) => r.key)).size === results.length) {
    const sorted = [...results].sort((a, b) => b.key! - a.key!);
    out.set(sorted[0]!.column, 'latest');
    latestKey = sorted[0]!.key;
    if (!byRole.previous.length) out.set(sorted[1]!.column, 'previous');
  }
  for (const role of ['previous', 'target', 'floor'] as const) {
    const cs = byRole[role];
    // "Målvärde 2025 | Målvärde 2026": the one of the latest value's year; otherwise only a column alone in its role.
    const pick = cs.length === 1 ? cs[0] : cs.find((c) => c.key !== null && c.key === latestKey);
    if (pick && !out.has(pick.column)) out.set(pick.column, role);
  }
  return [...out].map(([column, role]) => ({ ...column, role })).sort((a, b) => a.x0 - b.x0);
}

/** The value column a cell spanning x0–x1 stands in: the one it overlaps most, else the nearest within reach. */
export function columnOf(x0: number, x1: number, columns: readonly ValueColumn[]): ValueColumn | null {
  let best: ValueColumn | null = null;
  let bestOverlap = 0;
  for (const c of columns) {
    const overlap = Math.min(x1, c.x1) - Math.max(x0, c.x0);
    if (overlap > bestOverlap) [best, bestOverlap] = [c, overlap];
  }
  if (best) return best;
  const centre = (x0 + x1) / 2;
  const near = [...columns].sort((a, b) => Math.abs((a.x0 + a.x1) / 2 - centre) - Math.abs((b.x0 + b.x1) / 2 - centre))[0];
  return near && Math.abs((near.x0 + near.x1) / 2 - centre) < THRESHOLDS.statusColumnPt ? near : null;
}
