import type { Mark } from '../model/extract.js';
import type { LayoutDocument } from '../model/layout.js';

const marks = (ms: Mark[]) => ms.map((m) => `[${m.kind} ${m.colourClass} ${m.colour}${m.kind === 'glyph' ? ' ' + m.shape : ''}]`).join(' ');

/** A readable dump of the layout: one line per line/row, with the status marks attached to it. */
export function formatLayoutText(doc: LayoutDocument): string {
  const out: string[] = [];
  for (const p of doc.pages) {
    out.push(`=== page ${p.number} (${p.columns} column${p.columns > 1 ? 's' : ''})`);
    for (const f of p.furniture) out.push(`  ${f.role.padEnd(9)} ${f.text}`);
    for (const b of p.blocks) {
      if (b.kind === 'table') {
        out.push(`  table     ${b.table.rows.length} rows`);
        for (const r of b.table.rows) {
          out.push('    | ' + r.cells.map((c) => `${c.text}${c.fill ? ` {fill ${c.fill.colourClass} ${c.fill.colour}}` : ''}${c.marks.length ? ' ' + marks(c.marks) : ''}`).join(' | '));
        }
      } else if (b.kind === 'legend') {
        out.push(`  legend    ${b.entries.map((e) => `${e.colourClass}=${e.text}`).join('; ')}`);
      } else {
        for (const l of b.lines) out.push(`  ${(b.kind === 'heading' ? `h${b.level}` : 'text').padEnd(9)} ${l.text}${l.marks.length ? '  ' + marks(l.marks) : ''}`);
      }
    }
    if (p.looseMarks.length) out.push(`  loose     ${marks(p.looseMarks)}`);
  }
  return out.join('\n');
}
