import { hasRole, type Vocabulary } from './vocabulary.js';

/**
 * KPI titles are compared by their words (a KPI repeated in a later panel, a commentary that opens by naming a
 * KPI): lower case, without the language's small words (`title-stop-word` in rules/), and every sign or word for
 * a share (`percentage-word`: "%", "proportion") as one and the same word.
 */
export const id = 'title-words';

/** What the share words become: "percentage", as it always was ("percent" in a commentary still meets it by its stem). */
const SHARE = 'percentage';

export function titleWords(title: string, v: Vocabulary): Set<string> {
  const words = new Set<string>();
  for (const w of title.toLowerCase().match(/[\p{L}\p{N}]+|%/gu) ?? []) {
    if (hasRole(w, 'percentage-word', v)) words.add(SHARE);
    else if (w.length > 1 && !hasRole(w, 'title-stop-word', v)) words.add(w);
  }
  return words;
}
