import { THRESHOLDS } from './thresholds.js';
import type { Unit } from './units.js';

/**
 * A short heading right above a table ("RAG rating", "Key Performance Indicators" in English QPRs, "Nyckeltal"
 * in Swedish reports) is the table's caption: it neither opens a new section nor ends the goal being read, and
 * the commentary written before it still belongs to the table's KPIs.
 */
export const id = 'table-caption';

export function isTableCaption(title: string, next: Unit | undefined): boolean {
  return next?.kind === 'table' && title.split(' ').length <= THRESHOLDS.tableCaptionMaxWords;
}
