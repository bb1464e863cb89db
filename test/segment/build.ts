/**
 * Small layouts built by hand for the segment heuristics' tests: lines, cells, rows, tables, marks and units,
 * placed on a page in PDF points (top-left origin). Only what a test says differs from a plain 10 pt body line.
 */
import path from 'node:path';
import type { ColourClass, Mark } from '../../src/model/extract.js';
import type { Block, Cell, LayoutDocument, Line, Row, Table } from '../../src/model/layout.js';
import type { Language } from '../../src/model/result.js';
import { loadRules, type RuleSet } from '../../src/ruleset/load.js';
import { GoalList } from '../../src/segment/goal-list.js';
import { emptyLegend, learnLegend, type Legend } from '../../src/segment/status.js';
import type { TextUnit, Unit } from '../../src/segment/units.js';
import { vocabularyFor, type Vocabulary } from '../../src/segment/vocabulary.js';
import { startOfDocument, type SegmentContext, type WalkState } from '../../src/segment/walk-state.js';
import { root } from '../helpers.js';

let rules: RuleSet | null = null;
/** The project's own rules/ (the vocabulary is data the heuristics are written against). */
export const ruleSet = () => (rules ??= loadRules(path.join(root, 'rules')));
export const vocab = (language: Language): Vocabulary => vocabularyFor(ruleSet(), language);

export const BODY = 10;

const HEX: Record<ColourClass, string> = { green: '#33a04a', yellow: '#f0be19', red: '#d9342b', grey: '#999999', other: '#7030a0' };

/** A status-like mark: a circle by default, at x on the line at y. */
export function mark(colourClass: ColourClass, o: { kind?: Mark['kind']; shape?: string; x?: number; y?: number; page?: number; colour?: string } = {}): Mark {
  const x = o.x ?? 40, y = o.y ?? 100;
  return { page: o.page ?? 1, kind: o.kind ?? 'shape', bbox: [x, y, x + 8, y + 8], colour: o.colour ?? HEX[colourClass], colourClass, shape: o.shape ?? 'circle' };
}

export interface LineOptions { x?: number; y?: number; page?: number; fontSize?: number; bold?: boolean; marks?: Mark[] }

export function line(text: string, o: LineOptions = {}): Line {
  const x = o.x ?? 50, y = o.y ?? 100, size = o.fontSize ?? BODY;
  return { page: o.page ?? 1, text, bbox: [x, y, x + text.length * size * 0.5, y + size], fontSize: size, bold: o.bold ?? false, italic: false, colour: null, role: 'body', marks: o.marks ?? [] };
}

/** A cell: its text (lines split at "\n"), its fill colour class, marks, type. */
export interface CellSpec { text?: string; fill?: ColourClass; marks?: Mark[]; bold?: boolean; fontSize?: number }

/**
 * A table on one page from rows of cells (a string is a cell of plain text). Column k stands at x = 50 + k·width,
 * each `width` wide; rows are 20 pt apart.
 */
export function grid(rows: (string | CellSpec)[][], o: { page?: number; width?: number; x?: number; widths?: number[] } = {}): Table {
  const page = o.page ?? 1;
  const n = Math.max(...rows.map((r) => r.length));
  const widths = o.widths ?? Array.from({ length: n }, () => o.width ?? 100);
  const edges = widths.map((_, k) => (o.x ?? 50) + widths.slice(0, k).reduce((a, b) => a + b, 0));
  const built: Row[] = rows.map((r, ri) => {
    const y = 100 + ri * 20;
    const cells: Cell[] = r.map((spec, k) => {
      const s = typeof spec === 'string' ? { text: spec } : spec;
      const text = s.text ?? '';
      const lines = text ? text.split('\n').map((t, li) => line(t, { x: edges[k] + 2, y: y + li * 12, page, bold: s.bold, fontSize: s.fontSize })) : [];
      const bbox: Cell['bbox'] = [edges[k], y, edges[k] + widths[k], y + 20];
      const fill = s.fill ? { ...mark(s.fill, { kind: 'cell', shape: 'rect', page }), bbox } : null;
      return { column: k, text: text.replace(/\n/g, ' '), bbox, lines, fill, marks: (s.marks ?? []).map((m) => ({ ...m, bbox: [edges[k] + 40, y + 6, edges[k] + 48, y + 14] as Mark['bbox'] })) };
    });
    return { bbox: [edges[0], y, edges[n - 1] + widths[n - 1], y + 20], cells };
  });
  return { page, bbox: [edges[0], 100, edges[n - 1] + widths[n - 1], 100 + rows.length * 20], columns: edges, rows: built };
}

