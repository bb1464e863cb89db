import type { DraftBlock, DraftLine } from './draft.js';

/**
 * Drafts written as fields, one to a line, with or without blank lines between them:
 *
 *     Mål: Fler invånare ska cykla            Goal: More residents recycle
 *     Status: grön                            Status: Green
 *     Kommentar: En cykelstrategi …           Comment: A new contract …
 *
 * Each field becomes a paragraph of its own (so a status line heads its paragraph, as under a heading), and a goal
 * field becomes the heading it stands for, its label dropped as Markdown's `#` is. The labels below are the draft
 * format's own keywords, not report vocabulary: the segment stage's `goal-header` words also name table columns,
 * and English reports' do not include "Goal".
 */
const FIELD = /^(\p{Lu}[\p{L}\p{N}./–-]*(?:\s+[\p{L}\p{N}./–-]+){0,3})\s*:(?:\s+(.*))?$/u;
/** "Mål 2", "Nämndmål 1.3", "KF-mål nr 4": a goal label, with the goal's number where it has one. */
const NUMBER = String.raw`(?:\s+(?:nr\.?\s*)?\p{N}[\p{N}.]*\p{L}?)?`;
const GOAL_LABEL = new RegExp(
  String.raw`^(?:mål|nämndmål|verksamhetsmål|delmål|inriktningsmål|effektmål|resultatmål|förvaltningsmål|kf-mål|kommunfullmäktiges mål|strategiskt mål|prioriterat mål|goal|objective|kpi|key performance indicator)${NUMBER}$`,
  'iu',
);
/** Labels of a group of goals: a heading above them, and a goal itself only where a status follows it. */
const SECTION_LABEL = new RegExp(String.raw`^(?:målområde|fokusområde|perspektiv|strategiskt område|priority|theme)${NUMBER}$`, 'iu');
const GOAL_LEVEL = 3;
const SECTION_LEVEL = 2;

/** A title reads as words ("Fler ska cykla"), not as a value ("Mål: 85 %" is a target, not a goal). */
const readsAsTitle = (s: string) => /\p{L}{2,}.*\s+.*\p{L}{2,}/u.test(s);

export function labelledFieldsToBlocks(blocks: DraftBlock[]): DraftBlock[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? fieldsOf(b.lines) : [b]));
}

function fieldsOf(lines: DraftLine[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  let current: DraftLine[] = [];
  const flush = () => {
    if (current.length) out.push({ kind: 'paragraph', lines: current });
    current = [];
  };
  for (const l of lines) {
    const m = FIELD.exec(l.text);
    if (!m) {
      const last = out[out.length - 1];
      // A title wrapped onto the next line goes on in lower case; a capital starts the goal's text.
      if (!current.length && last?.kind === 'heading' && /^\p{Ll}/u.test(l.text)) last.lines.push(l);
      else current.push(l);
      continue;
    }
    flush();
    const [, label, value = ''] = m;
    const level = GOAL_LABEL.test(label) ? GOAL_LEVEL : SECTION_LABEL.test(label) ? SECTION_LEVEL : 0;
    if (level && readsAsTitle(value)) out.push({ kind: 'heading', level, lines: [{ ...l, text: value.trim(), bold: true }] });
    else current.push(l);
  }
  flush();
  return out;
}
