/**
 * Formats for an archive that is never held in memory as a whole. What a format needs before the documents
 * (the summary, each document's row, the flagged goals, which come first in the report) is the digest, a few
 * hundred bytes per document; the documents themselves then pass through one at a time, read from the store.
 * Each such format is a start, a text per document and an end; `formatJson`, `formatCsv` and `formatHtml` are
 * the same parts joined, so a whole result and a streamed archive give the same bytes.
 */
import type { AnalysisResult, DocumentResult } from '../model/result.js';
import { isFlagged, type GoalInDocument } from './goal-views.js';

export interface ArchiveDigest {
  /** schemaVersion, tool and the summary across all documents. */
  head: Omit<AnalysisResult, 'documents'>;
  /** Every document in input order, without its goals (its summary and error are kept). */
  documents: DocumentResult[];
  /** The flagged goals in document order, each with its document's digest. */
  flagged: GoalInDocument[];
}

/** A format written a document at a time: `start`, then `document(d, i)` for each document in order, then `end`. */
export interface StreamedFormat {
  start: string;
  document(document: DocumentResult, index: number): string;
  end: string;
}

/** A document without its goals: what the summary rows and the flagged goals need of it. */
export function documentDigest(document: DocumentResult): DocumentResult {
  return { ...document, goals: [] };
}

/** The flagged goals of one document, pointing at its digest. */
export function flaggedOf(document: DocumentResult, digest: DocumentResult, documentIndex: number): GoalInDocument[] {
  const out: GoalInDocument[] = [];
  document.goals.forEach((goal, goalIndex) => {
    if (isFlagged(goal)) out.push({ document: digest, documentIndex, goal, goalIndex });
  });
  return out;
}

export function digestOf(result: AnalysisResult): ArchiveDigest {
  const { documents, ...head } = result;
  const digests = documents.map(documentDigest);
  return { head, documents: digests, flagged: documents.flatMap((d, i) => flaggedOf(d, digests[i]!, i)) };
}

/** The parts joined, for a result in memory. */
export function joinParts(parts: StreamedFormat, documents: readonly DocumentResult[]): string {
  return parts.start + documents.map((d, i) => parts.document(d, i)).join('') + parts.end;
}
