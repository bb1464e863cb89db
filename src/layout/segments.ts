import type { BBox, ExtractedPage, Rule, TextItem } from '../model/extract.js';

/** Text on one baseline that reads as one piece: split from its neighbours by a wide gap or a vertical border. */
export interface Segment {
  page: number;
  text: string;
  bbox: BBox;
  baseline: number;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  colour: string | null;
  items: TextItem[];
}

/** All segments sharing a baseline, left to right. */
export interface TextRow {
  baseline: number;
  bbox: BBox;
  segments: Segment[];
}

const union = (a: BBox, b: BBox): BBox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** Vertical borders (tall thin rules) that separate table cells; text on both sides never joins into one segment. */
function verticalBorders(rules: Rule[]): BBox[] {
  return rules.map((r) => r.bbox).filter((b) => b[3] - b[1] > 6 && b[2] - b[0] <= 2.5);
}

function crossesBorder(x0: number, x1: number, y0: number, y1: number, borders: BBox[], extra: number[]): boolean {
  for (const b of borders) {
    const x = (b[0] + b[2]) / 2;
    if (x > x0 && x < x1 && b[1] < y1 && b[3] > y0) return true;
  }
  for (const x of extra) if (x > x0 + 0.5 && x < x1 - 0.5) return true;
  return false;
}

/**
 * Groups a page's text items into rows (shared baseline) and splits each row into segments at gaps wider than
 * about one em, or where a vertical border or a cell edge lies between two items.
 */
export function buildRows(page: ExtractedPage, cellEdges: number[]): TextRow[] {
  const items = page.items
    .filter((i) => i.str.trim() !== '' && i.fontSize > 0.5)
    .sort((a, b) => a.baseline - b.baseline || a.bbox[0] - b.bbox[0]);
  const rows: { baseline: number; items: TextItem[] }[] = [];
  for (const it of items) {
    const tol = Math.max(1.5, it.fontSize * 0.3);
    // Items of one visual line may differ slightly in baseline (superscripts, mixed fonts): look at recent rows.
    let row: (typeof rows)[number] | undefined;
    for (let k = rows.length - 1; k >= 0 && k >= rows.length - 3; k--) {
      if (Math.abs(rows[k].baseline - it.baseline) <= tol) { row = rows[k]; break; }
    }
    if (row) row.items.push(it);
    else rows.push({ baseline: it.baseline, items: [it] });
  }
  const borders = verticalBorders(page.rules);
  return rows
    .map((r) => {
      const sorted = r.items.sort((a, b) => a.bbox[0] - b.bbox[0]);
      const segments: Segment[] = [];
      let cur: Segment | null = null;
      for (const it of sorted) {
        if (cur) {
          const gap = it.bbox[0] - cur.bbox[2];
          const em = Math.max(cur.fontSize, it.fontSize);
          const split =
            gap > em * 1.25 ||
            crossesBorder(cur.bbox[2] - 0.5, it.bbox[0] + 0.5, cur.bbox[1], cur.bbox[3], borders, cellEdges);
          if (!split) {
            const needsSpace = gap > em * 0.12 && !/\s$/.test(cur.text) && !/^\s/.test(it.str);
            cur.text += (needsSpace ? ' ' : '') + it.str;
            cur.bbox = union(cur.bbox, it.bbox);
            cur.items.push(it);
            cur.bold &&= it.bold || !it.str.trim();
            continue;
          }
        }
        cur = {
          page: page.number,
          text: it.str,
          bbox: [...it.bbox] as BBox,
          baseline: it.baseline,
          fontSize: it.fontSize,
          bold: it.bold,
          italic: it.italic,
          colour: it.colour,
          items: [it],
        };
        segments.push(cur);
      }
      for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
      const bbox = segments.map((s) => s.bbox).reduce(union);
      return { baseline: r.baseline, bbox, segments: segments.filter((s) => s.text !== '') };
    })
    .filter((r) => r.segments.length > 0)
    .sort((a, b) => a.baseline - b.baseline);
}
