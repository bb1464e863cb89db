import type { BBox, ExtractedDocument, ExtractedPage, Mark } from '../model/extract.js';
import type { Block, LayoutDocument, LayoutPage, LegendEntry, Line } from '../model/layout.js';
import { STATUS_GLYPH_CLASS } from '../model/symbols.js';
import { readingFlows } from './columns.js';
import { findFurniture } from './furniture.js';
import { toLine } from './lines.js';
import { buildRows, type TextRow } from './segments.js';
import { findTables, horizontalLines, type Grid } from './tables.js';

const union = (a: BBox, b: BBox): BBox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
const contains = (a: BBox, b: BBox, tol = 0.5) => a[0] <= b[0] + tol && a[1] <= b[1] + tol && a[2] >= b[2] - tol && a[3] >= b[3] - tol;

/** Word paints a cell's fill more than once (the cell, then each paragraph in it): keep the outermost. */
export function dedupeFills(fills: Mark[]): Mark[] {
  const sorted = [...fills].sort((a, b) => area(b.bbox) - area(a.bbox));
  const kept: Mark[] = [];
  for (const f of sorted) {
    if (kept.some((k) => k.colour === f.colour && contains(k.bbox, f.bbox))) continue;
    kept.push(f);
  }
  return kept;
}
const area = (b: BBox) => (b[2] - b[0]) * (b[3] - b[1]);

/** The body text size: the size most characters are set in. */
function bodyFontSize(doc: ExtractedDocument): number {
  const weight = new Map<number, number>();
  for (const p of doc.pages) for (const i of p.items) {
    const k = Math.round(i.fontSize * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + i.str.length);
  }
  let best = 10, n = -1;
  for (const [k, w] of weight) if (w > n) { best = k; n = w; }
  return best;
}

export function layoutDocument(doc: ExtractedDocument): LayoutDocument {
  const body = bodyFontSize(doc);
  const prepared = doc.pages.map((page) => {
    const fills = dedupeFills(page.marks.filter((m) => m.kind === 'cell'));
    const edges = fills.flatMap((f) => [f.bbox[0], f.bbox[2]]);
    return { page, fills, rows: buildRows(page, edges) };
  });
  const furniture = findFurniture(prepared.map((p) => ({ height: p.page.height, rows: p.rows })), body);
  const headingSizes = [...new Set(doc.pages.flatMap((p) => p.items.map((i) => Math.round(i.fontSize))))]
    .filter((s) => s >= body * 1.15)
    .sort((a, b) => b - a);
  return {
    numPages: doc.numPages,
    bodyFontSize: body,
    pages: prepared.map((p, pi) => layoutPage(p.page, p.rows, p.fills, furniture.rows[pi], body, headingSizes)),
  };
}

