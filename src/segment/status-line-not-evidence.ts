import type { SegmentedGoal } from '../model/goal.js';
import { joinLines } from '../text/join-lines.js';
import type { TextUnit } from './units.js';
import { statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Swedish reports put the assessment above the comment: "Bedömning: Uppfyllt" as the first line of the
 * paragraph, or as a paragraph of its own right under the goal, also set as a bold lead line that layout reads as a
 * heading ("Bedömning: Målet är uppnått." under "1.2 Fler ska resa kollektivt"). That line restates the traffic
 * light; it is the status, not evidence, and stays out of the justification.
 */
export const id = 'status-line-not-evidence';

/** The paragraph's text without a status line at its head. */
export function withoutStatusLine(u: TextUnit, v: Vocabulary): string {
  return u.lines.length > 1 && statusOfText(u.lines[0].text, v) ? joinLines(u.lines.slice(1).map((l) => l.text)) : u.text;
}

/** A paragraph that only states the status, before any of the goal's justification. */
export function isStatusParagraph(text: string, goal: SegmentedGoal, v: Vocabulary): boolean {
  return Boolean(statusOfText(text, v)) && goal.justification.length === 0;
}
