import type { AnalysisResult, Goal, Level } from '../model/result.js';
import { quotedSentences } from './goal-views.js';
import { forwardSlashes } from './paths.js';
import { oneLine, truncate } from './plain-text.js';

const COMMAND: Record<Level, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', note: 'notice' };
/** Annotations are read in a narrow box; the JSON and HTML reports have every sentence. */
const MAX_QUOTED = 5;

/** GitHub's escaping for a command's message (as in @actions/core `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for a command property value (as in @actions/core `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** Where an annotation lands: the goal's own line in a draft; in a PDF, which has no lines, its page. */
function annotationLine(goal: Goal): number | undefined {
  if (typeof goal.line === 'number') return goal.line;
  return goal.page >= 1 ? goal.page : undefined;
}

/**
 * `--format github`: one workflow command per flag and per document that could not be analysed,
 * e.g. `::warning file=draft.md,line=5,title=…::…`: the goal's line in a Markdown or text draft (its paragraph
 * in a DOCX), its page in a PDF. Text from the document is made one line (control characters removed) before
 * GitHub's escaping.
 */
export function formatGithub(result: AnalysisResult): string {
  const lines: string[] = [];
  for (const document of result.documents) {
    const file = forwardSlashes(document.file);
    if (document.error) {
      const { code, message } = document.error;
      const title = `verkstad ${code === 'NO_GOALS' ? 'NO_GOALS' : 'DOCUMENT_ERROR'}`;
      lines.push(command('error', { file, title }, `${code}: ${oneLine(message)}`));
    }
    for (const goal of document.goals) {
      for (const flag of goal.flags) {
        const quoted = quotedSentences(goal, flag);
        const message = [
          oneLine(flag.message),
          ...quoted.slice(0, MAX_QUOTED).map((s) => `p. ${s.page} ${s.label}: “${truncate(oneLine(s.text), 300)}”`),
          ...(quoted.length > MAX_QUOTED ? [`… and ${quoted.length - MAX_QUOTED} more`] : []),
        ].join('\n');
        const properties = {
          file,
          line: annotationLine(goal),
          title: `verkstad ${flag.code}: ${truncate(oneLine(goal.title), 200)}`,
        };
        lines.push(command(COMMAND[flag.level], properties, message));
      }
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