function layoutPage(
  page: ExtractedPage,
  allRows: TextRow[],
  fills: Mark[],
  furnitureRows: Set<number>,
  body: number,
  headingSizes: number[],
): LayoutPage {
  const furnitureLines: Line[] = [];
  const rows: TextRow[] = [];
  allRows.forEach((r, i) => {
    if (furnitureRows.has(i)) {
      const role = r.bbox[1] < page.height / 2 ? 'header' : 'footer';
      for (const s of r.segments) furnitureLines.push(toLine(s, role));
    } else rows.push(r);
  });
  const grid: Grid = { fills, rules: page.rules, lines: horizontalLines(page.rules) };
  const gridBoxes = [...fills.map((f) => f.bbox), ...page.rules.map((r) => r.bbox)];
  const flow = readingFlows(rows, page.width, gridBoxes);
  const symbols = page.marks.filter((m) => m.kind !== 'cell');
  const tables = findTables(flow.rows, symbols, grid, page.number);
  const usedMarks = new Set<Mark>();
  for (const t of tables) for (const r of t.table.rows) for (const c of r.cells) {
    for (const m of c.marks) usedMarks.add(m);
    if (c.fill) usedMarks.add(c.fill);
  }

  // Lines outside tables, in reading order, with their marks.
  type Item = { kind: 'line'; line: Line } | { kind: 'table'; index: number };
  const seq: Item[] = [];
  for (let i = 0; i < flow.rows.length; ) {
    const t = tables.findIndex((c) => c.start === i);
    if (t >= 0) { seq.push({ kind: 'table', index: t }); i = tables[t].end; continue; }
    for (const line of rowLines(flow.rows[i], page.width)) seq.push({ kind: 'line', line });
    i++;
  }
  const lines = seq.flatMap((s) => (s.kind === 'line' ? [s.line] : []));
  const loose: Mark[] = [];
  for (const m of symbols) {
    if (usedMarks.has(m)) continue;
    const line = lineForMark(m, lines);
    if (line) line.marks.push(m);
    else loose.push(m);
  }
  for (const f of fills) {
    if (usedMarks.has(f) || f.colourClass === 'grey' || f.colourClass === 'other') continue;
    const line = lines.find((l) => contains(f.bbox, l.bbox, 3));
    if (line) line.marks.push(f);
  }
  for (const l of lines) l.marks.sort((a, b) => a.bbox[0] - b.bbox[0]);

  const blocks: Block[] = [];
  let para: Line[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', page: page.number, bbox: para.map((l) => l.bbox).reduce(union), lines: para });
    para = [];
  };
  for (let k = 0; k < seq.length; k++) {
    const it = seq[k];
    if (it.kind === 'table') {
      flush();
      const t = tables[it.index].table;
      blocks.push({ kind: 'table', page: page.number, bbox: t.bbox, table: t });
      continue;
    }
    const line = it.line;
    const prev = para[para.length - 1];
    if (isHeading(line, body)) {
      flush();
      line.role = 'heading';
      const size = Math.round(line.fontSize);
      const level = Math.min(6, Math.max(1, headingSizes.indexOf(size) + 1 || headingSizes.length + 1));
      const last = blocks[blocks.length - 1];
      // A heading that wraps onto a second line stays one heading.
      if (last?.kind === 'heading' && Math.abs(last.lines[0].fontSize - line.fontSize) < 0.5 &&
          line.bbox[1] - last.bbox[3] < line.fontSize * 0.6 && line.marks.length === 0) {
        last.lines.push(line);
        last.bbox = union(last.bbox, line.bbox);
      } else {
        blocks.push({ kind: 'heading', page: page.number, bbox: line.bbox, lines: [line], level });
      }
      continue;
    }
    if (prev) {
      const gap = line.bbox[1] - prev.bbox[3];
      // A sentence that ends well short of the paragraph's right edge ends the paragraph, even without extra space.
      const right = Math.max(...para.map((l) => l.bbox[2]));
      const left = Math.min(...para.map((l) => l.bbox[0]));
      const shortEnd = para.length >= 1 && /[.!?]$/.test(prev.text) && prev.bbox[2] < left + (right - left) * 0.8 && Math.abs(line.bbox[0] - left) < 3;
      const sameStyle = Math.abs(prev.fontSize - line.fontSize) < 1;
      const columnJump = line.bbox[1] < prev.bbox[1] - 2;
      if ((shortEnd && para.length > 1) || gap > Math.max(prev.fontSize, line.fontSize) * 0.75 || !sameStyle || columnJump || line.marks.length > 0 || /:$/.test(prev.text) && prev.bold) flush();
    }
    para.push(line);
  }
  flush();
  return {
    number: page.number,
    width: page.width,
    height: page.height,
    columns: flow.columns,
    blocks: markLegends(blocks),
    furniture: furnitureLines,
    looseMarks: loose,
  };
}

/**
 * Outside tables, the pieces of one row read as one line ("Teckenförklaring: ■ Uppfyllt ■ Delvis uppfyllt",
 * "Residents can find good jobs ⬤ On track ↑"), unless a gap of nearly half the page parts them. The line takes the
 * type of its first piece: that is what decides whether it is a heading.
 */
function rowLines(row: TextRow, pageWidth: number): Line[] {
  const out: Line[] = [];
  for (const s of row.segments) {
    const last = out[out.length - 1];
    if (last && s.bbox[0] - last.bbox[2] < pageWidth * 0.45) {
      last.text = `${last.text} ${s.text}`;
      last.bbox = union(last.bbox, s.bbox);
      last.spans!.push({ text: s.text, x0: s.bbox[0], x1: s.bbox[2] });
      continue;
    }
    out.push({ ...toLine(s, 'body'), spans: [{ text: s.text, x0: s.bbox[0], x1: s.bbox[2] }] });
  }
  return out;
}

/** Larger than the body text, or a bold line of up to 20 words (labels such as "Analys" included). */
function isHeading(line: Line, body: number): boolean {
  const words = line.text.split(/\s+/).length;
  if (words > 30 || /^[\d\s.,%–-]+$/.test(line.text)) return false;
  if (line.fontSize >= body * 1.15) return true;
  return line.bold && words <= 20;
}

