import type { BBox, Mark, Rule } from '../model/extract.js';
import type { Cell, Row, Table } from '../model/layout.js';
import { joinLines } from '../text/join-lines.js';
import type { Segment, TextRow } from './segments.js';
import { toLine } from './lines.js';

const overlapX = (a: BBox, b: BBox) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
const overlapY = (a: BBox, b: BBox) => Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
const union = (a: BBox, b: BBox): BBox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

export interface Grid {
  /** Cell backgrounds and borders: they tell where a table is and where its rows part. */
  fills: Mark[];
  rules: Rule[];
  /** The horizontal borders, joined (see horizontalLines). */
  lines: BBox[];
}

/** A symbol or icon that sits in a cell of its own (to the right, past a gap), not as a bullet before the text. */
function markCells(row: TextRow, marks: Mark[]): Mark[] {
  const first = row.segments[0];
  const em = first.fontSize;
  return marks.filter((m) => {
    if (m.kind === 'cell') return false;
    const cy = (m.bbox[1] + m.bbox[3]) / 2;
    if (cy < row.bbox[1] - em * 0.4 || cy > row.bbox[3] + em * 0.4) return false;
    const left = m.bbox[2] <= first.bbox[0] + 1 && first.bbox[0] - m.bbox[2] < em * 2.2;
    const inside = row.segments.some((s) => m.bbox[0] >= s.bbox[0] - 1 && m.bbox[2] <= s.bbox[2] + 1);
    return !left && !inside;
  });
}

export interface TableCandidate {
  start: number;
  end: number;
  table: Table;
}

/**
 * Finds tables in a flow of rows: runs holding at least two rows of several cells (text cells, or a text cell and a
 * symbol cell), extended over the wrapped lines of their cells. Rows part at borders or fill edges where the table
 * has them, and else at a line that fills more than one column.
 */
