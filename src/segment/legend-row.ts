import type { Mark } from '../model/extract.js';
import type { Line, Row, Table } from '../model/layout.js';
import { clean } from './plain-text.js';
import { learnLegend, type Legend } from './status.js';
import type { Unit } from './units.js';
import { hasRole, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * A key laid out along one row: "Teckenförklaring: [icon] Uppfyllt [icon] Delvis uppfyllt [icon] Ej uppfyllt",
 * each symbol followed by its meaning. Where its symbols differ in colour class layout sees a legend block
 * (legend-blocks); where they do not (smiley icons that are all yellow faces, told apart only by their features),
 * it is a line or, set right above a table, that table's first row. Either way it is no goal and no table row: it
 * teaches the legend what each symbol's own colour means.
 */
export const id = 'legend-row';

type Entry = { text: string; mark: Mark };

/** The row's entries when it is a key: two or more symbols, each followed by a status phrase. */
export function legendRowEntries(r: Row, v: Vocabulary): Entry[] | null {
  const entries: Entry[] = [];
  r.cells.forEach((c, k) => {
    const m = c.marks[0];
    if (!m) return;
    const text = clean(c.text) || clean(r.cells[k + 1]?.text ?? '');
    entries.push({ text, mark: m });
  });
  return isKey(entries, r.cells.map((c) => clean(c.text)).filter(Boolean), v) ? entries : null;
}

/** A line's entries when it is a key (see legendRowEntries), its words placed after each symbol by its pieces. */
export function legendLineEntries(l: Line, v: Vocabulary): Entry[] | null {
  const marks = [...l.marks].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const spans = l.spans ?? [{ text: l.text, x0: l.bbox[0], x1: l.bbox[2] }];
  const entries = marks.map((m, k) => ({
    mark: m,
    text: clean(spans.filter((s) => s.x0 >= m.bbox[2] - 2 && s.x0 < (marks[k + 1]?.bbox[0] ?? Infinity)).map((s) => s.text).join(' ')),
  }));
  return isKey(entries, spans.map((s) => clean(s.text)).filter(Boolean), v) ? entries : null;
}

/** Two or more symbols with status phrases, and no words but those and a legend heading. */
function isKey(entries: Entry[], texts: string[], v: Vocabulary): boolean {
  if (entries.length < 2 || entries.some((e) => !statusOfText(e.text, v))) return false;
  return texts.every((t) => statusOfText(t, v) || hasRole(t, 'legend-heading', v));
}

/** Learns every key laid out along one row, in a table or as a line, before any goal is read. */
export function learnLegendRows(us: Unit[], legend: Legend, v: Vocabulary): void {
  const learn = (entries: Entry[] | null) =>
    entries && learnLegend(legend, entries.map((e) => ({ colourClass: e.mark.colourClass, shape: e.mark.shape, text: e.text, colour: e.mark.colour })), v);
  for (const u of us) {
    if (u.kind === 'table') for (const r of u.table.rows) learn(legendRowEntries(r, v));
    else if (u.kind === 'text' || u.kind === 'heading') for (const l of u.lines) learn(legendLineEntries(l, v));
  }
}

/** The table without its key rows. */
export function withoutLegendRows(t: Table, v: Vocabulary): Table {
  const rows = t.rows.filter((r) => !legendRowEntries(r, v));
  return rows.length === t.rows.length ? t : { ...t, rows };
}

/** A line that is a key laid out along one row. */
export const isLegendLine = (lines: Line[], v: Vocabulary) => lines.length === 1 && legendLineEntries(lines[0], v) !== null;
