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
 * heading's end is a section's letter more often than a rating). Where the gap after a short title is wider than
 * layout joins across (a scorecard's "New homes delivered ············· GREEN", the word in coloured type), the word
 * is a line of its own on the title's baseline, right of it: the same box.
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
    return found(last, l.page, s, title);
  }
  return lineOnTitleBaseline(lines, v);
}

/** A status word that is a line of its own, on the baseline of the line before it and right of it. */
function lineOnTitleBaseline(lines: Line[], v: Vocabulary): { status: StatusFound; title: string } | null {
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k], before = lines[k - 1];
    const word = clean(l.text);
    const s = word.length > 1 && (l.spans ?? []).length <= 1 ? statusOfText(word, v) : null;
    if (!s || l.page !== before.page || l.bbox[0] <= before.bbox[2]) continue;
    if (!(l.bbox[1] < before.bbox[3] && before.bbox[1] < l.bbox[3])) continue;
    const title = lines.filter((x) => x !== l).map((x) => x.text).join(' ');
    return found(word, l.page, s, title);
  }
  return null;
}

/** The heading's status, read from `word` at its right end, and its title without the word. */
function found(word: string, page: number, s: NonNullable<ReturnType<typeof statusOfText>>, title: string): { status: StatusFound; title: string } {
  return { status: { status: s.status, statusSource: 'word', statusEvidence: `"${word}" at the heading's right end on page ${page} (${s.ruleId})` }, title: clean(title) };
}
