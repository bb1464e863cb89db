import type { AnalysisResult, DocumentResult, Goal, Label, Level, Sentence, Status } from '../model/result.js';
import { documentsSentence, indicatorLine, indicatorReading, isFlagged, quotedSentences, summarySentence, type QuotedSentence } from './goal-views.js';
import { oneLine, showBidiControls } from './plain-text.js';

export interface TextOptions {
  /** ANSI colours. The CLI decides (isTTY, NO_COLOR, FORCE_COLOR); the formatter only obeys. */
  colour: boolean;
  /** Also print the provenance: rule ids per sentence, how each status and orientation was read. */
  why?: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'magenta' | 'cyan';
const SGR: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  cyan: [36, 39],
};
const STATUS_STYLE: Record<Status, Style> = { green: 'green', yellow: 'yellow', red: 'red', unknown: 'dim' };
const LEVEL_STYLE: Record<Level, Style> = { error: 'red', warning: 'yellow', note: 'cyan' };
const LABEL_STYLE: Record<Label, Style> = {
  outcome: 'green',
  output: 'cyan',
  internal: 'yellow',
  intention: 'magenta',
  context: 'dim',
};

type Paint = (style: Style, text: string) => string;

function painter(colour: boolean): Paint {
  if (!colour) return (_style, text) => text;
  return (style, text) => `\u001b[${SGR[style][0]}m${text}\u001b[${SGR[style][1]}m`;
}

class TextWriter {
  readonly lines: string[] = [];
  constructor(
    readonly paint: Paint,
    readonly why: boolean,
  ) {}
  line(indent: number, text = ''): void {
    this.lines.push(text === '' ? '' : `${' '.repeat(indent)}${text}`);
  }
}

function statusWord(out: TextWriter, status: Status): string {
  return out.paint(STATUS_STYLE[status], status.toUpperCase().padEnd(7));
}

function goalLine(out: TextWriter, goal: Goal): string {
  const page = `p. ${goal.page}`.padEnd(7);
  return `${statusWord(out, goal.status)} ${page} ${out.paint('bold', oneLine(goal.title))}`;
}

function sentenceLine(out: TextWriter, indent: number, s: QuotedSentence | Sentence): void {
  const label = out.paint(LABEL_STYLE[s.label], s.label.padEnd(9));
  out.line(indent, `p. ${s.page}`.padEnd(7) + ` ${label}  “${oneLine(s.text)}”`);
  if (out.why && 'reasons' in s) {
    const reasons = s.reasons.length > 0 ? s.reasons.map(oneLine).join(', ') : 'no rule matched';
    out.line(indent + 8, out.paint('dim', `why: ${reasons} (confidence ${s.confidence.toFixed(2)})`));
  }
}

function goalProvenance(out: TextWriter, indent: number, goal: Goal): void {
  const dim = (text: string): void => out.line(indent, out.paint('dim', text));
  dim(`status ${goal.status} from ${oneLine(goal.statusSource)}: ${oneLine(goal.statusEvidence)}`);
  const orientation = goal.orientationReason ? oneLine(goal.orientationReason) : 'default';
  dim(`orientation ${goal.orientation} (${orientation}); evidence ${goal.evidence}`);
  if (goal.notFlaggedBecause) dim(`not flagged: ${oneLine(goal.notFlaggedBecause)}`);
  for (const indicator of goal.indicators) {
    const facing = indicator.residentFacing ? 'resident-facing' : 'not resident-facing';
    const values = indicator.values.map(oneLine).join(' | ');
    dim(`indicator p. ${indicator.page}: ${oneLine(indicator.name)} = ${values} (${indicator.status}, ${facing}): ${indicatorReading(indicator)}`);
  }
}

/** A flag quotes text, page and label only; the goal's own copy of the sentence carries the reasons. */
function withReasons(goal: Goal, quoted: QuotedSentence): QuotedSentence | Sentence {
  return goal.sentences.find((s) => s.text === quoted.text && s.page === quoted.page) ?? quoted;
}

function flaggedGoal(out: TextWriter, goal: Goal): void {
  out.line(4, goalLine(out, goal));
  for (const flag of goal.flags) {
    const level = out.paint(LEVEL_STYLE[flag.level], flag.level);
    out.line(6, `${level} ${flag.code}: ${oneLine(flag.message)}`);
    const quoted = quotedSentences(goal, flag);
    for (const sentence of quoted) sentenceLine(out, 8, out.why ? withReasons(goal, sentence) : sentence);
    for (const indicator of flag.indicators ?? []) out.line(8, oneLine(indicatorLine(indicator)));
    if (quoted.length === 0 && !flag.indicators) out.line(8, out.paint('dim', '(no justification text)'));
  }
  if (out.why) goalProvenance(out, 6, goal);
}

function otherGoal(out: TextWriter, goal: Goal): void {
  const notes = [goal.evidence, ...(goal.orientation === 'organisation' ? ['organisation goal'] : [])];
  out.line(4, `${goalLine(out, goal)} ${out.paint('dim', `(${notes.join(', ')})`)}`);
  if (!out.why) return;
  for (const sentence of goal.sentences) sentenceLine(out, 6, sentence);
  goalProvenance(out, 6, goal);
}

function documentBlock(out: TextWriter, document: DocumentResult): void {
  const pages = `${document.pages} ${document.pages === 1 ? 'page' : 'pages'}`;
  // A document that could not be read has no meaningful language or page count.
  const about = document.error && document.pages === 0 ? '' : ` ${out.paint('dim', `(${document.language}, ${pages})`)}`;
  out.line(0, `${out.paint('bold', oneLine(showBidiControls(document.file)))}${about}`);
  if (document.error) {
    out.line(2, `${out.paint('red', 'error')} ${document.error.code}: ${oneLine(showBidiControls(document.error.message))}`);
    if (document.goals.length === 0) return;
  }
  const flagged = document.goals.filter(isFlagged);
  const others = document.goals.filter((g) => !isFlagged(g));
  if (flagged.length > 0) {
    out.line(2, out.paint('bold', `Flagged (${flagged.length})`));
    for (const goal of flagged) flaggedGoal(out, goal);
  }
  if (others.length > 0) {
    out.line(2, out.paint('bold', flagged.length > 0 ? `Other goals (${others.length})` : `Goals (${others.length})`));
    for (const goal of others) otherGoal(out, goal);
  }
  out.line(2, summarySentence(document.summary));
}

/** `--format text`: for a terminal. Flagged goals first in each document, then the others, then a summary. */
export function formatText(result: AnalysisResult, options: TextOptions): string {
  const out = new TextWriter(painter(options.colour), options.why ?? false);
  for (const document of result.documents) {
    documentBlock(out, document);
    out.line(0);
  }
  const total = `${documentsSentence(result.summary)}; ${summarySentence(result.summary)}`;
  out.line(0, out.paint('bold', total));
  return `${out.lines.join('\n')}\n`;
}
