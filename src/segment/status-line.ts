import { STATUS_GLYPH_CHARS } from '../model/symbols.js';
import { THRESHOLDS } from './thresholds.js';
import { titleText } from './title-text.js';
import { hasRole, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * A line that states a status instead of naming a goal: a legend entry ("● Delvis uppfyllt – utvecklingen går i
 * rätt riktning", "G = on track") or a goal's status line under its heading ("⬤ On track ↑", "Bedömning: ●",
 * "Måluppfyllelse [icon]"). It opens with a status phrase, or is a status label with the symbol beside it.
 */
export const id = 'status-line';

/** "Bedömning: ●": the colon and symbol after a status label. */
const TRAILING_LABEL_END = new RegExp(`[:\\s${STATUS_GLYPH_CHARS}]+$`, 'u');

/** `text` as cleaned (one space between words). */
export function isStatusLine(text: string, v: Vocabulary): boolean {
  return leadingStatusPhrase(titleText(text), v) || Boolean(hasRole(text.replace(TRAILING_LABEL_END, ''), 'status-header', v));
}

/** Does the text open with a status phrase ("Delvis uppfyllt – …", "On track", "G = on track")? */
export function leadingStatusPhrase(text: string, v: Vocabulary): boolean {
  const words = text.split(/\s+/);
  for (let n = Math.min(THRESHOLDS.statusPhraseMaxWords, words.length); n >= 1; n--) {
    const phrase = words.slice(0, n).join(' ').replace(/[–:=-]+$/, '');
    if (!statusOfText(phrase, v)) continue;
    // A lone letter (G/A/R, the article "A") counts only as a key: "A = at risk".
    if (phrase.length <= 1) return n === words.length || /^[=:–-]/.test(words[n] ?? '') || /[=:–-]$/.test(words[n - 1]);
    return true;
  }
  return false;
}
