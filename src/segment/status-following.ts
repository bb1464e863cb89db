import { clean } from './plain-text.js';
import { statusFromMarks, type Legend, type StatusFound } from './status.js';
import { isStatusLine } from './status-line.js';
import { THRESHOLDS } from './thresholds.js';
import type { Unit } from './units.js';
import { hasRole, statusInSentence, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Reports that write a goal as a heading with its status on the line below: "Status: Uppfyllt", "Bedömning:
 * Delvis uppfyllt", a first sentence "Målet bedöms uppnås." (Swedish delårsrapporter), "⬤ On track ↑" under an
 * English heading, or "Måluppfyllelse: ●" with the symbol drawn beside the label. A "Kommentar" label may stand
 * between the heading and that line; any other heading, a table or a line with a mark of its own ends the search.
 */
export const id = 'status-following';

export function statusFollowing(us: Unit[], i: number, v: Vocabulary, legend: Legend): StatusFound | null {
  for (let k = i + 1; k < Math.min(us.length, i + 1 + THRESHOLDS.statusLineLookahead); k++) {
    const u = us[k];
    if (u.kind !== 'text' && u.kind !== 'heading') return null;
    const first = u.kind === 'text' ? u.lines[0].text : u.text;
    if (u.marks.length) {
      // "⬤ On track ↑" / "Bedömning: ●": the heading's status, drawn and written.
      if (k === i + 1 && isStatusLine(clean(first), v)) {
        const drawn = statusFromMarks(u.marks, legend);
        if (drawn) return { ...drawn, statusEvidence: `${drawn.statusEvidence}, "${clean(first)}"` };
      }
      return null; // a marked line is a goal or legend entry of its own
    }
    const s = statusOfText(first, v) ?? (v.statusLabel.opensAsWord.test(first) ? statusInSentence(first, v) : null);
    if (s) return { status: s.status, statusSource: 'word', statusEvidence: `"${first.trim()}" (${s.ruleId})` };
    if (u.kind === 'heading' && !hasRole(u.text, 'justification-label', v)) return null;
    const sentence = u.kind === 'text' ? statusInSentence(u.text.split(/(?<=[.!?])\s/)[0] ?? '', v) : null;
    if (sentence && hasRole(first, 'status-sentence-opener', v)) {
      return { status: sentence.status, statusSource: 'word', statusEvidence: `"${first.trim()}" (${sentence.ruleId})` };
    }
  }
  return null;
}
