import type { AnalysisResult } from '../model/result.js';

/** `--format json`: the public contract (see DESIGN.md), pretty-printed with a trailing newline. */
export function formatJson(result: AnalysisResult): string {
  return [...formatJsonChunks(result)].join('');
}

/**
 * The same text as `formatJson`, a document at a time: an archive's JSON need not exist as one string.
 * Each chunk is what `JSON.stringify(result, null, 2)` prints for that part.
 */
export function* formatJsonChunks(result: AnalysisResult): Generator<string> {
  const documents = result.documents;
  // The same keys in the same order, with the documents left out for now.
  const head = JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, k === 'documents' ? [] : v])), null, 2);
  if (!documents.length) {
    yield `${JSON.stringify(result, null, 2)}\n`;
    return;
  }
  // Split the empty array out of the head and splice the documents in, indented as the whole would be.
  const [before, after] = head.split('"documents": []');
  yield `${before}"documents": [\n`;
  for (let i = 0; i < documents.length; i++) {
    const doc = JSON.stringify(documents[i], null, 2).replace(/\n/g, '\n    ');
    yield `    ${doc}${i < documents.length - 1 ? ',' : ''}\n`;
  }
  yield `  ]${after}\n`;
}
