import type { SegmentedGoal } from '../../src/model/goal.js';

/** A goal as segment makes it, with only what a test says differing. */
export const goal = (title: string, o: Partial<SegmentedGoal> = {}): SegmentedGoal => ({
  title, page: 1, status: 'green', statusSource: 'word', statusEvidence: '"GREEN"', justification: [], indicators: [], activities: [], id: title, section: null, ...o,
});
