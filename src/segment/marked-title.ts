import { statusOfMark, type Legend } from './status.js';
import { THRESHOLDS } from './thresholds.js';
import type { TextUnit } from './units.js';

/**
 * Word/Stratsys and web exports often set a goal's title as an ordinary paragraph with the status drawn at its
 * start (a coloured circle or icon, "● Fler elever klarar målen"): a short paragraph whose first line carries a
 * status mark is a goal title, as a heading would be. A cell fill is no such mark: it is a band behind the text.
 */
export const id = 'marked-title';

export function isMarkedTitle(u: TextUnit, legend: Legend): boolean {
  if (u.lines.length > THRESHOLDS.markedTitleMaxLines || u.text.split(/\s+/).length > THRESHOLDS.markedTitleMaxWords) return false;
  return u.lines[0].marks.some((m) => statusOfMark(m, legend) && m.kind !== 'cell');
}
