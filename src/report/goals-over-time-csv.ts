/**
 * goals_over_time.csv, beside summary.csv in an archive's folder: one row per goal per report, the organisation's
 * reports oldest first, so that a pivot table shows each goal's status across the years. Written with summary.csv's
 * delimiter and byte-order mark, and its guard against cells a spreadsheet would run as formulas.
 */
import { stringify } from 'csv-stringify/sync';
import { overTimeSightings } from '../model/over-time-sightings.js';
import type { GoalsOverTime } from '../model/result.js';
import { cell, type CsvFormatOptions } from './csv.js';

/** The columns, in order: scripts read them by name. */
export const GOALS_OVER_TIME_COLUMNS = [
  'organisation',
  'goal',
  'goal_title',
  'period',
  'kind',
  'file',
  'page',
  'title',
  'match',
  'status',
  'flag',
  'evidence',
  'resident_facing_sentences',
  'persistently_green_without_evidence',
] as const;

type Row = Record<(typeof GOALS_OVER_TIME_COLUMNS)[number], string | number>;

export function formatGoalsOverTimeCsv(overTime: GoalsOverTime, options: CsvFormatOptions = {}): string {
  const { delimiter = ',', bom = true, fileLabel = (file: string) => file } = options;
  const rows: Row[] = overTimeSightings(overTime).map(({ organisation, goalNumber, goal, period: p }) => ({
    organisation: cell(organisation ?? ''),
    goal: goalNumber,
    goal_title: cell(goal.title),
    period: cell(p.period ?? ''),
    kind: cell(p.kind ?? ''),
    file: cell(fileLabel(p.file)),
    page: p.page,
    title: cell(p.title),
    match: p.match,
    status: p.status,
    flag: p.flags.join(';'),
    evidence: p.evidence,
    resident_facing_sentences: p.residentFacingSentences,
    persistently_green_without_evidence: goal.persistentlyGreenWithoutEvidence ? 'yes' : '',
  }));
  return stringify(rows, { header: true, columns: [...GOALS_OVER_TIME_COLUMNS], bom, delimiter });
}
