import { SummaryTally } from './assess/index.js';
import type { AnalysisResult, DocumentResult } from './model/result.js';
import { documentDigest, flaggedOf, type ArchiveDigest } from './report/archive.js';
import type { GoalInDocument } from './report/goal-views.js';
import { toolVersion } from './version.js';

/** The public result of a run: the documents in input order and a summary across them (the same as a document's). */
export function toAnalysis(documents: DocumentResult[]): AnalysisResult {
  const { schemaVersion, tool, summary } = analysisHead(documents);
  return { schemaVersion, tool, documents, summary }; // the key order of the public JSON
}

/** schemaVersion, tool and summary of an analysis of `documents`. */
export function analysisHead(documents: readonly DocumentResult[]): Omit<AnalysisResult, 'documents'> {
  const tally = new SummaryTally();
  for (const d of documents) tally.add(d.goals);
  return headOf(tally, documents.length, documents.filter((d) => d.error).length);
}

function headOf(tally: SummaryTally, documents: number, failed: number): Omit<AnalysisResult, 'documents'> {
  const { byStatus, green, flaggedGreen, greenWithResidentEvidence, goals } = tally.summary();
  return {
    schemaVersion: 1,
    tool: { name: 'verkstad', version: toolVersion() },
    summary: { documents, failed, goals, byStatus, green, flaggedGreen, greenWithResidentEvidence },
  };
}

/**
 * Builds an archive's digest (see report/archive.ts) from results as they arrive, in any order, so that a batch
 * need not keep its results: the summary is counted as they come, each document is kept without its goals.
 */
export class ArchiveCollector {
  private readonly tally = new SummaryTally();
  private readonly documents: (DocumentResult | undefined)[];
  private readonly flagged: GoalInDocument[][];
  private failed = 0;

  constructor(count: number) {
    this.documents = new Array(count);
    this.flagged = new Array(count);
  }

  /** Counts the result of the document at `index` of the input. */
  add(result: DocumentResult, index: number): void {
    if (this.documents[index]) throw new Error(`document ${index} counted twice`);
    const digest = documentDigest(result);
    this.documents[index] = digest;
    this.flagged[index] = flaggedOf(result, digest, index);
    this.tally.add(result.goals);
    if (result.error) this.failed++;
  }

  digest(): ArchiveDigest {
    const missing = this.documents.findIndex((d) => d === undefined);
    if (missing >= 0) throw new Error(`no result for document ${missing}`);
    const documents = this.documents as DocumentResult[];
    return { head: headOf(this.tally, documents.length, this.failed), documents, flagged: this.flagged.flat() };
  }
}
