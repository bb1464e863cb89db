/**
 * goalsOverTime: an archive's goals followed across time, per organisation. Built a document at a time (an archive
 * is never held in memory as a whole): each document with goals leaves a few hundred bytes per goal, and the matching
 * (match-goals.ts) runs once every document is in.
 */
import type { DocumentResult, GoalsOverTime } from '../model/result.js';
import { matchGoalsOverTime, type ReportSighting } from './match-goals.js';

export { comparePeriods, periodEnd } from './period-order.js';
export { diceSimilarity, titleStems } from './title-similarity.js';
export { matchGoalsOverTime, persistentlyGreen, type GoalSighting, type ReportSighting } from './match-goals.js';
export { OVER_TIME } from './thresholds.js';

export class GoalsOverTimeBuilder {
  /** By content: copies of a report are one report, under the path that comes first in the input. */
  private readonly reports = new Map<string, ReportSighting>();

  /** Takes the document at `index` of the input (in any order; copies in any order too). */
  add(document: DocumentResult, index: number): void {
    if (document.error || document.goals.length === 0) return;
    const key = document.sha256 || `unread:${index}`;
    const have = this.reports.get(key);
    if (have) {
      if (index < have.order) Object.assign(have, { order: index, file: document.file });
      return;
    }
    this.reports.set(key, sightingOf(document, index));
  }

  /** Organisations by name (an unknown one last), each with its goals matched across its reports. */
  build(): GoalsOverTime {
    const byOrganisation = new Map<string | null, ReportSighting[]>();
    const names = new Map<string, string>();
    for (const report of [...this.reports.values()].sort((a, b) => a.order - b.order)) {
      // The same organisation printed in another case or spacing is the same organisation, named as first seen.
      const key = report.organisation === null ? null : report.organisation.toLowerCase().replace(/\s+/g, ' ').trim();
      if (key !== null && !names.has(key)) names.set(key, report.organisation!);
      const group = byOrganisation.get(key);
      if (group) group.push(report);
      else byOrganisation.set(key, [report]);
    }
    const keys = [...byOrganisation.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'sv')));
    return keys.map((key) => matchGoalsOverTime(key === null ? null : names.get(key)!, byOrganisation.get(key)!));
  }
}

/** goalsOverTime of documents in memory, in input order. */
export function goalsOverTime(documents: readonly DocumentResult[]): GoalsOverTime {
  const builder = new GoalsOverTimeBuilder();
  documents.forEach((d, i) => builder.add(d, i));
  return builder.build();
}

function sightingOf(document: DocumentResult, index: number): ReportSighting {
  return {
    organisation: document.organisation?.value ?? null,
    period: document.period?.value ?? null,
    kind: document.kind?.value ?? null,
    file: document.file,
    order: index,
    goals: document.goals.map((g) => ({
      title: g.title,
      page: g.page,
      status: g.status,
      flags: g.flags.map((f) => f.code),
      evidence: g.evidence,
      orientation: g.orientation,
      residentFacingSentences: g.sentences.filter((s) => s.residentFacing).length,
    })),
  };
}
