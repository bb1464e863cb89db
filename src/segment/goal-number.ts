import { titleText } from './title-text.js';
import { hasRole, type Vocabulary } from './vocabulary.js';

/**
 * Reports number their goals in the heading or cell that names them ("Mål 2: Fler äldre deltar i föreningslivet",
 * "Goal 3 – Residents can find good jobs", "Well-being Objective 1: …", "KF-mål 4. …"). The number is the report's
 * filing, not the goal's words: the title is what follows it. The word before the number must be one the report
 * uses for a goal (`goal-header` in rules/), so "Kapitel 3:" or "Bilaga 2." stay as they are; a four-digit number
 * is a year ("Mål 2030: …" keeps its year). Reports that number their headings as an outline ("1.2 Fler ska resa
 * kollektivt, gå eller cykla", "2.1 Residents feel safe") file the goal by the number alone: a number of two levels or
 * more before a capital is the outline's, not the goal's words; a number of one level ("3 Fler …", "1 000 bostäder")
 * may be the goal's own, and stays.
 */
export const id = 'goal-number';

const NUMBERED = /^(?<word>[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+\d{1,3}(?:\.\d{1,3})*[a-z]?(?:\s*[:.)–-]\s*|\s+(?=\p{Lu}))(?<rest>\S.*)$/u;

const OUTLINE = /^\d{1,2}(?:\.\d{1,2})+\.?\s+(?<rest>\p{Lu}.*)$/u;

/** The title without a leading goal number. */
export function withoutGoalNumber(title: string, v: Vocabulary): string {
  const outline = OUTLINE.exec(title);
  if (outline?.groups) return outline.groups.rest;
  const m = NUMBERED.exec(title);
  if (!m?.groups) return title;
  const word = m.groups.word.split(/\s+/).pop()!;
  return hasRole(word, 'goal-header', v) ? m.groups.rest : title;
}

/** A goal's title from the text that names it: without status symbols (title-text) and without its number. */
export const goalTitle = (text: string, v: Vocabulary) => withoutGoalNumber(titleText(text), v);
