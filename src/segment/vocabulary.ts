import type { Language, Status } from '../model/result.js';
import type { IndicatorRule, RuleSet, StatusRule, StructureRule } from '../ruleset/load.js';
import type { StructureRole } from '../ruleset/schema.js';
import { THRESHOLDS } from './thresholds.js';

/**
 * The words that label a status ("Status", "Bedömning", "RAG": the `status-label` role), placed in the few
 * shapes the heuristics look for them in. The rules give the words; where they stand is the heuristics' business.
 */
export interface StatusLabelPatterns {
  /** "bedömning: delvis uppfyllt" (normalised): the label, a colon or "=", and the status in the group `status`. */
  beforeStatus: RegExp;
  /** The text opens with a label, also inside a longer word ("Bedömningen är …"). */
  opens: RegExp;
  /** The text opens with a label as a whole word ("Status: …", "RAG rating …"). */
  opensAsWord: RegExp;
  /** A label anywhere in the text. */
  anywhere: RegExp;
  /** "Trygg skola – Status: Uppfyllt": a title (group `title`) ending in a label, a colon and one more part. */
  endsTitle: RegExp;
  /** "– Status:" at the start of what follows a title. */
  leads: RegExp;
}

/** The rules the segment stage needs for one language, compiled for quick lookup. */
export interface Vocabulary {
  language: Language;
  statusWords: { phrase: string; status: Status; ruleId: string }[];
  /** Words that are a status only in a status column ("Met", "Achieved"). */
  columnStatusWords: { phrase: string; status: Status; ruleId: string }[];
  structure: StructureRule[];
  statusLabel: StatusLabelPatterns;
  /** The words around indicator figures (indicator-values*.ts compiles them). */
  indicatorWords: IndicatorRule[];
}

export function vocabularyFor(rules: RuleSet, language: Language): Vocabulary {
  const words = (column: boolean) =>
    rules.rules
      .filter((r): r is StatusRule => r.kind === 'status' && r.language === language && r.onlyInStatusColumn === column)
      .flatMap((r) => r.words.map((w) => ({ phrase: normalise(w), status: r.status, ruleId: r.id })))
      .sort((a, b) => b.phrase.length - a.phrase.length);
  const structure = rules.rules.filter((r): r is StructureRule => r.kind === 'structure' && r.language === language);
  const indicatorWords = rules.rules.filter((r): r is IndicatorRule => r.kind === 'indicator' && r.language === language);
  return { language, statusWords: words(false), columnStatusWords: words(true), structure, statusLabel: statusLabelPatterns(structure), indicatorWords };
}

function statusLabelPatterns(structure: StructureRule[]): StatusLabelPatterns {
  const sources = structure.filter((r) => r.role === 'status-label').flatMap((r) => r.regexes.map((re) => `(?:${re.source})`));
  // A language without status labels: patterns that never match.
  const label = sources.length ? `(?:${sources.join('|')})` : '(?!)';
  const re = (pattern: string) => new RegExp(pattern, 'iu');
  return {
    beforeStatus: re(`^${label}\\s*[:=]\\s*(?<status>.+)$`),
    opens: re(`^${label}`),
    opensAsWord: re(`^${label}(?![\\p{L}\\p{N}_])`),
    anywhere: re(label),
    endsTitle: re(`^(?<title>.*?)[\\s–-]*${label}\\s*:\\s*[^:]+$`),
    leads: re(`^[\\s–-]*${label}\\s*:`),
  };
}

export const normalise = (s: string) =>
  s.toLowerCase().replace(/[\u2018\u2019\u201c\u201d"'*]/g, '').replace(/\s+/g, ' ').replace(/^[\s:–-]+|[\s.:;!–-]+$/g, '').trim();

/**
 * The status a short text states on its own ("Uppfyllt", "GREEN", "Status: grön", "Bedömning: Delvis uppfyllt"), or
 * as the answer to a status column's header before a colon ("Uppnått: Delvis", "Uppfyllt: Ja", "Achieved: Yes").
 */
export function statusOfText(text: string, v: Vocabulary, inStatusColumn = false): { status: Status; ruleId: string } | null {
  let t = normalise(text);
  const labelled = v.statusLabel.beforeStatus.exec(t)?.groups!.status ?? answerToStatusHeader(t, v);
  if (labelled) t = labelled;
  if (t.length > THRESHOLDS.statusTextMaxChars) return null;
  for (const w of v.statusWords) if (t === w.phrase) return { status: w.status, ruleId: w.ruleId };
  if (inStatusColumn || labelled) for (const w of v.columnStatusWords) if (t === w.phrase) return { status: w.status, ruleId: w.ruleId };
  return null;
}

/** "uppnått: delvis" → "delvis": what follows a status column's header and a colon. */
function answerToStatusHeader(t: string, v: Vocabulary): string | null {
  const colon = t.indexOf(':');
  if (colon < 1) return null;
  const answer = t.slice(colon + 1).trim();
  return answer && hasRole(t.slice(0, colon), 'status-header', v) ? answer : null;
}

/**
 * A status stated as a sentence inside text: "Målet bedöms uppnås." Only phrases of three words or more count,
 * unless the text opens with a status label ("Bedömningen: uppfyllt"), where one word is the status.
 */
export function statusInSentence(text: string, v: Vocabulary): { status: Status; ruleId: string } | null {
  const t = ` ${normalise(text)} `;
  const labelled = v.statusLabel.opens.test(normalise(text));
  for (const w of v.statusWords) {
    if (w.phrase.split(' ').length < THRESHOLDS.sentenceStatusMinWords && !labelled) continue;
    if (t.includes(` ${w.phrase} `)) return { status: w.status, ruleId: w.ruleId };
  }
  return null;
}

export function hasRole(text: string, role: StructureRole, v: Vocabulary): StructureRule | null {
  const t = text.trim();
  for (const r of v.structure) if (r.role === role && r.regexes.some((re) => re.test(t))) return r;
  return null;
}
