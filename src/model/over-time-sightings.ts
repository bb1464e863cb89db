/**
 * goalsOverTime flattened: one sighting per goal per report, in the order the CSV and the SQLite table list them
 * (organisations as matched, each goal's reports oldest first). goals_over_time.csv (src/report/) and the
 * `goals_over_time` table (src/store/) are this list under their own column names and cell formats.
 */
import type { GoalInPeriod, GoalOverTime, GoalsOverTime, OrganisationOverTime } from './result.js';

export interface OverTimeSighting {
  organisation: OrganisationOverTime['organisation'];
  /** The goal's number within its organisation, from 1 (the order the goals are first seen). */
  goalNumber: number;
  goal: GoalOverTime;
  /** This report's sighting of the goal. */
  period: GoalInPeriod;
  /** The report's place among the organisation's reports, from 0 (oldest first, unknown periods last); -1 if absent. */
  periodOrder: number;
}

export function overTimeSightings(overTime: GoalsOverTime): OverTimeSighting[] {
  return overTime.flatMap((org) => {
    const order = new Map(org.periods.map((p, i) => [p.file, i]));
    return org.goals.flatMap((goal, g) =>
      goal.periods.map((period) => ({ organisation: org.organisation, goalNumber: g + 1, goal, period, periodOrder: order.get(period.file) ?? -1 })),
    );
  });
}
