import type { Mark } from '../model/extract.js';
import type { Block, LayoutDocument, Line, Table } from '../model/layout.js';
import { joinLines } from '../text/join-lines.js';
import { THRESHOLDS } from './thresholds.js';

/** What the walker reads, in reading order: the layout's blocks with the text and marks each heuristic asks for. */
export type Unit =
  | { kind: 'heading'; page: number; text: string; level: number; marks: Mark[]; line: Line; lines: Line[] }
  | TextUnit
  | { kind: 'legend'; page: number; block: Extract<Block, { kind: 'legend' }> }
  | { kind: 'table'; page: number; table: Table };

/** A paragraph; `small` when every line is set smaller than the body text (a footnote or caption). */
export type TextUnit = { kind: 'text'; page: number; text: string; lines: Line[]; marks: Mark[]; small: boolean };

export function unitsOf(doc: LayoutDocument): Unit[] {
  const out: Unit[] = [];
  for (const p of doc.pages) for (const b of p.blocks) {
    if (b.kind === 'heading') {
      out.push({ kind: 'heading', page: b.page, text: b.lines.map((l) => l.text).join(' '), level: b.level, marks: b.lines.flatMap((l) => l.marks), line: b.lines[0], lines: b.lines });
    } else if (b.kind === 'paragraph') {
      const small = b.lines.every((l) => l.fontSize < doc.bodyFontSize * THRESHOLDS.smallTypeRatio);
      out.push({ kind: 'text', page: b.page, text: joinLines(b.lines.map((l) => l.text)), lines: b.lines, marks: b.lines.flatMap((l) => l.marks), small });
    } else if (b.kind === 'legend') out.push({ kind: 'legend', page: b.page, block: b });
    else out.push({ kind: 'table', page: b.page, table: b.table });
  }
  return out;
}
