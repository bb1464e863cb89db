import type { StatusFound } from './status.js';
import { normalise, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Headings that carry their status in words after a dash or colon, with a status label elsewhere in the heading
 * ("Trygg skola (bedömning) – Uppfyllt"). As written, a label directly before the status ("Trygg skola – Status:
 * Uppfyllt") is not read here (the goal needs a status from its marks or the line below); `stripStatusLabel`
 * takes such a trailing "– Status: Uppfyllt" off the title wherever the status came from.
 */
export const id = 'status-in-heading';

export function statusInHeading(text: string, v: Vocabulary): StatusFound | null {
  const inTitle = /[:–-]\s*([^:–-]+)$/.exec(text);
  if (!inTitle) return null;
  const s = statusOfText(inTitle[1], v);
  if (!s) return null;
  const beforeStatus = text.split(/[:–-]/).slice(-2, -1)[0] ?? '';
  if (v.statusLabel.opens.test(normalise(beforeStatus)) || !v.statusLabel.anywhere.test(text)) return null;
  return { status: s.status, statusSource: 'word', statusEvidence: `"${inTitle[1].trim()}" in the heading (${s.ruleId})` };
}

/** "Trygg skola – Status: Uppfyllt" → "Trygg skola": a status written after the title, with its label. */
export function stripStatusLabel(title: string, v: Vocabulary): string {
  const m = v.statusLabel.endsTitle.exec(title);
  if (!m) return title;
  const before = m.groups!.title;
  return statusOfText(title.slice(before.length).replace(v.statusLabel.leads, ''), v) ? before.trim() : title;
}
