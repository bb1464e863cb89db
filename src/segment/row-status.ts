import type { Row } from '../model/layout.js';
import { clean } from './plain-text.js';
import { statusFromMarks, type Legend, type StatusFound } from './status.js';
import { centre, headerColumnOf, type TableHeader } from './table-header.js';
import { THRESHOLDS } from './thresholds.js';
import { statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * The status of one table row, in every way tables draw it: a status word ("Uppfyllt", "GREEN", "G"), a filled
 * cell (the English QPR's RAG cells), a symbol or a raster icon (Word/Stratsys exports: status only as an icon in
 * a "Bedömning" column), a grade on the report's own scale (scale-legend). Where the header names columns, the status is the one in the status or "Latest" column;
 * never one nearer last period's column ("Latest | Previous") or in a trend column (DoT arrows).
 */
export const id = 'row-status';

export function rowStatus(r: Row, header: TableHeader | null, legend: Legend, v: Vocabulary): StatusFound | null {
  const candidates: { x: number; st: StatusFound }[] = [];
  const inStatusColumn = (x: number) => [header?.statusX, header?.latest].some((t) => t != null && Math.abs(x - t) < THRESHOLDS.statusColumnPt);
  for (const c of r.cells) {
    const x = centre(c);
    const word = c.text ? statusOfText(c.text, v, inStatusColumn(x)) : null;
    if (word) {
      const fill = c.fill ? ` in a ${c.fill.colour} cell` : '';
      candidates.push({ x, st: { status: word.status, statusSource: 'word', statusEvidence: `"${clean(c.text)}"${fill} on page ${c.lines[0]?.page ?? '?'} (${word.ruleId})` } });
      continue;
    }
    // A grade on the report's own scale ("4" where its key says "4 = Till stor del uppfyllt"), in the status column only.
    const graded = c.text && inStatusColumn(x) ? legend.byValue.get(clean(c.text)) : undefined;
    if (graded) {
      candidates.push({ x, st: { status: graded.status, statusSource: 'legend', statusEvidence: `"${clean(c.text)}" = "${graded.text}" on the report's scale, page ${c.lines[0]?.page ?? '?'}` } });
      continue;
    }
    if (headerColumnOf(c, header) === (header?.titleColumn ?? 0) && c.text && c.marks.length === 0) continue;
    const marks = [...c.marks, ...(c.fill && !c.text ? [c.fill] : [])];
    const st = statusFromMarks(marks, legend);
    if (st) candidates.push({ x: marks.length ? (marks[0].bbox[0] + marks[0].bbox[2]) / 2 : x, st });
  }
  // Two different status words and no "Latest" column to say which is current: unknown is an answer, a guess is not.
  const words = new Set(candidates.filter((c) => c.st.statusSource === 'word').map((c) => c.st.status));
  if (words.size >= 2 && header?.latest == null) return null;
  if (!header?.statusX && !header?.latest) {
    for (let k = candidates.length - 1; k >= 0; k--) if (candidates[k].st.status === 'unknown') candidates.splice(k, 1);
  }
  if (!candidates.length) return null;
  const near = (x: number, target: number | null) => (target === null ? Infinity : Math.abs(x - target));
  const usable = candidates.filter((c) => !header?.trendX.some((t) => Math.abs(c.x - t) < THRESHOLDS.trendColumnPt));
  if (!usable.length) return null;
  // The status column is the RAG/status column where the table has one, else the "Latest" column (whose value is the
  // rating itself in tables like "Latest | Previous"). Never a status nearer the previous period's column.
  const latestHoldsStatus = header?.latest != null && candidates.some((c) => Math.abs(c.x - header.latest!) < THRESHOLDS.latestColumnPt);
  const target = (latestHoldsStatus ? header?.latest : header?.statusX ?? header?.latest) ?? null;
  if (target != null) {
    usable.sort((a, b) => near(a.x, target) - near(b.x, target));
    const best = usable[0];
    if (header?.previous != null && near(best.x, header.previous) < near(best.x, target)) return null;
    return best.st;
  }
  return usable[0].st;
}
