import type { Paragraph, SegmentedGoal } from '../model/goal.js';
import { THRESHOLDS } from './thresholds.js';
import { titleWords } from './title-words.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * English QPR appendices write each directorate's commentary before its KPI table ("Latest | Previous | DoT").
 * That commentary belongs to the KPIs in the table. A paragraph that opens by naming one KPI ("EHC plans issued
 * within 20 weeks. Performance rose …") is that KPI's alone, without the naming sentence; the rest is the
 * directorate's commentary on all the KPIs that have no comment of their own (a comment column or row).
 */
export const id = 'commentary-before-table';

const LEAD_SENTENCE = new RegExp(`^(.{${THRESHOLDS.kpiLeadMinChars},${THRESHOLDS.kpiLeadMaxChars}}?[.:])\\s`);

export function distributeCommentary(goals: SegmentedGoal[], paragraphs: Paragraph[], v: Vocabulary): void {
  const own = new Map<SegmentedGoal, Paragraph[]>();
  const general: Paragraph[] = [];
  const stem = (ws: Set<string>) => new Set([...ws].map((w) => w.slice(0, THRESHOLDS.kpiStemChars)));
  for (const p of paragraphs) {
    const first = LEAD_SENTENCE.exec(p.text + ' ')?.[1] ?? '';
    const lead = stem(titleWords(first, v));
    // Only a short opening sentence that just names a KPI ("Homelessness prevention.", "EHC plans issued within
    // 20 weeks.") gives the paragraph to that KPI; a directorate's running commentary stays with all its KPIs.
    const shortLead = first.split(/\s+/).length <= THRESHOLDS.kpiLeadMaxWords;
    let best: SegmentedGoal | null = null, bestScore = 0, ties = 0;
    for (const g of shortLead ? goals : []) {
      const tw = stem(titleWords(g.title, v));
      let common = 0;
      for (const w of tw) if (lead.has(w)) common++;
      const sc = lead.size ? common / lead.size : 0;
      if (sc > bestScore + 1e-9) { best = g; bestScore = sc; ties = 0; } else if (sc > 0 && Math.abs(sc - bestScore) < 1e-9) ties++;
    }
    if (best && bestScore >= THRESHOLDS.kpiLeadShare && ties === 0) {
      const rest = p.text.slice(first.length).trim();
      if (!own.has(best)) own.set(best, []);
      if (rest) own.get(best)!.push({ text: rest, page: p.page });
    } else general.push(p);
  }
  for (const g of goals) g.justification.unshift(...(own.get(g) ?? (g.justification.length ? [] : general)));
}
