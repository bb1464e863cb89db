import { z } from 'zod';
import { DocumentError } from './errors.js';
import { Identified } from './identity.js';

export const Label = z.enum(['outcome', 'output', 'internal', 'intention', 'context']);
export type Label = z.infer<typeof Label>;
export const LABELS = Label.options;
export const RESIDENT_FACING: ReadonlySet<Label> = new Set(['outcome', 'output']);

export const Status = z.enum(['green', 'yellow', 'red', 'unknown']);
export type Status = z.infer<typeof Status>;

export const Language = z.enum(['sv', 'en']);
export type Language = z.infer<typeof Language>;

export const Orientation = z.enum(['residents', 'organisation']);
export type Orientation = z.infer<typeof Orientation>;

export const Evidence = z.enum(['resident-facing', 'mixed', 'internal-only', 'none']);
export type Evidence = z.infer<typeof Evidence>;

export const FlagCode = z.enum(['GREEN_INTERNAL_ONLY', 'GREEN_NO_EVIDENCE', 'GREEN_BELOW_TARGET']);
export type FlagCode = z.infer<typeof FlagCode>;

export const Level = z.enum(['error', 'warning', 'note']);
export type Level = z.infer<typeof Level>;

/** One labelled sentence: the output of `verkstad classify`, and each sentence of a goal's justification. */
export const LabelledSentence = z.object({
  text: z.string(),
  label: Label,
  residentFacing: z.boolean(),
  confidence: z.number().min(0).max(1),
  /** Rule ids and model features behind the label, strongest first. */
  reasons: z.array(z.string()),
});
export type LabelledSentence = z.infer<typeof LabelledSentence>;

export const Sentence = LabelledSentence.extend({ page: z.number().int() });
export type Sentence = z.infer<typeof Sentence>;

/** Which way an indicator improves, as the report says it: `higher` or `lower` is better. */
export const Better = z.enum(['higher', 'lower']);
export type Better = z.infer<typeof Better>;

