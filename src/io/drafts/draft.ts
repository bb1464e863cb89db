/**
 * What a draft reader hands the layout builder: the draft's own structure (headings, paragraphs, tables, page
 * breaks) with each line's place in the file, before anything is given a position on a page.
 */

/** One line as the writer wrote it. `source`: the 1-based line (Markdown, text) or paragraph (DOCX) it came from. */
export interface DraftLine {
  text: string;
  source?: number;
  /** Set in bold throughout (`**…**`, Word bold). */
  bold: boolean;
}

export interface DraftCell {
  /** The grid column the cell starts in (after cells spanning columns or rows to its left). */
  column: number;
  /** How many grid columns it covers. */
  span: number;
  lines: DraftLine[];
}

export interface DraftRow {
  cells: DraftCell[];
}

export type DraftBlock =
  | { kind: 'heading'; level: number; lines: DraftLine[] }
  | { kind: 'paragraph'; lines: DraftLine[] }
  | { kind: 'table'; rows: DraftRow[] }
  | { kind: 'page-break' };

/** Drops surrounding white space and runs of it, as a page would show them. */
export const tidy = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
