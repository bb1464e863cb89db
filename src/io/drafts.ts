import path from 'node:path';
import type { LayoutDocument } from '../model/layout.js';
import { boldTitlesToHeadings } from './drafts/bold-titles.js';
import type { DraftBlock } from './drafts/draft.js';
import { labelledFieldsToBlocks } from './drafts/labelled-fields.js';
import { layoutOfDraft } from './drafts/layout-builder.js';
import { readPlainText } from './drafts/plain-text.js';
import { decodeText } from './drafts/text-encoding.js';

/**
 * Drafts that are not PDFs yet (Markdown, plain text, DOCX) become a layout the segment stage reads as it reads a
 * PDF's: headings, paragraphs and tables, one page per page break, each line with its place in the file
 * (`Line.source`). A goal's status is written as a word there ("Status: grön", a "Status" column).
 *
 * The Markdown and Word readers load their parsers on first use: a run over PDFs never needs them.
 */
export async function draftToLayout(file: string, bytes: Uint8Array, kind: 'docx' | 'text'): Promise<LayoutDocument> {
  return layoutOfDraft(shapeDraft(await readDraft(file, bytes, kind)));
}

async function readDraft(file: string, bytes: Uint8Array, kind: 'docx' | 'text'): Promise<DraftBlock[]> {
  if (kind === 'docx') return (await import('./drafts/docx.js')).readDocx(bytes);
  const text = decodeText(bytes);
  if (path.extname(file).toLowerCase() === '.txt') return readPlainText(text);
  return (await import('./drafts/markdown.js')).readMarkdown(text);
}

/** What every kind of draft writes the same way: goals as labelled fields, titles set in bold. */
function shapeDraft(blocks: DraftBlock[]): DraftBlock[] {
  return boldTitlesToHeadings(labelledFieldsToBlocks(blocks));
}
