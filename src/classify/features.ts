import { createRequire } from 'node:module';
import type { Language } from '../model/result.js';
import type { EvidenceRule } from '../ruleset/load.js';
import { CompoundIndex, compoundPart, type CompoundPart } from './compounds.js';

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
  return tokensOf(text, words(text), stemmerFor(language));
}

/** `tokens` from the sentence's words and their stems, when the caller has them already. */
export function tokensOf(text: string, sentenceWords: readonly string[], stemmer: Stemmer): string[] {
  const out: string[] = [];
  for (const w of sentenceWords) {
    if (NEGATIONS.has(w)) { out.push('NEG'); continue; }
    if (/^\d/.test(w)) { out.push('NUM'); continue; }
    if (w.length < 2) continue;
    out.push(stemmer.stem(w));
  }
  if (/%|procent|per cent|percent/i.test(text)) out.push('PCT');
  return out;
}

/** Which features the model sees besides the stems and the fired rules; stored in the model file. */
export interface FeatureOptions {
  /** Pairs of neighbouring tokens ("ha_minsk", "NEG_genomför"): word order the stems alone lose. */
  bigrams: boolean;
  /**
   * The sentence's first token, marked ("^målet"). Off: it fitted the corpus's openings ("Under året har …" →
   * output) more than real text's, measured on the dev split and the real set's tuning half.
   */
  first: boolean;
  /**
   * Rule features starting with this prefix (the word classes, `rules/<lang>/word-classes.yaml`) are also given
   * in pairs ("pair:wc-resident+wc-change"): who or what was measured and what was said of it decide together
   * where either alone does not, and a pair of classes carries over to nouns no corpus sentence used.
   * Absent in model files from before the word classes.
   */
  pairsOf?: string;
}

export const DEFAULT_FEATURES: FeatureOptions = { bigrams: true, first: false, pairsOf: 'wc-' };

/** The model's input: tokens, optional bigrams and opening, the ids and features of the rules that fired, and pairs. */
export function modelFeatures(toks: readonly string[], ruleFeatures: Iterable<string>, opts: FeatureOptions): string[] {
  const out = [...toks];
  if (opts.bigrams) for (let i = 1; i < toks.length; i++) if (toks[i] !== 'PCT') out.push(`${toks[i - 1]}_${toks[i]}`);
  if (opts.first && toks.length) out.push(`^${toks[0]}`);
  const fired = [...ruleFeatures];
  for (const f of fired) out.push(`rule:${f}`);
  if (opts.pairsOf) {
    const classes = fired.filter((f) => f.startsWith(opts.pairsOf!)).sort();
    for (let i = 0; i < classes.length; i++) for (let j = i + 1; j < classes.length; j++) out.push(`pair:${classes[i]}+${classes[j]}`);
  }
  return out;
}

/** Compiled lexicon entries: each word or phrase as a sequence of stems, and the compound parts (`compounds.ts`). */
export interface CompiledLexicon { phrases: string[][]; parts: CompoundPart[] }

export function compileLexicon(rule: EvidenceRule): CompiledLexicon {
  const stemmer = stemmerFor(rule.language);
  const phrases: string[][] = [];
  const parts: CompoundPart[] = [];
  for (const w of rule.words) {
    const part = compoundPart(w);
    if (part) parts.push(part);
    else phrases.push(words(w).map((x) => stemmer.stem(x)));
  }
  return { phrases, parts };
}

/**
 * The lexicon entries of many rules, indexed by their first stem, so that a sentence is scanned once for all of
 * them instead of once per entry (~200 entries per language); compound parts in their own index.
 */
export class LexiconIndex {
  private readonly byFirst = new Map<string, { rule: number; seq: string[] }[]>();
  private readonly compounds: CompoundIndex;

  /** `lexicons[i]` holds rule i's entries (undefined for a rule that is not a lexicon). */
  constructor(language: Language, lexicons: readonly (CompiledLexicon | undefined)[]) {
    this.compounds = new CompoundIndex(language);
    lexicons.forEach((lexicon, rule) => {
      for (const seq of lexicon?.phrases ?? []) {
        if (!seq.length) continue;
        const list = this.byFirst.get(seq[0]!);
        if (list) list.push({ rule, seq });
        else this.byFirst.set(seq[0]!, [{ rule, seq }]);
      }
      for (const part of lexicon?.parts ?? []) this.compounds.add(part, rule);
    });
  }

  /** The rules with an entry that occurs in `stems` as a run of consecutive stems, or as a part of one of `sentenceWords`. */
  matches(stems: readonly string[], sentenceWords: readonly string[] = []): Set<number> {
    const hits = new Set<number>();
    for (let i = 0; i < stems.length; i++) {
      const candidates = this.byFirst.get(stems[i]!);
      if (candidates) {
        for (const { rule, seq } of candidates) {
          if (hits.has(rule) || i + seq.length > stems.length) continue;
          let k = 1;
          while (k < seq.length && stems[i + k] === seq[k]) k++;
          if (k === seq.length) hits.add(rule);
        }
      }
      if (this.compounds.size && i < sentenceWords.length) for (const rule of this.compounds.match(sentenceWords[i]!)) hits.add(rule);
    }
    return hits;
  }
}
