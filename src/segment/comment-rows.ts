import type { SegmentedGoal } from '../model/goal.js';
import { joinLines } from '../text/join-lines.js';

/**
 * Word tables exported to PDF often carry a goal's comment a line to a row, under the goal's row: the lines of
 * one comment join into one paragraph (a hyphen at a line end joined as in running text), while a row after a
 * goal row, a label or an activity starts a new one.
 */
export const id = 'comment-rows';

/** Adds a comment row to the goal's justification; `continues` when it is the next line of the last comment. */
export function appendComment(goal: SegmentedGoal, text: string, page: number, continues: boolean): void {
  const last = goal.justification[goal.justification.length - 1];
  if (continues && last) last.text = joinLines([last.text, text]);
  else goal.justification.push({ text, page });
}
