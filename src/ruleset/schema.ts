import { z } from 'zod';
import { Label, Language, Orientation, Status } from '../model/result.js';

const Examples = z
  .object({ match: z.array(z.string()).default([]), noMatch: z.array(z.string()).default([]) })
  .strict();

const common = {
  description: z.string().min(1),
  /** Where a stated fact comes from (a vocabulary, a standard, a report convention). */
  source: z.string().optional(),
  examples: Examples,
};

/** A status vocabulary entry: words or phrases a report uses for one traffic-light status. */
export const StatusEntry = z
  .object({
    ...common,
    status: Status,
    words: z.array(z.string().min(1)).min(1),
    /** Words that mean a status only inside a status column ("Met", "Achieved"), not in free text or other cells. */
    onlyInStatusColumn: z.boolean().default(false),
  })
  .strict();

/** Goal titles that are about the organisation itself (employer, finances, administration). */
export const OrientationEntry = z
  .object({
    ...common,
    orientation: Orientation,
    patterns: z.array(z.string().min(1)).min(1),
    /** Read in the goal's own title only, never in the section it stands in (a title's verb and object). */
    titleOnly: z.boolean().default(false),
  })
  .strict();

/** What every evidence rule has, whichever way it matches. */
const evidence = {
  ...common,
  /** The label this rule speaks for; omitted for a feature only (e.g. `resident`, `past`). */
  label: Label.optional(),
  feature: z.string().optional(),
  weight: z.number().min(-10).max(10).default(1),
  /** Fires only when all these features (or rule ids) fired too, and none of `unless`. */
  requires: z.array(z.string()).default([]),
  unless: z.array(z.string()).default([]),
};

/** Evidence for a sentence label: regular expressions over the sentence. */
export const PatternEntry = z.object({ ...evidence, patterns: z.array(z.string().min(1)).min(1) }).strict();

/** Evidence for a sentence label: words matched by their stem, so inflections match. */
export const LexiconEntry = z.object({ ...evidence, words: z.array(z.string().min(1)).min(1) }).strict();

export const StructureRole = z.enum([
  'justification-label',
  'activity-header',
  'goal-header',
  'status-header',
  'latest-header',
  'previous-header',
  'indicator-header',
  'legend-heading',
  'not-goal',
  'summary-header',
  'trend-header',
  'pointer',
  'source-note',
  'page-cue',
  'status-label',
  'status-sentence-opener',
  'title-stop-word',
  'percentage-word',
]);
/** How reports are built: labels before a justification, column headers, things that are never goals. */
export const StructureEntry = z.object({ ...common, role: StructureRole, patterns: z.array(z.string().min(1)).min(1) }).strict();

/** The words around an indicator's figures: which column or label is the target, which way is better, units. */
export const IndicatorRole = z.enum([
  'latest-label',
  'previous-label',
  'target-label',
  'floor-label',
  'higher-is-better',
  'lower-is-better',
  'target-at-least',
  'target-at-most',
  'unit',
]);
export const IndicatorEntry = z
  .object({
    ...common,
    role: IndicatorRole,
    /** What a match stands for, where it is not the words themselves (a unit's one spelling: "procent" → "%"). */
    value: z.string().min(1).optional(),
    patterns: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** Whose report it is and what kind: organisation and committee names, kinds of report, parts of a period. */
export const IdentityField = z.enum(['organisation', 'committee', 'kind', 'period-part']);
export const IdentityEntry = z
  .object({
    ...common,
    field: IdentityField,
    /** What a match stands for ("T2" for "januari–augusti"); without it, the matched words (or the group `name`). */
    value: z.string().min(1).optional(),
    patterns: z.array(z.string().min(1)).min(1),
  })
  .strict();

const file = <K extends string, E extends z.ZodTypeAny>(kind: K, entry: E) =>
  z
    .object({
      kind: z.literal(kind),
      language: Language,
      description: z.string().min(1),
      source: z.string().optional(),
      entries: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an entry key is lower-case words joined by -'), entry),
    })
    .strict();

export const RuleFile = z.discriminatedUnion('kind', [
  file('status', StatusEntry),
  file('orientation', OrientationEntry),
  file('pattern', PatternEntry),
  file('lexicon', LexiconEntry),
  file('structure', StructureEntry),
  file('indicator', IndicatorEntry),
  file('identity', IdentityEntry),
]);
export type RuleFile = z.infer<typeof RuleFile>;
export type StatusEntry = z.infer<typeof StatusEntry>;
export type OrientationEntry = z.infer<typeof OrientationEntry>;
export type PatternEntry = z.infer<typeof PatternEntry>;
export type LexiconEntry = z.infer<typeof LexiconEntry>;
export type StructureEntry = z.infer<typeof StructureEntry>;
export type StructureRole = z.infer<typeof StructureRole>;
export type IndicatorRole = z.infer<typeof IndicatorRole>;
export type IdentityField = z.infer<typeof IdentityField>;