/** The line a symbol belongs to: the one it sits beside, or else the nearest one just below it (symbols float a bit high). */
function lineForMark(m: Mark, lines: Line[]): Line | null {
  const cy = (m.bbox[1] + m.bbox[3]) / 2;
  let best: Line | null = null;
  let bestScore = Infinity;
  for (const l of lines) {
    const h = l.bbox[3] - l.bbox[1];
    const dy = cy < l.bbox[1] ? l.bbox[1] - cy : cy > l.bbox[3] ? cy - l.bbox[3] : 0;
    if (dy > Math.max(3, h * 0.6)) continue;
    const dx = m.bbox[2] < l.bbox[0] ? l.bbox[0] - m.bbox[2] : m.bbox[0] > l.bbox[2] ? m.bbox[0] - l.bbox[2] : 0;
    // Beside the line (centre within its height) it may sit far to the right, as status columns of headings do;
    // a little above or below, it must be close.
    if (dy > 0 && dx > Math.max(120, l.fontSize * 12)) continue;
    const score = dy * 4 + dx;
    if (score < bestScore) { best = l; bestScore = score; }
  }
  return best;
}

const isStatusMark = (m: Mark) => m.colourClass === 'green' || m.colourClass === 'yellow' || m.colourClass === 'red';

/**
 * A legend explains the symbols: one line holding several symbols of different colours each followed by a few words,
 * or a run of short lines, each one symbol and a few words, with at least two colours and no text in between.
 */
function markLegends(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const entriesOf = (l: Line): LegendEntry[] => {
    const ms = l.marks.filter(isStatusMark);
    if (!ms.length) return [];
    // One symbol: the whole line is its entry. Several: each takes the text up to the next symbol. A glyph (■) is
    // text of the line, often in one piece with its label ("■ uppfyllt"): its piece starts at the glyph, not after it.
    return ms.map((m, i) => ({
      colourClass: m.colourClass,
      shape: m.shape,
      text: ms.length === 1 ? l.text : withoutLeadingGlyph(textBetween(l, m.kind === 'glyph' ? m.bbox[0] : m.bbox[2], ms[i + 1]?.bbox[0] ?? Infinity)),
    }));
  };
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    const lineOf = (x: Block | undefined): Line | null =>
      x && (x.kind === 'paragraph' || x.kind === 'heading') && x.lines.length === 1 ? x.lines[0] : null;
    const l = lineOf(b);
    if (l) {
      const ms = l.marks.filter(isStatusMark);
      if (ms.length >= 2 && new Set(ms.map((m) => m.colourClass)).size >= 2 && l.text.split(/\s+/).length <= 16) {
        l.role = 'legend';
        out.push({ kind: 'legend', page: b.page, bbox: b.bbox, lines: [l], entries: entriesOf(l) });
        i++;
        continue;
      }
      let j = i;
      const run: Line[] = [];
      while (j < blocks.length) {
        const x = lineOf(blocks[j]);
        if (!x || x.marks.filter(isStatusMark).length !== 1 || x.text.split(/\s+/).length > 8) break;
        if (run.length && x.bbox[1] - run[run.length - 1].bbox[3] > x.fontSize * 1.2) break;
        run.push(x);
        j++;
      }
      if (run.length >= 2 && new Set(run.map((x) => x.marks.find(isStatusMark)!.colourClass)).size >= 2) {
        for (const x of run) x.role = 'legend';
        out.push({ kind: 'legend', page: b.page, bbox: run.map((x) => x.bbox).reduce(union), lines: run, entries: run.flatMap(entriesOf) });
        i = j;
        continue;
      }
    }
    out.push(b);
    i++;
  }
  return out;
}

const LEADING_GLYPHS = new RegExp(`^(?:${STATUS_GLYPH_CLASS}\\s*)+`, 'u');
/** "■ uppfyllt" → "uppfyllt": the symbol is the entry's mark, not its words. */
const withoutLeadingGlyph = (text: string) => text.replace(LEADING_GLYPHS, '').trim();

/** The text between two x positions of a line, from its pieces where it has them. */
function textBetween(l: Line, x0: number, x1: number): string {
  if (l.spans && l.spans.length > 1) {
    return l.spans.filter((s) => s.x0 >= x0 - 2 && s.x0 < x1).map((s) => s.text).join(' ').trim();
  }
  // Without pieces, approximate by the share of the line's width.
  const w = l.bbox[2] - l.bbox[0];
  const a = Math.max(0, Math.floor(((x0 - l.bbox[0]) / w) * l.text.length));
  const b = x1 === Infinity ? l.text.length : Math.max(a, Math.ceil(((x1 - l.bbox[0]) / w) * l.text.length));
  return l.text.slice(a, b).trim();
}
