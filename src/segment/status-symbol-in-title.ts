import { clean } from './plain-text.js';
import type { StatusFound } from './status.js';
import { isStatusLine } from './status-line.js';
import { THRESHOLDS } from './thresholds.js';
import type { TextUnit } from './units.js';
import { statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Swedish annual reports draw the assessment as a smiley beside the goal ("☺ Fler invånare sorterar sitt avfall",
 * "Trygg skola 😐"): a character, often black, whose face is the status whatever its colour (`glad-gubbe`,
 * `neutral-gubbe`, `ledsen-gubbe` in rules/<lang>/status.yaml). A title that opens or ends with one such symbol
 * takes its status from it and keeps the rest as its title. A line with several is a key ("☺ Uppfyllt 😐 Delvis
 * uppfyllt ☹ Ej uppfyllt"), and one whose rest is a status phrase a key entry: neither is a goal.
 */
export const id = 'status-symbol-in-title';

const isSymbol = (token: string) => !/[\p{L}\p{N}]/u.test(token);

export function statusSymbolInTitle(text: string, page: number, v: Vocabulary): { status: StatusFound; title: string } | null {
  const tokens = clean(text).split(' ');
  const found = tokens.map((t, k) => ({ k, s: isSymbol(t) ? statusOfText(t, v) : null })).filter((x) => x.s);
  if (found.length !== 1 || tokens.length < 2) return null;
  const { k, s } = found[0];
  if (k !== 0 && k !== tokens.length - 1) return null;
  const title = tokens.filter((_, j) => j !== k).join(' ');
  if (isStatusLine(title, v)) return null;
  return { status: { status: s!.status, statusSource: 'word', statusEvidence: `"${tokens[k]}" beside the title on page ${page} (${s!.ruleId})` }, title };
}

/** A short paragraph that opens or ends with a status symbol is a goal's title, as a marked one is (marked-title). */
export function isSymbolTitle(u: TextUnit, v: Vocabulary): boolean {
  if (u.lines.length > THRESHOLDS.markedTitleMaxLines || u.text.split(/\s+/).length > THRESHOLDS.markedTitleMaxWords) return false;
  return statusSymbolInTitle(u.text, u.page, v) !== null;
}
