/**
 * How alike two goal titles are: the Dice coefficient of their sets of word stems. Goal numbers ("Mål 2.1", "3."),
 * punctuation and case do not count, nor the few function words every title has; a word counts by its first
 * letters (OVER_TIME.stemLength), which is enough to match the inflections a rewording brings.
 */
import { OVER_TIME } from './thresholds.js';

/**
 * Words that are in titles for grammar, not meaning (Swedish and English). Kept here, not in rules/, because they
 * are no vocabulary of reports: any other function word only lowers a score a little.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'och', 'att', 'för', 'som', 'med', 'till', 'den', 'det', 'ska', 'skall', 'vara', 'har', 'mål', 'alla', 'våra', 'vår', 'vårt',
  'the', 'and', 'for', 'with', 'are', 'our', 'will', 'all', 'goal', 'that', 'from',
]);

/** The word stems of a title. */
export function titleStems(title: string): Set<string> {
  const stems = new Set<string>();
  for (const word of title.normalize('NFKC').toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (word.length < OVER_TIME.minWordLength || FUNCTION_WORDS.has(word)) continue;
    stems.add(word.slice(0, OVER_TIME.stemLength));
  }
  return stems;
}

/** 2|A∩B| / (|A|+|B|): 1 for the same stems, 0 for none shared (and for two titles without any). */
export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return (2 * shared) / (a.size + b.size);
}
