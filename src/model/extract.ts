import { z } from 'zod';

/** [x0, y0, x1, y1] in PDF points, origin top-left of the page, y growing downwards. */
export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof BBox>;

export const ColourClass = z.enum(['green', 'yellow', 'red', 'grey', 'other']);
export type ColourClass = z.infer<typeof ColourClass>;

export const TextItem = z.object({
  str: z.string(),
  bbox: BBox,
  /** Baseline y in top-left page space. */
  baseline: z.number(),
  fontSize: z.number(),
  fontName: z.string(),
  bold: z.boolean(),
  italic: z.boolean(),
  /** Fill colour of the glyphs, '#rrggbb', or null where the operator list was not read or could not be aligned. */
  colour: z.string().nullable(),
});
export type TextItem = z.infer<typeof TextItem>;

export const MarkKind = z.enum(['shape', 'stroke', 'glyph', 'image', 'cell']);
export type MarkKind = z.infer<typeof MarkKind>;

/** A coloured thing on the page that may carry a status: a symbol, a cell background, an icon. */
export const Mark = z.object({
  page: z.number().int(),
  kind: MarkKind,
  bbox: BBox,
  colour: z.string(),
  colourClass: ColourClass,
  /** For glyph marks: the glyph itself. For shapes: 'circle' | 'rect' | 'triangle' | 'path'. */
  shape: z.string(),
});
export type Mark = z.infer<typeof Mark>;

/** A thin grey or black line, border or rule: kept apart from colour marks, used for table geometry. */
export const Rule = z.object({ bbox: BBox, colour: z.string() });
export type Rule = z.infer<typeof Rule>;

export const ExtractedPage = z.object({
  number: z.number().int(),
  width: z.number(),
  height: z.number(),
  items: z.array(TextItem),
  marks: z.array(Mark),
  rules: z.array(Rule),
  /** True where the operator list (vector shapes, images, glyph colours) was read for this page. */
  graphicsRead: z.boolean(),
});
export type ExtractedPage = z.infer<typeof ExtractedPage>;

export const ExtractedDocument = z.object({
  numPages: z.number().int(),
  pages: z.array(ExtractedPage),
  info: z.record(z.string(), z.string()),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;
