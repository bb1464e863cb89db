import { z } from 'zod';
import { BBox, Mark } from './extract.js';

export const LineRole = z.enum(['body', 'heading', 'header', 'footer', 'legend']);
export type LineRole = z.infer<typeof LineRole>;

/** A run of text on one baseline that belongs together (a line of a paragraph, or the text of one table cell line). */
export const Line = z.object({
  page: z.number().int(),
  text: z.string(),
  bbox: BBox,
  fontSize: z.number(),
  bold: z.boolean(),
  italic: z.boolean(),
  colour: z.string().nullable(),
  role: LineRole,
  marks: z.array(Mark),
  /** Where a line joins pieces set apart on one baseline, the pieces and where they stand. */
  spans: z.array(z.object({ text: z.string(), x0: z.number(), x1: z.number() })).optional(),
  /**
   * Where a line of a draft stands in its file, so that an annotation lands on it: the 1-based line number in a
   * Markdown or text file, the 1-based paragraph (table cells' paragraphs counted, in document order) in a DOCX.
   * PDF lines have none: their page is their place.
   */
  source: z.object({ line: z.number().int().positive() }).optional(),
});
export type Line = z.infer<typeof Line>;

export const Cell = z.object({
  column: z.number().int(),
  text: z.string(),
  bbox: BBox,
  lines: z.array(Line),
  /** Background fill of the cell, where it has one that is not white. */
  fill: Mark.nullable(),
  /** Status-like marks inside the cell: symbols, icons, glyphs. */
  marks: z.array(Mark),
});
export type Cell = z.infer<typeof Cell>;

export const Row = z.object({ bbox: BBox, cells: z.array(Cell) });
export type Row = z.infer<typeof Row>;

export const Table = z.object({
  page: z.number().int(),
  bbox: BBox,
  /** Left edges of the columns. */
  columns: z.array(z.number()),
  rows: z.array(Row),
});
export type Table = z.infer<typeof Table>;

export const LegendEntry = z.object({ colourClass: z.string(), shape: z.string(), text: z.string() });
export type LegendEntry = z.infer<typeof LegendEntry>;

export const Block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), page: z.number().int(), bbox: BBox, lines: z.array(Line), level: z.number().int() }),
  z.object({ kind: z.literal('paragraph'), page: z.number().int(), bbox: BBox, lines: z.array(Line) }),
  z.object({ kind: z.literal('table'), page: z.number().int(), bbox: BBox, table: Table }),
  z.object({ kind: z.literal('legend'), page: z.number().int(), bbox: BBox, lines: z.array(Line), entries: z.array(LegendEntry) }),
]);
export type Block = z.infer<typeof Block>;

export const LayoutPage = z.object({
  number: z.number().int(),
  width: z.number(),
  height: z.number(),
  columns: z.number().int(),
  blocks: z.array(Block),
  /** Running headers, footers and page numbers, set aside from the text. */
  furniture: z.array(Line),
  /** Marks that sit on no line or cell (decoration, charts). */
  looseMarks: z.array(Mark),
});
export type LayoutPage = z.infer<typeof LayoutPage>;

export const LayoutDocument = z.object({
  numPages: z.number().int(),
  bodyFontSize: z.number(),
  pages: z.array(LayoutPage),
});
export type LayoutDocument = z.infer<typeof LayoutDocument>;
