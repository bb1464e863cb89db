import path from 'node:path';
import type { IdentitySource } from '../model/identity.js';
import type { LayoutDocument, Line } from '../model/layout.js';

/**
 * Where a report says whose it is, in the order they are trusted: the title on its first page (a cover names the
 * organisation, the kind of report and the period in its largest type), the running headers and footers on every
 * page ("Delårsrapport 2025 – Socialnämnden", "Barn- och utbildningsnämnden, Storviks kommun"), the PDF's
 * metadata (Word fills Title, Subject and Author from the document's properties) and, last, the file name.
 */
export interface SourceText {
  source: Exclude<IdentitySource, 'config'>;
  /** The lines to read, most telling first. */
  lines: string[];
  /**
   * The lines a bare year may be taken from: on the first page only its title (type larger than the body text), for
   * a first page that is no cover speaks of other years ("jämfört med 2024"); elsewhere every line.
   */
  titles: string[];
}

/** Lines of a title block: a cover rarely holds more; a first page of body text adds nothing after them. */
const FIRST_PAGE_MAX_LINES = 40;
/** Distinct running-header and footer texts read: they repeat on every page. */
const FURNITURE_MAX_LINES = 12;

function blockLines(p: LayoutDocument['pages'][number]): Line[] {
  return p.blocks.flatMap((b) => (b.kind === 'table' ? b.table.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)) : b.lines));
}

/** A title is set this much larger than the body text (a 14 pt title over 10 pt body; 11 pt headings count too). */
const TITLE_SIZE_RATIO = 1.1;

/** The first page with text, its lines in the largest type first (the title), then in reading order. */
function firstPage(layout: LayoutDocument): Pick<SourceText, 'lines' | 'titles'> {
  const page = layout.pages.find((p) => blockLines(p).some((l) => l.text.trim()));
  if (!page) return { lines: [], titles: [] };
  const lines = blockLines(page).filter((l) => l.text.trim());
  const bySize = lines.map((l, i) => ({ l, i })).sort((a, b) => b.l.fontSize - a.l.fontSize || a.i - b.i).slice(0, FIRST_PAGE_MAX_LINES);
  return {
    lines: bySize.map((x) => x.l.text.trim()),
    titles: bySize.filter((x) => x.l.fontSize >= layout.bodyFontSize * TITLE_SIZE_RATIO).map((x) => x.l.text.trim()),
  };
}

function runningHeaders(layout: LayoutDocument): string[] {
  const seen = new Set<string>();
  for (const p of layout.pages) {
    for (const f of p.furniture) {
      const t = f.text.trim();
      // A bare page number says nothing about whose report it is.
      if (t && !/^[\d\s()/–-]*$|^(sid|sida|page)\s*\d/i.test(t)) seen.add(t);
      if (seen.size >= FURNITURE_MAX_LINES) return [...seen];
    }
  }
  return [...seen];
}

function metadata(info: Readonly<Record<string, string>>): string[] {
  // "Microsoft Word - delarsrapport.docx" is the editor's name for the file, not the report's title.
  return ['Title', 'Subject', 'Author'].map((k) => (info[k] ?? '').replace(/^Microsoft Word - /, '').trim()).filter(Boolean);
}

function fileName(file: string): string[] {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return [base.replace(/[_.]+/g, ' ').trim()];
}

export function sourcesOf(file: string, layout: LayoutDocument, info: Readonly<Record<string, string>>): SourceText[] {
  const all = (source: SourceText['source'], lines: string[]): SourceText => ({ source, lines, titles: lines });
  return [
    { source: 'first-page', ...firstPage(layout) },
    all('running-header', runningHeaders(layout)),
    all('metadata', metadata(info)),
    all('file-name', fileName(file)),
  ];
}
