import type { BBox } from '../../model/extract.js';
import type { Block, Cell, LayoutDocument, LayoutPage, Line, Row, Table } from '../../model/layout.js';
import { joinLines } from '../../text/join-lines.js';
import type { DraftBlock, DraftLine, DraftRow } from './draft.js';

/**
 * Sets a draft's blocks on pages the way the layout stage sets a PDF's, so that the segment stage reads both alike:
 * one page per page break, headings larger and bold, table cells side by side in columns as wide as their text.
 * The sizes only need to keep those relations; nothing measures them against a real page.
 */
const PAGE = { width: 595, height: 842 } as const;
const TEXT_WIDTH = 500;
const BODY_SIZE = 10;
const LINE_HEIGHT = 1.4;
/** Column widths follow the longest line in the column, and stay far enough apart that column centres never blur. */
const CHAR_WIDTH = 5;
const MIN_COLUMN = 60;
const MAX_COLUMN = 250;
const CELL_PAD = 2;

/** Level 1 is the largest; every level stays above body text, as headings do in a report. */
const headingSize = (level: number) => Math.max(BODY_SIZE + 1, 20 - 2 * level);

export function layoutOfDraft(blocks: DraftBlock[]): LayoutDocument {
  const pages: DraftBlock[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'page-break') pages.push([]);
    else pages[pages.length - 1].push(b);
  }
  return { numPages: pages.length, bodyFontSize: BODY_SIZE, pages: pages.map((p, k) => layoutPage(p, k + 1)) };
}

interface Style { size: number; bold: boolean; role: Line['role'] }

/** Lines stacked from `top` down between x0 and x1. */
function stack(lines: DraftLine[], page: number, top: number, x0: number, x1: number, style: (l: DraftLine) => Style): Line[] {
  let y = top;
  return lines.map((l) => {
    const s = style(l);
    const bbox: BBox = [x0, y, x1, (y += s.size * LINE_HEIGHT)];
    return {
      page, text: l.text, bbox, fontSize: s.size, bold: s.bold, italic: false, colour: null, role: s.role, marks: [],
      ...(l.source !== undefined ? { source: { line: l.source } } : {}),
    };
  });
}

const bottomOf = (lines: Line[], top: number) => (lines.length ? lines[lines.length - 1].bbox[3] : top);

function layoutPage(blocks: DraftBlock[], page: number): LayoutPage {
  let y = 0;
  const out: Block[] = [];
  for (const b of blocks) {
    const top = y;
    if (b.kind === 'heading') {
      const lines = stack(b.lines, page, top, 0, TEXT_WIDTH, () => ({ size: headingSize(b.level), bold: true, role: 'heading' }));
      y = bottomOf(lines, top);
      out.push({ kind: 'heading', page, bbox: [0, top, TEXT_WIDTH, y], lines, level: b.level });
    } else if (b.kind === 'paragraph') {
      const lines = stack(b.lines, page, top, 0, TEXT_WIDTH, (l) => ({ size: BODY_SIZE, bold: l.bold, role: 'body' }));
      y = bottomOf(lines, top);
      out.push({ kind: 'paragraph', page, bbox: [0, top, TEXT_WIDTH, y], lines });
    } else if (b.kind === 'table') {
      const table = layoutTable(b.rows, page, top);
      y = table.bbox[3];
      out.push({ kind: 'table', page, bbox: table.bbox, table });
    }
    y += BODY_SIZE * LINE_HEIGHT; // the space between blocks
  }
  return { number: page, width: PAGE.width, height: PAGE.height, columns: 1, blocks: out, furniture: [], looseMarks: [] };
}

function columnWidths(rows: DraftRow[]): number[] {
  const count = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.column + c.span)));
  const longest = new Array<number>(count).fill(0);
  for (const r of rows) for (const c of r.cells) {
    if (c.span !== 1) continue; // a cell across columns says nothing about any one of them
    for (const l of c.lines) longest[c.column] = Math.max(longest[c.column], l.text.length);
  }
  return longest.map((n) => Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, n * CHAR_WIDTH)));
}

function layoutTable(rows: DraftRow[], page: number, top: number): Table {
  const widths = columnWidths(rows);
  const lefts = widths.map((_, k) => widths.slice(0, k).reduce((a, w) => a + w, 0));
  const right = lefts[lefts.length - 1] + widths[widths.length - 1];
  const placed: Row[] = [];
  let rowTop = top;
  for (const r of rows) {
    let rowBottom = rowTop + BODY_SIZE * LINE_HEIGHT;
    const cells: Cell[] = [];
    for (const c of r.cells) {
      const text = c.lines.filter((l) => l.text);
      // An empty cell shows nothing on a page, and the layout stage makes no cell of nothing.
      if (!text.length) continue;
      const x0 = lefts[c.column];
      const x1 = lefts[c.column + c.span - 1] + widths[c.column + c.span - 1];
      const lines = stack(text, page, rowTop, x0 + CELL_PAD, x1 - CELL_PAD, (l) => ({ size: BODY_SIZE, bold: l.bold, role: 'body' }));
      rowBottom = Math.max(rowBottom, bottomOf(lines, rowTop));
      cells.push({ column: c.column, text: joinLines(text.map((l) => l.text)), bbox: [x0, rowTop, x1, rowTop], lines, fill: null, marks: [] });
    }
    // A cell's box is its columns' width and the row's height, so that a cell's centre is its header's centre.
    for (const c of cells) c.bbox = [c.bbox[0], rowTop, c.bbox[2], rowBottom];
    placed.push({ bbox: [0, rowTop, right, rowBottom], cells });
    rowTop = rowBottom;
  }
  return { page, bbox: [0, top, right, rowTop], columns: lefts, rows: placed };
}
