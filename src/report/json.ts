import type { AnalysisResult, DocumentResult } from '../model/result.js';
import { joinParts, type StreamedFormat } from './streamed.js';

/** `--format json`: the public contract (see DESIGN.md), pretty-printed with a trailing newline. */
export function formatJson(result: AnalysisResult): string {
  const { documents, ...head } = result;
  return joinParts(jsonParts(head, documents.length), documents);
}

/**
 * One document as it stands inside `formatJson`'s text (indented under "documents"). The same text serves the
 * archive's JSON and the document's own JSON file, so a document is turned into text once.
 */
export function documentJsonChunk(document: DocumentResult): string {
  return `    ${JSON.stringify(document, null, 2).replace(/\n/g, '\n    ')}`;
}

/**
 * `formatJson` a document at a time: each part is what `JSON.stringify(result, null, 2)` prints for it.
 * `document` takes the document's chunk when the caller has it already.
 */
export function jsonParts(
  head: Omit<AnalysisResult, 'documents'>,
  documentCount: number,
): StreamedFormat & { document(document: DocumentResult, index: number, chunk?: string): string } {
  // The same keys in the same order as the whole, with the documents left out for now.
  const { schemaVersion, tool, summary, goalsOverTime } = head;
  const text = JSON.stringify({ schemaVersion, tool, documents: [], summary, goalsOverTime }, null, 2);
  if (documentCount === 0) return { start: `${text}\n`, document: () => '', end: '' };
  // Split the empty array out and splice the documents in, indented as the whole would be.
  // The first one is the key: a title or path in goalsOverTime cannot print an unescaped quote.
  const at = text.indexOf('"documents": []');
  const before = text.slice(0, at);
  const after = text.slice(at + '"documents": []'.length);
  return {
    start: `${before}"documents": [\n`,
    document: (document, index, chunk = documentJsonChunk(document)) => `${index > 0 ? ',\n' : ''}${chunk}`,
    end: `\n  ]${after}\n`,
  };
}
