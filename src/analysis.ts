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
  const collector = new ArchiveCollector(documents.length);
  documents.forEach((d, i) => collector.add(d, i, { flagged: false }));
  return collector.digest().head;
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

  /** Counts the result of the document at `index` of the input. `flagged: false` skips collecting flagged goals. */
  add(result: DocumentResult, index: number, opts: { flagged?: boolean } = {}): void {
    if (this.documents[index]) throw new Error(`document ${index} counted twice`);
    const digest = documentDigest(result);
    this.documents[index] = digest;
    if (opts.flagged !== false) this.flagged[index] = flaggedOf(result, digest, index);
    this.tally.add(result.goals);
    if (result.error) this.failed++;
  }

  digest(): ArchiveDigest {
    const missing = this.documents.findIndex((d) => d === undefined);
    if (missing >= 0) throw new Error(`no result for document ${missing}`);
    const documents = this.documents as DocumentResult[];
    const { byStatus, green, flaggedGreen, greenWithResidentEvidence, goals } = this.tally.summary();
    return {
      head: {
        schemaVersion: 1,
        tool: { name: 'verkstad', version: toolVersion() },
        summary: { documents: documents.length, failed: this.failed, goals, byStatus, green, flaggedGreen, greenWithResidentEvidence },
      },
      documents,
      flagged: this.flagged.flatMap((f) => f ?? []),
    };
  }
}
