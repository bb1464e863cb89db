import type { Row } from '../model/layout.js';
import { clean } from './plain-text.js';
import { THRESHOLDS } from './thresholds.js';

/**
 * Goal tables of Swedish reports group their goals under rows that are headings inside the table ("Målområde:
 * Välfungerande organisation", "04 Hav och marina resurser"): one short cell, no full sentence, set bold, larger
 * than the body text or numbered like a heading. Such a row opens a section (which orientation reads) and is no
 * goal's commentary.
 */
export const id = 'section-row';

const NUMBERED_HEADING = /^\d{1,2}(\.\d{1,2})*\.?\s+\p{Lu}/u;

export function isSectionRow(r: Row, bodyFontSize: number): boolean {
  const cells = r.cells.filter((c) => c.text);
  if (cells.length !== 1) return false;
  const text = clean(cells[0].text);
  const lines = cells[0].lines;
  if (!lines.length || lines.length > THRESHOLDS.sectionRowMaxLines || text.split(' ').length > THRESHOLDS.sectionRowMaxWords || /[.!?]$/.test(text)) return false;
  return lines.every((l) => l.bold) || lines.every((l) => l.fontSize >= bodyFontSize * THRESHOLDS.sectionRowFontRatio) || NUMBERED_HEADING.test(text);
}
