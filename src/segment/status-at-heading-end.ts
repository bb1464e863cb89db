import type { Line } from '../model/layout.js';
import type { StatusFound } from './status.js';
import { clean } from './plain-text.js';
import { statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * English KPI reports set each indicator as a heading with its rating in a coloured box at the right margin
 * ("Percentage of household waste sent for reuse, recycling and composting ······ GREEN"), the figures on the line
 * below. The box is a filled rectangle with the word in it; layout joins the word to the heading's line as a piece
 * of its own, set apart by the gap before it, and a long title wraps under it onto a second line. The word is the
 * status; the title is the heading's text without it, both lines. A lone letter is no such box (an "A" at a
 * heading's end is a section's letter more often than a rating).
 */
export const id = 'status-at-heading-end';

export function statusAtHeadingEnd(lines: Line[], v: Vocabulary): { status: StatusFound; title: string } | null {
  for (const l of lines) {
    const spans = l.spans ?? [];
    if (spans.length < 2) continue;
    const last = clean(spans[spans.length - 1].text);
    const s = last.length > 1 ? statusOfText(last, v) : null;
    if (!s) continue;
    const title = lines.map((x) => (x === l ? spans.slice(0, -1).map((p) => p.text).join(' ') : x.text)).join(' ');
    return { status: { status: s.status, statusSource: 'word', statusEvidence: `"${last}" at the heading's right end on page ${l.page} (${s.ruleId})` }, title: clean(title) };
  }
  return null;
}
