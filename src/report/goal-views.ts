/** Read-only views of goals that several formats share: what to count, what to quote, what comes first. */
import {
  LABELS,
  type AnalysisResult,
  type DocumentResult,
  type DocumentSummary,
  type Flag,
  type Goal,
  type Indicator,
  type Label,
  type Sentence,
} from '../model/result.js';

export type LabelCounts = Record<Label, number>;

export function labelCounts(goal: Goal): LabelCounts {
  const counts = Object.fromEntries(LABELS.map((label) => [label, 0])) as LabelCounts;
  for (const sentence of goal.sentences) counts[sentence.label] += 1;
  return counts;
}

export function residentFacingCount(goal: Goal): number {
  return goal.sentences.filter((s) => s.residentFacing).length;
}

/** The sentence that best shows what the goal rests on: the first resident-facing one, else the first. */
export function evidenceQuote(goal: Goal): Sentence | undefined {
  return goal.sentences.find((s) => s.residentFacing) ?? goal.sentences[0];
}

export function isFlagged(goal: Goal): boolean {
  return goal.flags.length > 0;
}

/** A sentence as quoted under a flag. */
export interface QuotedSentence {
  text: string;
  page: number;
  label: Label;
}

/**
 * The sentences to quote under a flag: the ones it rests on, or, when the flag names none
 * (a bare "Se indikatorer."), everything the goal says, so the reader sees that it is nothing.
 */
export function quotedSentences(goal: Goal, flag: Flag): QuotedSentence[] {
  // A flag on figures (GREEN_BELOW_TARGET) rests on its indicators, not on sentences.
  if (flag.sentences.length > 0 || flag.indicators) return flag.sentences;
  return goal.sentences.map(({ text, page, label }) => ({ text, page, label }));
}

/** "p. 12 Name: 89% | 90% | 80%": an indicator a flag rests on, in one line. */
export function indicatorLine(indicator: { name: string; page: number; values: readonly string[] }): string {
  return `p. ${indicator.page} ${indicator.name}: ${indicator.values.join(' | ')}`;
}

/** How an indicator's values were read: "latest 97 target 97 floor 90 (%), higher is better (floor), meets its target". */
export function indicatorReading(i: Indicator): string {
  const parts = (['latest', 'target', 'floor', 'previous'] as const).filter((k) => i[k] !== null).map((k) => `${k} ${i[k]}`);
  if (!parts.length) return 'no figures read';
  const unit = i.unit ? ` (${i.unit})` : '';
  const better = i.better ? `${i.better} is better (${i.betterReason})` : 'direction unknown';
  const meets = i.meetsTarget === null ? 'target not compared' : i.meetsTarget ? 'meets its target' : 'misses its target';
  return `${parts.join(' ')}${unit}, ${better}, ${meets}`;
}

/** A goal with the document it belongs to and both positions, for formats that list goals across documents. */
export interface GoalInDocument {
  document: DocumentResult;
  documentIndex: number;
  goal: Goal;
  goalIndex: number;
}

/** `0.625` → `63%`; `null` (no green goals) → `n/a`. */
export function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

type ByStatus = DocumentSummary['byStatus'];

/** `4 green, 1 yellow, 1 red` — statuses with no goals are left out. */
export function statusCounts(byStatus: ByStatus): string {
  const parts = (['green', 'yellow', 'red', 'unknown'] as const)
    .filter((status) => byStatus[status] > 0)
    .map((status) => `${byStatus[status]} ${status}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface SummaryNumbers {
  goals: number;
  byStatus: ByStatus;
  green: number;
  flaggedGreen: number;
  greenWithResidentEvidence: number | null;
}

/** The English summary sentence used by the md and text formats. */
export function summarySentence(summary: SummaryNumbers): string {
  const goals = `${plural(summary.goals, 'goal', 'goals')} (${statusCounts(summary.byStatus)})`;
  if (summary.green === 0) return `${goals}; no green goals`;
  return (
    `${goals}; ${summary.flaggedGreen} of ${summary.green} green flagged; ` +
    `${percent(summary.greenWithResidentEvidence)} of green goals have resident-facing evidence`
  );
}

export function documentsSentence(summary: AnalysisResult['summary']): string {
  const failed = summary.failed > 0 ? ` (${summary.failed} could not be analysed)` : '';
  return `${plural(summary.documents, 'document', 'documents')}${failed}`;
}
