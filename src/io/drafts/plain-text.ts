import { tidy, type DraftBlock, type DraftLine, type DraftRow } from './draft.js';

/**
 * A plain-text draft: paragraphs between blank lines, one draft line per line of the file. Lines starting "# " are
 * headings (people who know Markdown write them in .txt files too). Two or more lines in a row with tabs between
 * their cells (a table pasted from Word or Excel), or between pipes ("| Mål | Status |"), are a table. Form feeds
 * split pages.
 */
export function readPlainText(text: string): DraftBlock[] {
  const out: DraftBlock[] = [];
  let para: DraftLine[] = [];
  let table: { rows: DraftRow[]; kind: TableLine['kind'] } | null = null;
  const flush = () => {
    if (para.length) out.push({ kind: 'paragraph', lines: para });
    if (table && table.rows.length >= 2) out.push({ kind: 'table', rows: table.rows });
    else if (table?.rows.length) out.push({ kind: 'paragraph', lines: table.rows.flatMap(rowAsLines) });
    para = [];
    table = null;
  };
  text.split(/\r\n|\r|\n/).forEach((raw, k) => {
    const source = k + 1;
    raw.split('\f').forEach((piece, f) => {
      if (f > 0) {
        flush();
        out.push({ kind: 'page-break' });
      }
      const row = tableLine(piece, source);
      if (row && (!table || table.kind === row.kind) && !para.length) {
        table ??= { rows: [], kind: row.kind };
        if (row.row) table.rows.push(row.row);
        return;
      }
      if (table) flush();
      const t = tidy(piece);
      if (!t) return flush();
      const h = /^(#{1,6})\s+(.*?)(\s+#+)?$/.exec(t);
      if (h) {
        flush();
        if (tidy(h[2])) out.push({ kind: 'heading', level: h[1].length, lines: [{ text: tidy(h[2]), source, bold: true }] });
        return;
      }
      para.push({ text: t, source, bold: false });
    });
  });
  flush();
  return out;
}

interface TableLine { kind: 'tabs' | 'pipes'; row: DraftRow | null }

/** The cells of a table line, or null for a line of text; a `|---|---|` line belongs to the table but has none. */
function tableLine(line: string, source: number): TableLine | null {
  const t = line.trim();
  if (t.includes('\t')) return { kind: 'tabs', row: rowOf(t.split('\t'), source) };
  if (!/^\|.*\|$/.test(t) || t.length < 3) return null;
  const cells = t.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
  if (cells.every((c) => /^\s*:?-+:?\s*$/.test(c))) return { kind: 'pipes', row: null };
  return { kind: 'pipes', row: rowOf(cells, source) };
}

const rowOf = (cells: string[], source: number): DraftRow => ({
  cells: cells.map((c, column) => ({ column, span: 1, lines: tidy(c) ? [{ text: tidy(c), source, bold: false }] : [] })),
});

/** A lone table-like line is a line of text after all. */
const rowAsLines = (r: DraftRow): DraftLine[] => {
  const cells = r.cells.flatMap((c) => c.lines);
  return cells.length ? [{ text: cells.map((l) => l.text).join(' '), source: cells[0].source, bold: false }] : [];
};