export const Indicator = z.object({
  name: z.string(),
  page: z.number().int(),
  /** The measured values as printed (latest first where the table says so). */
  values: z.array(z.string()),
  status: Status,
  /** The indicator measures something residents get or experience (not staff, money or internal process). */
  residentFacing: z.boolean(),
  /** Where the values were read: a table row, a KPI's detail line ("Latest: 97% Target: 97%"), or a sentence ("412 (mål 450)"). */
  source: z.enum(['table', 'detail-line', 'text']),
  /** The values as numbers where they parse (decimal comma, thousands spaces, %, kr, dagar); null where the report gives none. */
  latest: z.number().nullable(),
  target: z.number().nullable(),
  floor: z.number().nullable(),
  previous: z.number().nullable(),
  /** The unit printed with the figures ("%", "kr", "dagar"), null where none is printed. */
  unit: z.string().nullable(),
  /** Which way is better, from the report's own words or a floor on the far side of the target; null when the report does not say. */
  better: Better.nullable(),
  /** What `better` was read from (a rule id, "floor"), null when unknown. */
  betterReason: z.string().nullable(),
  /** The latest value reaches the target (in the report's direction); null when either is missing or the direction unknown. */
  meetsTarget: z.boolean().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Flag = z.object({
  code: FlagCode,
  level: Level,
  message: z.string(),
  /** The sentences the flag rests on, with their pages. */
  sentences: z.array(z.object({ text: z.string(), page: z.number().int(), label: Label })),
  /** GREEN_BELOW_TARGET: the goal's indicators that miss their own target, with their pages. */
  indicators: z.array(Indicator.pick({ name: true, page: true, values: true, latest: true, target: true, floor: true, unit: true, better: true })).optional(),
});
export type Flag = z.infer<typeof Flag>;

export const Goal = z.object({
  id: z.string(),
  title: z.string(),
  page: z.number().int(),
  /**
   * Where the goal's title stands in a draft, so that an annotation lands on it: the 1-based line of its heading or
   * table row in a Markdown or text file, the 1-based paragraph in a DOCX. Null for a PDF, whose place is its page.
   */
  line: z.number().int().positive().nullable(),
  status: Status,
  /** How the status was read: 'legend', 'colour', 'word', 'none'. */
  statusSource: z.string(),
  /** What the status was read from, for `--why`: e.g. "image mark #99cb03 in column Bedömning". */
  statusEvidence: z.string(),
  orientation: Orientation,
  /** Why the goal got its orientation (rule id), or null for the default. */
  orientationReason: z.string().nullable(),
  evidence: Evidence,
  sentences: z.array(Sentence),
  indicators: z.array(Indicator),
  /** Activities listed under the goal (never goals themselves). */
  activities: z.array(z.object({ title: z.string(), page: z.number().int(), status: Status })),
  flags: z.array(Flag),
  /** Why a green goal was not flagged, where that is not obvious (e.g. an organisation goal). */
  notFlaggedBecause: z.string().nullable(),
});
export type Goal = z.infer<typeof Goal>;

export const DocumentSummary = z.object({
  goals: z.number().int(),
  byStatus: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), unknown: z.number().int() }),
  green: z.number().int(),
  flaggedGreen: z.number().int(),
  /** Share of green goals with resident-facing evidence (0..1), null when there are no green goals. */
  greenWithResidentEvidence: z.number().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentResult = z.object({
  /** The path the document was read from; the first of `paths`. */
  file: z.string(),
  /** Every path in the run with exactly this content (same sha256), in input order: copies are one document. */
  paths: z.array(z.string()).min(1),
  sha256: z.string(),
  pages: z.number().int(),
  language: Language,
  /** Whose report: the municipality, region or council, and the committee or nämnd where named ("Lunds kommun, Socialnämnden"). */
  organisation: Identified.nullable(),
  /** What kind of report: "delårsrapport", "årsredovisning", "quarterly performance report", … */
  kind: Identified.nullable(),
  /** The period it reports on: "2025", "2024/25", with a tertial or quarter where given ("2025 T2", "2024/25 Q3"). */
  period: Identified.nullable(),
  error: DocumentError.nullable(),
  goals: z.array(Goal),
  summary: DocumentSummary,
});
export type DocumentResult = z.infer<typeof DocumentResult>;

/** One report of an organisation, as a column of its goals over time. */
export const OverTimePeriod = z.object({
  /** The period it reports on ("2025", "2024/25 Q3"), null when it was not read. */
  period: z.string().nullable(),
  /** The kind of report ("delårsrapport", "årsredovisning"), null when it was not read. */
  kind: z.string().nullable(),
  /** The document's path (the first, for copies). */
  file: z.string(),
});
export type OverTimePeriod = z.infer<typeof OverTimePeriod>;

/** A goal as one report prints and rates it. */
export const GoalInPeriod = OverTimePeriod.extend({
  /** The title as this report prints it. */
  title: z.string(),
  page: z.number().int(),
  status: Status,
  flags: z.array(FlagCode),
  evidence: Evidence,
  /** Justification sentences about what residents get (outcome or output). */
  residentFacingSentences: z.number().int(),
  /**
   * How closely this title matched the goal's titles in earlier reports (0..1, word-stem Dice coefficient); 1 for the
   * report where the goal is first seen.
   */
  match: z.number().min(0).max(1),
});
export type GoalInPeriod = z.infer<typeof GoalInPeriod>;

export const GoalOverTime = z.object({
  /** The title as the latest report prints it. */
  title: z.string(),
  /**
   * Green in two or more reports in a row without any resident-facing evidence (internal-only or none) in each of
   * them, on a goal about what residents get.
   */
  persistentlyGreenWithoutEvidence: z.boolean(),
  /** The reports that rate the goal, oldest first. */
  periods: z.array(GoalInPeriod),
});
export type GoalOverTime = z.infer<typeof GoalOverTime>;

export const OrganisationOverTime = z.object({
  /** The organisation as identified (with its committee), null for documents whose organisation was not read. */
  organisation: z.string().nullable(),
  /** Its reports with goals, oldest first (unknown periods last). */
  periods: z.array(OverTimePeriod),
  goals: z.array(GoalOverTime),
});
export type OrganisationOverTime = z.infer<typeof OrganisationOverTime>;

/** Each organisation's goals matched across its reports; organisations by name, the unknown one last. */
export const GoalsOverTime = z.array(OrganisationOverTime);
export type GoalsOverTime = z.infer<typeof GoalsOverTime>;

export const AnalysisResult = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('verkstad'), version: z.string() }),
  documents: z.array(DocumentResult),
  summary: z.object({
    documents: z.number().int(),
    failed: z.number().int(),
    goals: z.number().int(),
    byStatus: DocumentSummary.shape.byStatus,
    green: z.number().int(),
    flaggedGreen: z.number().int(),
    greenWithResidentEvidence: z.number().nullable(),
  }),
  /** Each organisation's goals matched across its reports (periods), with status, flags and evidence per report. */
  goalsOverTime: GoalsOverTime,
});
export type AnalysisResult = z.infer<typeof AnalysisResult>;
