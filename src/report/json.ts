import type { AnalysisResult } from '../model/result.js';

/** `--format json`: the public contract (see DESIGN.md), pretty-printed with a trailing newline. */
export function formatJson(result: AnalysisResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
