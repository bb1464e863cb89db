import type { AnalysisResult, DocumentResult, Goal } from '../model/result.js';
import { documentsSentence, indicatorLine, isFlagged, quotedSentences, summarySentence } from './goal-views.js';
import { oneLine } from './plain-text.js';

/**
 * Markdown for text from a PDF: one line, and every character that could start markup inline is
 * backslash-escaped (CommonMark allows that for any ASCII punctuation), so `<script>` stays text,
 * `|` cannot split a table cell and `*`, `_`, `[`, `$` cannot format, link or typeset.
 */
function md(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~&#$]/g, '\\$&');
}

const LANGUAGE_NAMES = { sv: 'Swedish', en: 'English' } as const;

function flaggedGoal(goal: Goal): string[] {
  const lines = [`#### ${md(goal.title)}`, ''];
  lines.push(`Status **${goal.status}**, page ${goal.page}, goal about ${goal.orientation}.`, '');
  for (const flag of goal.flags) {
    lines.push(`**${flag.code}** (${flag.level}): ${md(flag.message)}`, '');
    const quoted = quotedSentences(goal, flag);
    if (flag.indicators) lines.push(...flag.indicators.map((i) => `- ${md(indicatorLine(i))}`), '');
    else if (quoted.length === 0) lines.push('_No justification text under the goal._', '');
    else lines.push(...quoted.map((s) => `- p. ${s.page}, *${s.label}*: “${md(s.text)}”`), '');
  }
  return lines;
}

function goalTable(goals: readonly Goal[]): string[] {
  const lines = [
    '| Page | Status | Title | Orientation | Evidence | Flag |',
    '| ---: | --- | --- | --- | --- | --- |',
  ];
  for (const goal of goals) {
    const flags = goal.flags.map((f) => `**${f.code}**`).join(', ');
    lines.push(`| ${goal.page} | ${goal.status} | ${md(goal.title)} | ${goal.orientation} | ${goal.evidence} | ${flags} |`);
  }
  return lines;
}

function documentSection(document: DocumentResult): string[] {
  const lines = [`## ${md(document.file)}`, ''];
  if (document.error) {
    lines.push(`**Could not be analysed:** ${document.error.code}: ${md(document.error.message)}`, '');
  }
  if (document.goals.length === 0 && document.error) return lines;
  const pages = `${document.pages} ${document.pages === 1 ? 'page' : 'pages'}`;
  lines.push(`${LANGUAGE_NAMES[document.language]}, ${pages}. ${summarySentence(document.summary)}.`, '');
  if (document.goals.length === 0) return lines;
  const flagged = document.goals.filter(isFlagged);
  lines.push('### Flagged goals', '');
  if (flagged.length === 0) lines.push('No goal is flagged.', '');
  for (const goal of flagged) lines.push(...flaggedGoal(goal));
  lines.push('### All goals', '', ...goalTable(document.goals), '');
  return lines;
}

/** `--format md`: per document a heading, a summary, the flagged goals with their quotes, then a table of all goals. */
export function formatMarkdown(result: AnalysisResult): string {
  const lines = [
    '# verkstad report',
    '',
    `verkstad ${md(result.tool.version)}: ${documentsSentence(result.summary)}; ${summarySentence(result.summary)}.`,
    '',
  ];
  for (const document of result.documents) lines.push(...documentSection(document));
  return `${lines.join('\n').trimEnd()}\n`;
}
