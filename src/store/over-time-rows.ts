/**
 * The `goals_over_time` table: the archive's goalsOverTime (src/overtime/) as rows, one per goal per report, for
 * Datasette and SQL. Unlike the other tables it is not a document's: it is rewritten whole each time an archive's
 * outputs are computed, and holds the goals of the documents of that run (or of the whole store after a merge).
 */
import { overTimeSightings } from '../model/over-time-sightings.js';
import type { GoalsOverTime } from '../model/result.js';

export interface GoalOverTimeRow {
  organisation: string | null;
  /** The goal's number within its organisation, from 1 (the order the goals are first seen). */
  goal: number;
  /** The title as the latest report prints it. */
  goal_title: string;
  /** The report's place among the organisation's reports, from 0 (oldest first, unknown periods last). */
  period_order: number;
  period: string | null;
  kind: string | null;
  file: string;
  page: number;
  /** The title as this report prints it. */
  title: string;
  /** How closely the title matched the goal's earlier titles (1 where the goal is first seen). */
  match: number;
  status: string;
  flag_codes: string;
  evidence: string;
  resident_facing: number;
  persistently_green_without_evidence: number;
}

export const GOAL_OVER_TIME_COLUMNS = [
  'organisation',
  'goal',
  'goal_title',
  'period_order',
  'period',
  'kind',
  'file',
  'page',
  'title',
  'match',
  'status',
  'flag_codes',
  'evidence',
  'resident_facing',
  'persistently_green_without_evidence',
] as const satisfies readonly (keyof GoalOverTimeRow)[];

export function goalOverTimeRows(overTime: GoalsOverTime): GoalOverTimeRow[] {
  return overTimeSightings(overTime).map(({ organisation, goalNumber, goal, period: p, periodOrder }) => ({
    organisation,
    goal: goalNumber,
    goal_title: goal.title,
    period_order: periodOrder,
    period: p.period,
    kind: p.kind,
    file: p.file,
    page: p.page,
    title: p.title,
    match: p.match,
    status: p.status,
    flag_codes: p.flags.join(','),
    evidence: p.evidence,
    resident_facing: p.residentFacingSentences,
    persistently_green_without_evidence: goal.persistentlyGreenWithoutEvidence ? 1 : 0,
  }));
}
