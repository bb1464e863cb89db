import { THRESHOLDS } from './thresholds.js';
import { hasRole, type Vocabulary } from './vocabulary.js';

/**
 * Labels that open a goal's written justification: "Kommentar:", "Analys", "Nämndens bedömning:" in Swedish
 * reports (alone on a line, as a heading, as a table row or before the text), "Commentary:" in English ones. The
 * label is no evidence: it is taken off, and a bare label is dropped.
 */
export const id = 'justification-label';

const LABEL = `[^:]{${THRESHOLDS.labelMinChars},${THRESHOLDS.labelMaxChars}}`;
const LABEL_BEFORE_COLON = new RegExp(`^(${LABEL}):\\s*(.*)$`);
const OPENS_WITH_LABEL = new RegExp(`^${LABEL}:`);

/** The text without its label; '' when it is only a label. */
export function stripLabel(text: string, v: Vocabulary): string {
  const m = LABEL_BEFORE_COLON.exec(text);
  if (m && hasRole(m[1], 'justification-label', v)) return m[2];
  if (hasRole(text, 'justification-label', v) && !text.includes(':')) return '';
  return text;
}

/** Is the text a label, or does it open with one before a colon ("Kommentar: Arbetet har fortsatt.")? */
export function opensWithLabel(text: string, v: Vocabulary): boolean {
  return Boolean(hasRole(text, 'justification-label', v) || (OPENS_WITH_LABEL.test(text) && hasRole(text.split(':')[0], 'justification-label', v)));
}

/** A heading that is a label with text after it ("Kommentar: Arbetet har fortsatt."): the text, else null. */
export function textAfterLabelHeading(title: string): string | null {
  const rest = title.replace(/^[^:]*:\s*/, '');
  return rest !== title && rest ? rest : null;
}
