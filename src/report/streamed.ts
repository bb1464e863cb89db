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

/**
 * Builds a digest from documents given in any order, each with its index in the input, keeping each document
 * without its goals and the flagged goals pointing at it. The one place a digest is made: for a result in
 * memory (`digestOf`) and for an archive whose results arrive from a batch (src/archive/).
 */
export class DigestBuilder {
  private readonly documents: (DocumentResult | undefined)[];
  private readonly flagged: GoalInDocument[][];

  constructor(count: number) {
    this.documents = new Array(count);
    this.flagged = new Array(count);
  }

  /** Takes the document at `index` of the input. */
  add(document: DocumentResult, documentIndex: number): void {
    if (this.documents[documentIndex]) throw new Error(`document ${documentIndex} counted twice`);
    const digest: DocumentResult = { ...document, goals: [] };
    const flagged: GoalInDocument[] = [];
    document.goals.forEach((goal, goalIndex) => {
      if (isFlagged(goal)) flagged.push({ document: digest, documentIndex, goal, goalIndex });
    });
    this.documents[documentIndex] = digest;
    this.flagged[documentIndex] = flagged;
  }

  /** The digest under `head`, once every document has been added. */
  build(head: ArchiveDigest['head']): ArchiveDigest {
    const missing = this.documents.findIndex((d) => d === undefined);
    if (missing >= 0) throw new Error(`no result for document ${missing}`);
    return { head, documents: this.documents as DocumentResult[], flagged: this.flagged.flat() };
  }
}

/** The digest of a result in memory. */
export function digestOf(result: AnalysisResult): ArchiveDigest {
  const { documents, ...head } = result;
  const builder = new DigestBuilder(documents.length);
  documents.forEach((d, i) => builder.add(d, i));
  return builder.build(head);
}

/** The parts joined, for a result in memory. */
export function joinParts(parts: StreamedFormat, documents: readonly DocumentResult[]): string {
  return parts.start + documents.map((d, i) => parts.document(d, i)).join('') + parts.end;
}
