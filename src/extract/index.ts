import type { ExtractedDocument, ExtractedPage, Mark } from '../model/extract.js';
import { LIMITS } from '../limits.js';
import { DocumentFailure } from '../model/errors.js';
import { STATUS_GLYPHS } from '../model/symbols.js';
import { colourClass } from './colour.js';
import { withDecodeBound } from './decode-bound.js';
import { resolveImageMarks, scanOperators, type Matrix } from './graphics.js';
import { mapPdfjsError, openPdf, type PDFDocumentProxy } from './pdfjs.js';
import { explainMissingText } from './text-layer.js';
import { alignGlyphColours, fontInfoFrom, toTextItems, type FontInfo, type RawTextItem } from './text.js';

export { colourClass } from './colour.js';
export { pdfjsVersion } from './pdfjs.js';

export interface ExtractOptions {
  /** Refuse documents that claim more pages than this (a lying page count is a cheap denial of service). */
  maxPages?: number;
  /**
   * Largest buffer pdfjs may grow for one decoded stream (DEFAULT_MAX_STREAM_BYTES); past it the document is
   * TOO_LARGE. Enforced inside pdfjs by the `decode-bound` load-time patch (src/extract/decode-bound.ts).
   */
  maxStreamBytes?: number;
  /** Read the operator list (vector marks, icons, glyph colours). Off gives text only, about 2.5 times faster. */
  graphics?: boolean | ((pageNumber: number, text: string) => boolean);
}

/** The default for `maxStreamBytes`: the batch's bomb check allows a stream 128 MiB under its default memory bound. */
export const DEFAULT_MAX_STREAM_BYTES = 128 * 1024 ** 2;

export async function extractDocument(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const limit = options.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES;
  return withDecodeBound(limit, async (bound) => {
    const tooLarge = () =>
      new DocumentFailure(
        'TOO_LARGE',
        `pdfjs was about to decode a stream into more than ${Math.round(limit / 1024 ** 2)} MB, the limit per stream: ` +
          'refused as a likely decompression bomb (a larger --memory raises the limit).',
      );
    try {
      const doc = await readDocument(bytes, options, () => bound.refusedBytes > 0);
      if (bound.refusedBytes > 0) throw tooLarge();
      return doc;
    } catch (err) {
      throw bound.refusedBytes > 0 ? tooLarge() : err;
    }
  });
}

/** `refused`: pdfjs hit the decode bound, the document is TOO_LARGE whatever the pages left would say. */
async function readDocument(bytes: Uint8Array, options: ExtractOptions, refused: () => boolean): Promise<ExtractedDocument> {
  const maxPages = options.maxPages ?? LIMITS.maxPages;
  const doc = await openPdf(bytes);
  try {
    if (doc.numPages > maxPages) {
      throw new DocumentFailure(
        'TOO_LARGE',
        `The PDF claims ${doc.numPages} pages; the limit is ${maxPages} (raise it with --max-pages).`,
      );
    }
    const info = await readInfo(doc);
    const pages: ExtractedPage[] = [];
    for (let n = 1; n <= doc.numPages && !refused(); n++) pages.push(await extractPage(doc, n, options.graphics ?? true));
    if (refused()) return { numPages: doc.numPages, pages, info };
    const hasText = pages.some((p) => p.items.some((i) => i.str.trim() !== ''));
    if (!hasText) throw await explainMissingText(bytes, doc.numPages);
    return { numPages: doc.numPages, pages, info };
  } catch (err) {
    throw mapPdfjsError(err);
  } finally {
    await doc.destroy();
  }
}

async function readInfo(doc: PDFDocumentProxy): Promise<Record<string, string>> {
  try {
    const meta = await doc.getMetadata();
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries((meta.info ?? {}) as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

export async function extractPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  graphics: ExtractOptions['graphics'],
): Promise<ExtractedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const vt = viewport.transform as Matrix;
    const content = await page.getTextContent();
    const raw = content.items.filter((i): i is RawTextItem & typeof i => 'str' in i) as unknown as RawTextItem[];
    const text = raw.map((r) => r.str).join(' ');
    const readGraphics = typeof graphics === 'function' ? graphics(pageNumber, text) : graphics !== false;
    const fonts = new Map<string, FontInfo>();
    let marks: Mark[] = [];
    let rules: ExtractedPage['rules'] = [];
    let colours: (string | null)[][] | null = null;
    if (readGraphics) {
      const ops = await page.getOperatorList();
      const scan = scanOperators(ops.fnArray, ops.argsArray as unknown[][], pageNumber, vt, { width: viewport.width, height: viewport.height });
      colours = alignGlyphColours(raw, scan.glyphRuns);
      marks = [...scan.marks, ...(await resolveImageMarks(page, scan.images, pageNumber))];
      rules = scan.rules;
    }
    for (const name of new Set(raw.map((r) => r.fontName))) {
      let font: unknown = null;
      try {
        if (page.commonObjs.has(name)) font = page.commonObjs.get(name);
      } catch {
        font = null;
      }
      const style = (content.styles as Record<string, { fontFamily?: string }>)[name];
      fonts.set(name, fontInfoFrom(font, style?.fontFamily ?? name));
    }
    const items = toTextItems(raw, vt, fonts, colours);
    marks.push(...glyphMarks(items, pageNumber, colours ? raw : null, colours));
    return { number: pageNumber, width: viewport.width, height: viewport.height, items, marks, rules, graphicsRead: readGraphics };
  } finally {
    page.cleanup();
  }
}

/** Status symbols drawn as coloured glyphs (●, ■, ⬤ …): one mark per symbol, placed within its text item. */
function glyphMarks(
  items: ReturnType<typeof toTextItems>,
  pageNumber: number,
  raw: RawTextItem[] | null,
  colours: (string | null)[][] | null,
): Mark[] {
  if (!raw || !colours) return [];
  const marks: Mark[] = [];
  let k = 0;
  raw.forEach((r, idx) => {
    if (!r.str) return;
    const item = items[k++];
    const chars = [...r.str];
    chars.forEach((ch, ci) => {
      if (!STATUS_GLYPHS.has(ch)) return;
      const colour = colours[idx]?.[ci];
      if (!colour) return;
      const cls = colourClass(colour);
      if (cls === 'grey') return;
      const w = (item.bbox[2] - item.bbox[0]) / Math.max(1, chars.length);
      const x0 = item.bbox[0] + w * ci;
      marks.push({ page: pageNumber, kind: 'glyph', bbox: [x0, item.bbox[1], x0 + w, item.bbox[3]], colour, colourClass: cls, shape: ch });
    });
  });
  return marks;
}
