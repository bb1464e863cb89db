import { describe, expect, it } from 'vitest';
import { appendComment } from '../../src/segment/comment-rows.js';
import { goal } from './goals.js';

describe('comment-rows', () => {
  it("joins the next line of a comment to it, a word hyphenated at the line's end joined whole", () => {
    const g = goal('Trygg skola', { justification: [{ text: 'Arbetet med trygg-', page: 1 }] });
    appendComment(g, 'hetsvandringar har fortsatt.', 2, true);
    expect(g.justification).toEqual([{ text: 'Arbetet med trygghetsvandringar har fortsatt.', page: 1 }]);
  });

  it('starts a new paragraph where the comment does not continue, or where there is none yet', () => {
    const g = goal('Trygg skola');
    appendComment(g, 'Första raden.', 1, true);
    appendComment(g, 'Andra kommentaren.', 1, false);
    expect(g.justification.map((p) => p.text)).toEqual(['Första raden.', 'Andra kommentaren.']);
  });
});
