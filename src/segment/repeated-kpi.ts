import { THRESHOLDS } from './thresholds.js';

/**
 * English QPRs list every KPI in a table per directorate and then repeat each one in a panel of its own on later
 * pages, under other wording ("% of calls answered" again as "Percentage of calls answered within target"). A
 * KPI row from another table whose title shares most of its words with a KPI already found is that KPI again.
 */
export const id = 'repeated-kpi';

/** Titles' words (see title-words) that name the same KPI. */
export function sameKpi(a: Set<string>, b: Set<string>): boolean {
  return kpiOverlap(a, b) >= THRESHOLDS.sameKpiShare;
}

/** The share of the shorter title's words the other has too (0 when either has too few words to tell). */
export function kpiOverlap(a: Set<string>, b: Set<string>): number {
  if (a.size < THRESHOLDS.sameKpiMinWords || b.size < THRESHOLDS.sameKpiMinWords) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.min(a.size, b.size);
}