export function findTables(rows: TextRow[], marks: Mark[], grid: Grid, page: number): TableCandidate[] {
  const multi = rows.map((r) => r.segments.length >= 2 || markCells(r, marks).length > 0);
  const out: TableCandidate[] = [];
  let i = 0;
  while (i < rows.length) {
    if (!multi[i]) { i++; continue; }
    let j = i + 1;
    let multiCount = 1;
    const cols = () => columnStarts(rows.slice(i, j).filter((_, k) => multi[i + k]), marks);
    while (j < rows.length) {
      const prev = rows[j - 1], cur = rows[j];
      const lh = Math.max(prev.segments[0].fontSize, cur.segments[0].fontSize);
      const gap = cur.bbox[1] - prev.bbox[3];
      const inGrid = insideGrid(cur.bbox, grid) || ruledBetween(prev, cur, grid) || (gap < lh * 1.2 && betweenCellWalls(cur, grid));
      if (multi[j] && (gap < lh * 2.2 || inGrid)) { multiCount++; j++; continue; }
      if (!multi[j]) {
        const starts = cols();
        const seg = cur.segments[0];
        const aligned = starts.some((x) => Math.abs(seg.bbox[0] - x) < 5);
        const withinColumn = starts.filter((x) => x > seg.bbox[0] + 5 && x < seg.bbox[2] - 5).length === 0;
        // The next line of a cell that spans the table (a "Commentary:" row): same left edge, ordinary line spacing.
        const prevSeg = prev.segments[0];
        const spanning = prev.segments.length === 1 && starts.some((x) => x > prevSeg.bbox[0] + 8 && x < prevSeg.bbox[2] - 8);
        const spanContinues = spanning && Math.abs(seg.bbox[0] - prevSeg.bbox[0]) < 3 && gap < lh * 0.9;
        if ((aligned && withinColumn && gap < lh * 1.2) || inGrid || spanContinues) { j++; continue; }
      }
      break;
    }
    if (multiCount >= 2) {
      out.push({ start: i, end: j, table: buildTable(rows.slice(i, j), marks, grid, page) });
      i = j;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Horizontal borders joined into lines: Chromium and Word draw a table's borders cell by cell, so the pieces of one
 * border share a y and touch end to end.
 */
export function horizontalLines(rules: Rule[]): BBox[] {
  const pieces = rules.map((r) => r.bbox).filter((b) => b[3] - b[1] <= 2.5 && b[2] - b[0] > 2).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const lines: BBox[] = [];
  for (const b of pieces) {
    const hit = lines.find((l) => Math.abs((l[1] + l[3]) / 2 - (b[1] + b[3]) / 2) < 1.2 && b[0] <= l[2] + 2 && b[2] >= l[0] - 2);
    if (hit) { hit[0] = Math.min(hit[0], b[0]); hit[2] = Math.max(hit[2], b[2]); hit[1] = Math.min(hit[1], b[1]); hit[3] = Math.max(hit[3], b[3]); }
    else lines.push([...b] as BBox);
  }
  return lines;
}

/** A horizontal border between two rows, as ruled tables draw between their rows. */
function ruledBetween(prev: TextRow, cur: TextRow, grid: Grid): boolean {
  const x0 = Math.min(prev.bbox[0], cur.bbox[0]), x1 = Math.max(prev.bbox[2], cur.bbox[2]);
  const lh = cur.segments[0].fontSize;
  if (cur.bbox[1] - prev.bbox[3] > lh * 4) return false;
  const between = grid.lines.some((b) => {
    const y = (b[1] + b[3]) / 2;
    return y > prev.bbox[1] && y < cur.bbox[3] && overlapX(b, [x0, 0, x1, 0]) > (x1 - x0) * 0.5;
  });
  // …and the row itself stands between cell borders (a heading under the table's bottom border does not).
  const walled = grid.rules.some((r) => r.bbox[3] - r.bbox[1] > 4 && r.bbox[2] - r.bbox[0] <= 2.5 && overlapY(r.bbox, cur.bbox) > (cur.bbox[3] - cur.bbox[1]) * 0.5);
  return between && walled;
}

/**
 * A line standing between two vertical cell borders is a line of a ruled table's cell, wherever it starts: the next
 * line of a wrapped comment under a centred header label or a legend row does not start at a column edge the
 * table's other rows show, but it is still inside the cell's walls.
 */
function betweenCellWalls(r: TextRow, grid: Grid): boolean {
  const h = r.bbox[3] - r.bbox[1];
  const walls = grid.rules.filter((w) => w.bbox[3] - w.bbox[1] > 4 && w.bbox[2] - w.bbox[0] <= 2.5 && overlapY(w.bbox, r.bbox) > h * 0.5);
  return walls.some((w) => w.bbox[2] <= r.bbox[0] + 1) && walls.some((w) => w.bbox[0] >= r.bbox[2] - 1);
}

function insideGrid(b: BBox, grid: Grid): boolean {
  return grid.fills.some((f) => overlapX(f.bbox, b) >= (b[2] - b[0]) * 0.9 && overlapY(f.bbox, b) >= (b[3] - b[1]) * 0.6);
}

function columnStarts(rows: TextRow[], marks: Mark[]): number[] {
  const xs: number[] = [];
  for (const r of rows) {
    for (const s of r.segments) xs.push(s.bbox[0]);
    for (const m of markCells(r, marks)) xs.push(m.bbox[0]);
  }
  xs.sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of xs) {
    const last = clusters[clusters.length - 1];
    if (last && x - last[last.length - 1] < 6) last.push(x);
    else clusters.push([x]);
  }
  return clusters.map((c) => Math.min(...c));
}

function separators(grid: Grid, x0: number, x1: number): number[] {
  const ys: number[] = [];
  const width = x1 - x0;
  for (const b of grid.lines) {
    if (overlapX(b, [x0, 0, x1, 0]) > width * 0.3) ys.push((b[1] + b[3]) / 2);
  }
  for (const f of grid.fills) {
    if (overlapX(f.bbox, [x0, 0, x1, 0]) > Math.min(width * 0.2, 40)) ys.push(f.bbox[1], f.bbox[3]);
  }
  return ys.sort((a, b) => a - b);
}

function buildTable(rows: TextRow[], marks: Mark[], grid: Grid, page: number): Table {
  const multiRows = rows.filter((r) => r.segments.length >= 2 || markCells(r, marks).length > 0);
  const starts = columnStarts(multiRows, marks);
  const bbox = rows.map((r) => r.bbox).reduce(union);
  const cellMarks = marks.filter((m) => overlapY(m.bbox, bbox) > 0 && m.kind !== 'cell');
  for (const m of cellMarks) Object.assign(bbox, union(bbox, m.bbox));
  const seps = separators(grid, bbox[0], bbox[2]);
  const hasSeps = seps.length > 0;
  // Logical rows: consecutive text rows that belong to one table row.
  const groups: TextRow[][] = [];
  rows.forEach((r, k) => {
    const prev = rows[k - 1];
    let newRow = k === 0;
    if (!newRow) {
      const between = seps.some((y) => y > prev.baseline + 0.5 && y < r.bbox[1] + r.segments[0].fontSize * 0.35);
      if (hasSeps) newRow = between;
      else newRow = multiRows.includes(r) || r.bbox[1] - prev.bbox[3] > r.segments[0].fontSize * 0.8 ||
        (spansColumns(r, starts) && !spansColumns(prev, starts) && prev.segments.length > 1);
    }
    if (newRow) groups.push([r]);
    else groups[groups.length - 1].push(r);
  });
  const colOf = (x: number) => {
    let c = 0;
    starts.forEach((s, k) => { if (x >= s - 5) c = k; });
    return c;
  };
  const tableRows: Row[] = groups.map((g) => {
    const rb = g.map((r) => r.bbox).reduce(union);
    const byCol = new Map<number, Segment[]>();
    for (const r of g) for (const s of r.segments) {
      const c = colOf(s.bbox[0]);
      if (!byCol.has(c)) byCol.set(c, []);
      byCol.get(c)!.push(s);
    }
    const rowTop = rb[1] - 2, rowBottom = rb[3] + 2;
    const inRow = cellMarks.filter((m) => {
      const cy = (m.bbox[1] + m.bbox[3]) / 2;
      return cy >= rowTop && cy <= rowBottom;
    });
    for (const m of inRow) {
      const c = colOf(m.bbox[0]);
      if (!byCol.has(c)) byCol.set(c, []);
    }
    const cells: Cell[] = [...byCol.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([c, segs]) => {
        const x0 = starts[c];
        const x1 = c + 1 < starts.length ? starts[c + 1] : Math.max(bbox[2], ...segs.map((s) => s.bbox[2]));
        const cb: BBox = segs.length ? segs.map((s) => s.bbox).reduce(union) : [x0, rb[1], x1, rb[3]];
        const lines = segs.map((s) => toLine(s, 'body'));
        const own = inRow.filter((m) => colOf(m.bbox[0]) === c);
        return {
          column: c,
          text: joinLines(segs.map((s) => s.text)),
          bbox: cb,
          lines,
          fill: fillFor(cb, grid.fills),
          marks: own,
        };
      });
    return { bbox: rb, cells };
  });
  return { page, bbox, columns: starts, rows: tableRows };
}

function spansColumns(r: TextRow, starts: number[]): boolean {
  return r.segments.length === 1 && starts.some((x) => x > r.segments[0].bbox[0] + 8 && x < r.segments[0].bbox[2] - 8);
}

/** The fill behind a cell: the smallest non-white fill that covers most of the cell's text. */
export function fillFor(b: BBox, fills: Mark[]): Mark | null {
  let best: Mark | null = null;
  let bestArea = Infinity;
  const w = Math.max(1, b[2] - b[0]), h = Math.max(1, b[3] - b[1]);
  for (const f of fills) {
    if (overlapX(f.bbox, b) < w * 0.6 || overlapY(f.bbox, b) < h * 0.5) continue;
    const area = (f.bbox[2] - f.bbox[0]) * (f.bbox[3] - f.bbox[1]);
    if (area < bestArea) { best = f; bestArea = area; }
  }
  return best;
}
