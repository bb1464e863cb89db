import type { Language } from '../model/result.js';

/**
 * Lexicon words that name a part of a compound: `-tagare` is any word whose last part is "tagare"
 * (hemtjänsttagare, insatstagarna), `lärar-` any word that opens with "lärar" (lärartäthet, lärarbehörighet).
 * Swedish writes its nouns together, so a report's word is often one no lexicon lists, while its head (who or
 * what it is) or its first part (whose it is) is one we know. Matched on the lower-cased word, not its stem:
 * the Porter stemmer cuts compounds unpredictably ("fastigheterna" → "fast").
 */

/**
 * The endings a head may carry after it (plural, definite, genitive). Irregular stems (tagare → tagarna) are
 * listed as their own heads in the lexicon.
 */
const ENDINGS: Record<Language, readonly string[]> = {
  sv: ['', 'n', 'en', 'et', 'na', 'er', 'erna', 'ar', 'arna', 'or', 'orna', 'r', 'rna', 's', 'ns', 'ens', 'ets', 'nas', 'ers', 'ernas', 'arnas', 'ornas'],
  en: ['', 's', 'es', "'s", "s'"],
};

/** A first part must leave at least this much of the word: "lärar-" should not match "lärare" itself. */
const MIN_REST = 3;

export interface CompoundPart { kind: 'head' | 'modifier'; part: string }

/** `-x` is a head, `x-` a first part; anything else is an ordinary word (null). */
export function compoundPart(word: string): CompoundPart | null {
  const w = word.trim().toLowerCase();
  if (w.length > 2 && w.startsWith('-') && !w.endsWith('-')) return { kind: 'head', part: w.slice(1) };
  if (w.length > 2 && w.endsWith('-') && !w.startsWith('-')) return { kind: 'modifier', part: w.slice(0, -1) };
  return null;
}

/** Finds, for a word, the ids registered for its heads and first parts; remembers each word's answer. */
export class CompoundIndex {
  private readonly heads = new Map<string, number[]>();
  private readonly modifiers = new Map<string, number[]>();
  private readonly memo = new Map<string, readonly number[]>();
  private minHead = Infinity;
  private maxHead = 0;
  private minModifier = Infinity;
  private maxModifier = 0;

  constructor(private readonly language: Language) {}

  add(part: CompoundPart, id: number): void {
    const map = part.kind === 'head' ? this.heads : this.modifiers;
    map.set(part.part, [...(map.get(part.part) ?? []), id]);
    const n = part.part.length;
    if (part.kind === 'head') { this.minHead = Math.min(this.minHead, n); this.maxHead = Math.max(this.maxHead, n); }
    else { this.minModifier = Math.min(this.minModifier, n); this.maxModifier = Math.max(this.maxModifier, n); }
  }

  get size(): number { return this.heads.size + this.modifiers.size; }

  /** The ids whose head ends the word (with an ending) or whose first part opens it. */
  match(word: string): readonly number[] {
    const known = this.memo.get(word);
    if (known) return known;
    const found = new Set<number>();
    for (const ending of ENDINGS[this.language]) {
      if (!word.endsWith(ending)) continue;
      const base = word.slice(0, word.length - ending.length);
      for (let n = this.minHead; n <= Math.min(this.maxHead, base.length); n++) {
        const ids = this.heads.get(base.slice(base.length - n));
        if (ids) for (const id of ids) found.add(id);
      }
    }
    for (let n = this.minModifier; n <= Math.min(this.maxModifier, word.length - MIN_REST); n++) {
      const ids = this.modifiers.get(word.slice(0, n));
      if (ids) for (const id of ids) found.add(id);
    }
    const out = [...found];
    if (this.memo.size > 200_000) this.memo.clear();
    this.memo.set(word, out);
    return out;
  }
}
