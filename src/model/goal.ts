import { z } from 'zod';
import { Goal, type Sentence } from './result.js';

export const Paragraph = z.object({ text: z.string(), page: z.number().int() });
export type Paragraph = z.infer<typeof Paragraph>;

/** How a goal's status was read: from the report's own legend, the colour class of its mark, a status word, or not at all. */
export const StatusSource = z.enum(['legend', 'colour', 'word', 'none']);
export type StatusSource = z.infer<typeof StatusSource>;

/**
 * A goal as the segment stage finds it: the public `Goal`'s fields that segment decides, with its justification
 * still whole paragraphs, and the section it stands in for the classify stage to read its orientation from.
 */
export const SegmentedGoal = Goal.pick({ id: true, title: true, page: true, line: true, status: true, statusEvidence: true, indicators: true, activities: true }).extend({
  statusSource: StatusSource,
  justification: z.array(Paragraph),
  /** The nearest heading or section row above the goal that is not a goal itself ("Målområde: Välfungerande organisation"). */
  section: z.string().nullable(),
});
export type SegmentedGoal = z.infer<typeof SegmentedGoal>;

/** A goal with its orientation read (classify): what the sentences are split, labelled and assessed on. */
export const GoalDraft = SegmentedGoal.omit({ section: true }).extend(Goal.pick({ orientation: true, orientationReason: true }).shape);
export type GoalDraft = z.infer<typeof GoalDraft>;

/** A goal after the classify stage: its justification split into labelled sentences. */
export type ClassifiedGoal = GoalDraft & { sentences: Sentence[] };