export const heading = (text: string, o: { level?: number; page?: number; marks?: Mark[]; lines?: Line[] } = {}): Unit => {
  const first = line(text, { bold: true, fontSize: 14, marks: o.marks });
  return { kind: 'heading', page: o.page ?? 1, text, level: o.level ?? 2, marks: o.marks ?? [], line: o.lines?.[0] ?? first, lines: o.lines ?? [first] };
};

/** A heading line made of pieces set apart on one baseline (a title, then a box at the right margin): [text, x0] each. */
export function spannedLine(pieces: [string, number][], o: LineOptions = {}): Line {
  const size = o.fontSize ?? 14;
  const spans = pieces.map(([text, x0]) => ({ text, x0, x1: x0 + text.length * size * 0.5 }));
  const l = line(pieces.map((p) => p[0]).join(' '), { bold: true, fontSize: size, ...o, x: spans[0].x0 });
  return { ...l, bbox: [spans[0].x0, l.bbox[1], spans[spans.length - 1].x1, l.bbox[3]], spans };
}

/** A paragraph unit; each string one line, marks on the first line. */
export function paragraph(lines: string[], o: { page?: number; marks?: Mark[]; fontSize?: number } = {}): TextUnit {
  const ls = lines.map((t, k) => line(t, { y: 100 + k * 12, page: o.page, fontSize: o.fontSize, marks: k === 0 ? o.marks : [] }));
  return { kind: 'text', page: o.page ?? 1, text: lines.join(' '), lines: ls, marks: ls.flatMap((l) => l.marks), small: (o.fontSize ?? BODY) < BODY * 0.85 };
}

export const tableUnit = (table: Table): Unit => ({ kind: 'table', page: table.page, table });

/** A legend that has learnt these colour classes as these statuses' words ("Uppfyllt" …). */
export function legendOf(entries: [ColourClass, string][], language: Language = 'sv'): Legend {
  const legend = emptyLegend();
  learnLegend(legend, entries.map(([colourClass, text]) => ({ colourClass, shape: 'circle', text })), vocab(language));
  return legend;
}

/** A one-page document of blocks, for the walker. */
export function document(blocks: Block[], bodyFontSize = BODY): LayoutDocument {
  return { numPages: 1, bodyFontSize, pages: [{ number: 1, width: 595, height: 842, columns: 1, blocks, furniture: [], looseMarks: [] }] };
}

export const headingBlock = (text: string, o: { level?: number; marks?: Mark[] } = {}): Block => ({
  kind: 'heading', page: 1, bbox: [50, 100, 400, 114], lines: [line(text, { bold: true, fontSize: 14, marks: o.marks })], level: o.level ?? 2,
});
export const paragraphBlock = (...lines: string[]): Block => ({ kind: 'paragraph', page: 1, bbox: [50, 100, 400, 130], lines: lines.map((t) => line(t)) });
export const tableBlock = (table: Table): Block => ({ kind: 'table', page: table.page, bbox: table.bbox, table });

/** A fresh walk over a report in `language`: context and state as the walker starts them. */
export function walk(language: Language): { c: SegmentContext; s: WalkState } {
  const v = vocab(language);
  return { c: { v, legend: emptyLegend(), bodyFontSize: BODY, goals: new GoalList(v) }, s: startOfDocument() };
}
