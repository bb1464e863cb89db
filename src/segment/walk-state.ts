import type { Paragraph, SegmentedGoal } from '../model/goal.js';
import type { GoalList } from './goal-list.js';
import type { Legend } from './status.js';
import type { TableHeader } from './table-header.js';
import type { Vocabulary } from './vocabulary.js';

/** What every step of the walk reads: the report's vocabulary, its legend as learnt so far, the goals found. */
export interface SegmentContext {
  v: Vocabulary;
  legend: Legend;
  bodyFontSize: number;
  goals: GoalList;
}

/** Where the walk stands as it reads the report top to bottom. */
export interface WalkState {
  /** The goal that text read now belongs to. */
  current: SegmentedGoal | null;
  /** The unit that opened `current`, and its heading level (99: not a heading, so no heading closes it by level). */
  currentUnit: number;
  currentLevel: number;
  /** The nearest heading or section row above that is not itself a goal ("Målområde: Välfungerande organisation"). */
  section: string;
  /** Paragraphs read while no goal was open: the commentary a KPI table after them may take. */
  pending: Paragraph[];
  /** The open goal came from an activity table: tables after it are not its indicators, text not its comment. */
  inActivities: boolean;
  /** The last table row was commentary: the next one may be the same comment's next line. */
  commentRun: boolean;
  /** The last table header read, for a table continued on the next page without one. */
  lastTableHeader: TableHeader | null;
  /** The last goal of the previous table, for a commentary row carried over a page break. */
  lastTableGoal: SegmentedGoal | null;
}

export const NOT_A_HEADING = 99;

export function startOfDocument(): WalkState {
  return { current: null, currentUnit: -1, currentLevel: NOT_A_HEADING, section: '', pending: [], inActivities: false, commentRun: false, lastTableHeader: null, lastTableGoal: null };
}
