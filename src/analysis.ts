import { summarise } from './assess/index.js';
import type { AnalysisResult, DocumentResult } from './model/result.js';
import { toolVersion } from './version.js';

/** The public result of a run: the documents in input order and a summary across them (the same as a document's). */
export function toAnalysis(documents: DocumentResult[]): AnalysisResult {
  const { byStatus, green, flaggedGreen, greenWithResidentEvidence, goals } = summarise(documents.flatMap((d) => d.goals));
  return {
    schemaVersion: 1,
    tool: { name: 'verkstad', version: toolVersion() },
    documents,
    summary: { documents: documents.length, failed: documents.filter((d) => d.error).length, goals, byStatus, green, flaggedGreen, greenWithResidentEvidence },
  };
}
