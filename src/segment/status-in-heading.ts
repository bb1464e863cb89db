import type { StatusFound } from './status.js';
import { normalise, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Headings that carry their status in words at their end: after a status label ("Trygg skola – Status: Uppfyllt",
 * "Residents feel safe - RAG: Green"), or after a dash with a status label elsewhere in the heading ("Trygg skola
 * (bedömning) – Uppfyllt"). A heading that is only a label and its status ("Bedömning: Uppfyllt") names no goal:
 * it is a status line (status-following reads it for the heading above). Without a label anywhere, a status word
 * after a dash is part of the title ("Trygg skola – Uppfyllt" may be a goal called so); `stripStatusLabel` takes a
 * trailing "– Status: Uppfyllt" off the title wherever the status came from.
 */
export const id = 'status-in-heading';

export function statusInHeading(text: string, v: Vocabulary): StatusFound | null {
  const inTitle = /[:–-]\s*([^:–-]+)$/.exec(text);
  if (!inTitle) return null;
  const s = statusOfText(inTitle[1], v);
  if (!s) return null;
  const head = text.slice(0, inTitle.index);
  const beforeStatus = /[^:–-]*$/.exec(head)![0];
  const evidence = { status: s.status, statusSource: 'word' as const, statusEvidence: `"${inTitle[1].trim()}" in the heading (${s.ruleId})` };
  // The label right before the status: a goal only where a title stands before the label.
  if (v.statusLabel.opens.test(normalise(beforeStatus))) return /[\p{L}\p{N}]/u.test(head.slice(0, head.length - beforeStatus.length)) ? evidence : null;
  return v.statusLabel.anywhere.test(text) ? evidence : null;
}

/** "Trygg skola – Status: Uppfyllt" → "Trygg skola": a status written after the title, with its label. */
export function stripStatusLabel(title: string, v: Vocabulary): string {
  const m = v.statusLabel.endsTitle.exec(title);
  if (!m) return title;
  const before = m.groups!.title;
  return statusOfText(title.slice(before.length).replace(v.statusLabel.leads, ''), v) ? before.trim() : title;
}
