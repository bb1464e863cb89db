import type { BBox } from '../model/extract.js';
import type { TextRow } from './segments.js';

/**
 * Splits a page into reading flows. A two-column stretch is a run of at least five rows that a vertical gutter near
 * the middle of the page crosses without touching text, where the lines on both sides fill their column (as prose
 * does; a table's short left cells do not). Its left column is read before its right one.
 */
export function readingFlows(rows: TextRow[], pageWidth: number, grid: BBox[]): { rows: TextRow[]; columns: number } {
  if (rows.length < 10) return { rows, columns: 1 };
  let best: { g: number; start: number; end: number } | null = null;
  for (let g = pageWidth * 0.35; g <= pageWidth * 0.65; g += 3) {
    let start = -1;
    for (let i = 0; i <= rows.length; i++) {
      const free = i < rows.length && rows[i].segments.every((s) => s.bbox[2] < g - 2 || s.bbox[0] > g + 2);
      if (free && start < 0) start = i;
      if ((!free || i === rows.length) && start >= 0) {
        if (!best || i - start > best.end - best.start) best = { g, start, end: i };
        start = -1;
      }
    }
  }
  if (!best || best.end - best.start < 6) return { rows, columns: 1 };
  const run = rows.slice(best.start, best.end);
  const g = best.g;
  const left = run.flatMap((r) => r.segments.filter((s) => s.bbox[2] < g));
  const right = run.flatMap((r) => r.segments.filter((s) => s.bbox[0] > g));
  const fills = (segs: typeof left) => {
    if (segs.length < 5) return false;
    const x0 = Math.min(...segs.map((s) => s.bbox[0]));
    const x1 = Math.max(...segs.map((s) => s.bbox[2]));
    const wide = segs.filter((s) => s.bbox[2] - s.bbox[0] >= (x1 - x0) * 0.7).length;
    return wide >= segs.length * 0.6 && x1 - x0 > pageWidth * 0.25;
  };
  const y0 = run[0].bbox[1], y1 = run[run.length - 1].bbox[3];
  const gridInGutter = grid.some((b) => b[0] < g && b[2] > g && b[1] < y1 && b[3] > y0);
  if (!fills(left) || !fills(right) || gridInGutter) return { rows, columns: 1 };
  const side = (keep: (s: TextRow['segments'][number]) => boolean): TextRow[] =>
    run
      .map((r) => ({ ...r, segments: r.segments.filter(keep) }))
      .filter((r) => r.segments.length > 0)
      .map((r) => ({ ...r, bbox: r.segments.map((s) => s.bbox).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]) as BBox }));
  return {
    rows: [...rows.slice(0, best.start), ...side((s) => s.bbox[2] < g), ...side((s) => s.bbox[0] > g), ...rows.slice(best.end)],
    columns: 2,
  };
}
