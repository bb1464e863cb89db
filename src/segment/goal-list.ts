import { createHash } from 'node:crypto';
import type { SegmentedGoal } from '../model/goal.js';
import { sameKpi } from './repeated-kpi.js';
import type { StatusFound } from './status.js';
import { THRESHOLDS } from './thresholds.js';
import { titleWords } from './title-words.js';
import { normalise, type Vocabulary } from './vocabulary.js';

/** Hex digits of a goal's id: a hash of its page and title, stable across runs. */
const ID_LENGTH = 12;

/**
 * The goals found so far, each title once. A title met again is the same goal (reports repeat a goal in a summary
 * and in its section); a KPI row from another table that names a KPI already found is that KPI again (repeated-kpi).
 */
export class GoalList {
  private readonly all: SegmentedGoal[] = [];
  private readonly seen = new Set<string>();
  /** Goals read from table rows: the table (its unit index) and their title's words. */
  private readonly fromTables = new Map<SegmentedGoal, { table: number; words: Set<string> }>();
  private table = 0;

  constructor(private readonly v: Vocabulary) {}

  /** Goals found from here on are rows of the table at unit `i`: repeats are only looked for across tables. */
  enterTable(i: number): void {
    this.table = i;
  }

  /**
   * A new goal with no justification yet, standing in `section`; null when its title was found before.
   * `fromTable`: KPI rows repeat in later panels under other wording; headings are only ever repeated exactly.
   * `line`: where the title stands in a draft's file (`Line.source`), null in a PDF.
   */
  add(title: string, page: number, st: StatusFound, section: string, fromTable = false, line: number | null = null): SegmentedGoal | null {
    const key = normalise(title);
    if (!key || this.seen.has(key)) return null;
    const words = fromTable ? titleWords(title, this.v) : null;
    if (words && [...this.fromTables.values()].some((o) => o.table !== this.table && sameKpi(words, o.words))) return null;
    this.seen.add(key);
    const goal: SegmentedGoal = {
      title,
      page,
      line,
      ...st,
      justification: [],
      indicators: [],
      activities: [],
      id: createHash('sha256').update(`${page}\0${key}`).digest('hex').slice(0, ID_LENGTH),
      section: section || null,
    };
    this.all.push(goal);
    if (words) this.fromTables.set(goal, { table: this.table, words });
    return goal;
  }

  /** The goal with this title (an activity table's row that names its goal). */
  byTitle(text: string): SegmentedGoal | undefined {
    const key = normalise(text);
    return this.all.find((g) => normalise(g.title) === key);
  }

  /** Every goal found, in reading order. */
  found(): SegmentedGoal[] {
    return this.all.filter((g) => g.title.length >= THRESHOLDS.minTitleChars);
  }
}
