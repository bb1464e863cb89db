/**
 * A document with no goal with a status. Given to `verkstad check`, it is an error (NO_GOALS): a CI check that
 * passes what it could not read is worse than none. In an archive it is only reported: a whole archive may hold
 * reports without goals (budgets, minutes), and `analyze` lists them in its summary without failing.
 */
import type { DocumentResult } from '../model/result.js';

/** One line on what verkstad looks for, for the writer of a draft it could not read. */
export const NO_GOALS_MESSAGE =
  'No goal with a status found, so nothing was checked. verkstad looks for one heading or table row per goal with ' +
  'a status word or symbol (Status: grön, Uppfyllt, Delvis uppfyllt, GREEN/AMBER/RED, ●): Markdown headings with a ' +
  'status line, Markdown or DOCX tables with a status column (Mål | Status | Kommentar), DOCX headings or bold ' +
  'titles, or plain "Mål: …" / "Status: …" lines.';

/** Read without an error, yet not one goal with a known status (read from the summary: a digest has no goals). */
export function hasNoGoals(document: Pick<DocumentResult, 'error' | 'summary'>): boolean {
  return document.error === null && document.summary.goals - document.summary.byStatus.unknown === 0;
}

/** The document as `check` reports it: NO_GOALS where it has no goal with a status. */
export function failIfNoGoals(document: DocumentResult): DocumentResult {
  return hasNoGoals(document) ? { ...document, error: { code: 'NO_GOALS', message: NO_GOALS_MESSAGE } } : document;
}
