import { createRequire } from 'node:module';
import type { Language } from '../model/result.js';
import type { EvidenceRule } from '../ruleset/load.js';

const require = createRequire(import.meta.url);

interface Stemmer { stem(word: string): string }
const stemmers: Partial<Record<Language, Stemmer>> = {};

/** natural's Porter stemmers, imported by path: `import 'natural'` prints dotenv noise and loads database clients. */
export function stemmerFor(language: Language): Stemmer {
  if (!stemmers[language]) {
    const stemmer = require(
      language === 'sv' ? 'natural/lib/natural/stemmers/porter_stemmer_sv' : 'natural/lib/natural/stemmers/porter_stemmer',
    ) as Stemmer;
    // Reports repeat their words: remember each word's stem (bounded, so an archive cannot grow it forever).
    const memo = new Map<string, string>();
    stemmers[language] = {
      stem(word: string): string {
        let s = memo.get(word);
        if (s === undefined) {
          s = stemmer.stem(word);
          if (memo.size > 200_000) memo.clear();
          memo.set(word, s);
        }
        return s;
      },
    };
  }
  return stemmers[language]!;
}

const NEGATIONS = new Set(['inte', 'ej', 'icke', 'aldrig', 'ingen', 'inga', 'inget', 'not', 'no', 'never', "n't", 'cannot', 'without', 'utan']);

/** Words split on anything that is not a letter or digit (so å, ä and ö stay inside words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The model's view of a sentence: stems, negations kept as NEG, numbers as NUM and percentages as PCT. */
export function tokens(text: string, language: Language): string[] {
  const stemmer = stemmerFor(language);
  const out: string[] = [];
  for (const w of words(text)) {
    if (NEGATIONS.has(w)) { out.push('NEG'); continue; }
    if (/^\d/.test(w)) { out.push('NUM'); continue; }
    if (w.length < 2) continue;
    out.push(stemmer.stem(w));
  }
  if (/%|procent|per cent|percent/i.test(text)) out.push('PCT');
  return out;
}

export interface RuleHit { rule: EvidenceRule }

/** Compiled lexicon entries: each word or phrase as a sequence of stems. */
export function compileLexicon(rule: EvidenceRule): string[][] {
  const stemmer = stemmerFor(rule.language);
  return rule.words.map((w) => words(w).map((x) => stemmer.stem(x)));
}

export function matchRule(rule: EvidenceRule, text: string, stems: string[], lexicon: string[][] | undefined): boolean {
  if (rule.kind === 'pattern') return rule.regexes.some((re) => re.test(text));
  if (!lexicon) return false;
  for (const seq of lexicon) {
    if (!seq.length) continue;
    for (let i = 0; i + seq.length <= stems.length; i++) {
      let ok = true;
      for (let k = 0; k < seq.length; k++) if (stems[i + k] !== seq[k]) { ok = false; break; }
      if (ok) return true;
    }
  }
  return false;
}

export function plainStems(text: string, language: Language): string[] {
  const stemmer = stemmerFor(language);
  return words(text).map((w) => stemmer.stem(w));
}
