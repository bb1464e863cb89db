/**
 * One organisation's goals followed across its reports: each report's goals are matched to the goals seen in the
 * earlier reports by title (title-similarity.ts), best pairs first, so that a goal reworded a little stays one goal.
 * A report gives each goal at most one entry: two goals of one report are never matched to one goal, and a goal
 * that matches nothing well enough (OVER_TIME.matchThreshold) starts a goal of its own.
 */
import type { Evidence, FlagCode, GoalInPeriod, GoalOverTime, OrganisationOverTime, Orientation, OverTimePeriod, Status } from '../model/result.js';
import { comparePeriods } from './period-order.js';
import { diceSimilarity, titleStems } from './title-similarity.js';
import { OVER_TIME } from './thresholds.js';

/** A goal as one report rates it: what is kept of it for the comparison over time. */
export interface GoalSighting {
  title: string;
  page: number;
  status: Status;
  flags: FlagCode[];
  evidence: Evidence;
  orientation: Orientation;
  residentFacingSentences: number;
}

/** A report with goals: its identity, its place in the input, and its goals in document order. */
export interface ReportSighting extends OverTimePeriod {
  organisation: string | null;
  /** Its index in the input: the order of reports whose periods tie. */
  order: number;
  goals: GoalSighting[];
}

interface Row {
  stems: Set<string>[];
  entries: GoalInPeriod[];
  sightings: GoalSighting[];
}

/** The goals of one organisation's reports, matched across them. */
export function matchGoalsOverTime(organisation: string | null, reports: readonly ReportSighting[]): OrganisationOverTime {
  const ordered = [...reports].sort((a, b) => comparePeriods(a, b) || a.order - b.order);
  const rows: Row[] = [];
  for (const report of ordered) {
    const column: OverTimePeriod = { period: report.period, kind: report.kind, file: report.file };
    const stems = report.goals.map((g) => titleStems(g.title));
    const existing = rows.length;
    const pairs: { goal: number; row: number; score: number }[] = [];
    stems.forEach((s, goal) => {
      for (let row = 0; row < existing; row++) {
        const score = Math.max(...rows[row]!.stems.map((t) => diceSimilarity(s, t)));
        if (score >= OVER_TIME.matchThreshold) pairs.push({ goal, row, score });
      }
    });
    pairs.sort((a, b) => b.score - a.score || a.row - b.row || a.goal - b.goal);
    const rowOf = new Map<number, { row: number; score: number }>();
    const taken = new Set<number>();
    for (const p of pairs) {
      if (rowOf.has(p.goal) || taken.has(p.row)) continue;
      rowOf.set(p.goal, p);
      taken.add(p.row);
    }
    report.goals.forEach((goal, g) => {
      const matched = rowOf.get(g);
      const row = matched ? rows[matched.row]! : { stems: [], entries: [], sightings: [] };
      if (!matched) rows.push(row);
      row.stems.push(stems[g]!);
      row.sightings.push(goal);
      row.entries.push(entryOf(column, goal, matched ? matched.score : 1));
    });
  }
  return { organisation, periods: ordered.map(({ period, kind, file }) => ({ period, kind, file })), goals: rows.map(goalOf) };
}

function entryOf(column: OverTimePeriod, goal: GoalSighting, score: number): GoalInPeriod {
  const { title, page, status, flags, evidence, residentFacingSentences } = goal;
  return { ...column, title, page, status, flags, evidence, residentFacingSentences, match: Math.round(score * 100) / 100 };
}

function goalOf(row: Row): GoalOverTime {
  return { title: row.entries.at(-1)!.title, persistentlyGreenWithoutEvidence: persistentlyGreen(row.sightings), periods: row.entries };
}

/**
 * Green in OVER_TIME.persistentGreenReports of the goal's reports in a row with nothing residents get behind it
 * (evidence internal-only or none), on a goal about residents: an organisation goal is not flagged for internal
 * evidence (assess/), so neither is it here.
 */
export function persistentlyGreen(sightings: readonly GoalSighting[]): boolean {
  let run = 0;
  for (const s of sightings) {
    const bare = s.status === 'green' && s.orientation === 'residents' && (s.evidence === 'internal-only' || s.evidence === 'none');
    run = bare ? run + 1 : 0;
    if (run >= OVER_TIME.persistentGreenReports) return true;
  }
  return false;
}
