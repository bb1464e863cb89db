/**
 * report.html's page links must open the right file at the right page from where report.html was written, not from
 * where verkstad ran: a PDF is rarely saved next to the report, and two reports of the same name from different
 * folders must not share a link.
 */
import path from 'node:path';
import { documentHref } from '../report/paths.js';

/** `relative`: a path from the output folder to the input (moves with both); `absolute`: a `file:` URL (stays on this machine). */
export const LINK_MODES = ['relative', 'absolute'] as const;
export type LinkMode = (typeof LINK_MODES)[number];

/** A document's link, percent-encoded, for a report written in `outDir`. */
export function reportLinks(outDir: string, mode: LinkMode, cwd: string = process.cwd()): (file: string) => string {
  const from = path.resolve(cwd, outDir);
  return (file) => {
    const target = path.resolve(cwd, file);
    return documentHref(mode === 'absolute' ? target : path.relative(from, target));
  };
}
