import type { AnalysisResult, DocumentResult } from './model/result.js';
import { toolVersion } from './version.js';

/** The public result of a run: the documents in input order and a summary across them. */
export function toAnalysis(documents: DocumentResult[]): AnalysisResult {
  const by = { green: 0, yellow: 0, red: 0, unknown: 0 };
  let goals = 0, green = 0, flagged = 0, withResident = 0;
  for (const d of documents) {
    goals += d.summary.goals;
    for (const k of Object.keys(by) as (keyof typeof by)[]) by[k] += d.summary.byStatus[k];
    green += d.summary.green;
    flagged += d.summary.flaggedGreen;
    withResident += Math.round((d.summary.greenWithResidentEvidence ?? 0) * d.summary.green);
  }
  return {
    schemaVersion: 1,
    tool: { name: 'verkstad', version: toolVersion() },
    documents,
    summary: {
      documents: documents.length,
      failed: documents.filter((d) => d.error).length,
      goals,
      byStatus: by,
      green,
      flaggedGreen: flagged,
      greenWithResidentEvidence: green ? Math.round((withResident / green) * 1000) / 1000 : null,
    },
  };
}

