import type { Language, Status } from '../model/result.js';
import type { RuleSet, StatusRule, StructureRule } from '../ruleset/load.js';
import type { StructureRole } from '../ruleset/schema.js';

/** The rules the segment stage needs for one language, compiled for quick lookup. */
export interface Vocabulary {
  language: Language;
  statusWords: { phrase: string; status: Status; ruleId: string }[];
  /** Words that are a status only in a status column ("Met", "Achieved"). */
  columnStatusWords: { phrase: string; status: Status; ruleId: string }[];
  structure: StructureRule[];
}

export function vocabularyFor(rules: RuleSet, language: Language): Vocabulary {
  const words = (column: boolean) =>
    rules.rules
      .filter((r): r is StatusRule => r.kind === 'status' && r.language === language && r.onlyInStatusColumn === column)
      .flatMap((r) => r.words.map((w) => ({ phrase: normalise(w), status: r.status, ruleId: r.id })))
      .sort((a, b) => b.phrase.length - a.phrase.length);
  return {
    language,
    statusWords: words(false),
    columnStatusWords: words(true),
    structure: rules.rules.filter((r): r is StructureRule => r.kind === 'structure' && r.language === language),
  };
}

export const normalise = (s: string) =>
  s.toLowerCase().replace(/[\u2018\u2019\u201c\u201d"'*]/g, '').replace(/\s+/g, ' ').replace(/^[\s:–-]+|[\s.:;!–-]+$/g, '').trim();

/** The status a short text states on its own ("Uppfyllt", "GREEN", "Status: grön", "Bedömning: Delvis uppfyllt"). */
export function statusOfText(text: string, v: Vocabulary, inStatusColumn = false): { status: Status; ruleId: string } | null {
  let t = normalise(text);
  const labelled = /^(status|bedömning|måluppfyllelse|rag|rag status|rating|bedömd måluppfyllelse)\s*[:=]\s*(.+)$/.exec(t);
  if (labelled) t = labelled[2];
  if (t.length > 60) return null;
  for (const w of v.statusWords) if (t === w.phrase) return { status: w.status, ruleId: w.ruleId };
  if (inStatusColumn || labelled) for (const w of v.columnStatusWords) if (t === w.phrase) return { status: w.status, ruleId: w.ruleId };
  return null;
}

/** A status stated as a sentence inside text: "Målet bedöms uppnås." Only phrases of two words or more count. */
export function statusInSentence(text: string, v: Vocabulary): { status: Status; ruleId: string } | null {
  const t = ` ${normalise(text)} `;
  for (const w of v.statusWords) {
    if (w.phrase.split(' ').length < 3 && !/^(status|bedömning)/.test(normalise(text))) continue;
    if (t.includes(` ${w.phrase} `)) return { status: w.status, ruleId: w.ruleId };
  }
  return null;
}

export function hasRole(text: string, role: StructureRole, v: Vocabulary): StructureRule | null {
  const t = text.trim();
  for (const r of v.structure) if (r.role === role && r.regexes.some((re) => re.test(t))) return r;
  return null;
}
