/** The public result of a run (`--format json`): the documents in input order and a summary across them. */
import { SummaryTally } from '../assess/index.js';
import type { AnalysisResult, DocumentResult, GoalsOverTime } from '../model/result.js';
import { goalsOverTime } from '../overtime/index.js';
import { toolVersion } from '../version.js';

/** Everything of an analysis but its documents: schemaVersion, tool, the summary and the goals over time. */
export type AnalysisHead = Omit<AnalysisResult, 'documents'>;

/** The analysis of `documents`; its summary is the same as a document's, across all of them. */
export function toAnalysis(documents: DocumentResult[]): AnalysisResult {
  const { schemaVersion, tool, summary, goalsOverTime } = analysisHead(documents);
  return { schemaVersion, tool, documents, summary, goalsOverTime }; // the key order of the public JSON
}

/** schemaVersion, tool, summary and goals over time of an analysis of `documents`. */
export function analysisHead(documents: readonly DocumentResult[]): AnalysisHead {
  const tally = new SummaryTally();
  for (const d of documents) tally.add(d.goals);
  return headOf(tally, documents.length, documents.filter((d) => d.error).length, goalsOverTime(documents));
}

/** The head from goals already counted and matched: for an archive whose documents are counted as they arrive. */
export function headOf(tally: SummaryTally, documents: number, failed: number, overTime: GoalsOverTime): AnalysisHead {
  const { byStatus, green, flaggedGreen, greenWithResidentEvidence, goals } = tally.summary();
  return {
    schemaVersion: 1,
    tool: { name: 'verkstad', version: toolVersion() },
    summary: { documents, failed, goals, byStatus, green, flaggedGreen, greenWithResidentEvidence },
    goalsOverTime: overTime,
  };
}
