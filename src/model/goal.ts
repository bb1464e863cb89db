import { z } from 'zod';
import { Indicator, Orientation, Status, type Sentence } from './result.js';

export const Paragraph = z.object({ text: z.string(), page: z.number().int() });
export type Paragraph = z.infer<typeof Paragraph>;

/** A goal as the segment stage finds it: before its sentences are split, labelled and assessed. */
export const GoalDraft = z.object({
  id: z.string(),
  title: z.string(),
  page: z.number().int(),
  status: Status,
  statusSource: z.enum(['legend', 'colour', 'word', 'none']),
  statusEvidence: z.string(),
  orientation: Orientation,
  orientationReason: z.string().nullable(),
  justification: z.array(Paragraph),
  indicators: z.array(Indicator),
  activities: z.array(z.object({ title: z.string(), page: z.number().int(), status: Status })),
});
export type GoalDraft = z.infer<typeof GoalDraft>;

/** A goal after the classify stage: its justification split into labelled sentences. */
export type ClassifiedGoal = GoalDraft & { sentences: Sentence[] };
