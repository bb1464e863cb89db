import type { DraftBlock } from './draft.js';

/**
 * Many people set a goal's title in bold instead of giving it a heading style ("**Mål 2: Fler äldre ska kunna bo
 * kvar hemma**", a bold Word paragraph). A short paragraph bold throughout that reads as a title is a heading, one
 * level below any styled heading. Bold labels stay paragraphs: "Kommentar:" ends in a colon, "Status: grön" is a
 * label with a value of a word or two, and a bold sentence ends in a full stop.
 */
const TITLE_LEVEL = 4;
const MAX_LINES = 2;
const MAX_WORDS = 25;
/** "Status: grön", "Bedömning: Delvis uppfyllt", "RAG: Amber": a label and a short value, not a title. */
const LABEL_AND_VALUE = /^[^:]{1,40}:\s*\S+(?:\s+\S+){0,2}$/u;

export function boldTitlesToHeadings(blocks: DraftBlock[]): DraftBlock[] {
  return blocks.map((b) => {
    if (b.kind !== 'paragraph' || b.lines.length > MAX_LINES || !b.lines.every((l) => l.bold)) return b;
    const text = b.lines.map((l) => l.text).join(' ');
    if (text.split(/\s+/).length > MAX_WORDS || /[.!?:;]$/.test(text) || LABEL_AND_VALUE.test(text)) return b;
    return { kind: 'heading', level: TITLE_LEVEL, lines: b.lines };
  });
}
