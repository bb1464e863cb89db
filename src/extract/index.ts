import type { ExtractedDocument, ExtractedPage, Mark } from '../model/extract.js';
import { LIMITS } from '../limits.js';
import { DocumentFailure } from '../model/errors.js';
import { STATUS_GLYPHS } from '../model/symbols.js';
import { colourClass } from './colour.js';
import { withDecodeBound } from './decode-bound.js';
import { resolveImageMarks, scanOperators, type Matrix } from './graphics.js';
import { iconOnlyFilter, withImageFilter, type ImageDecodeFilter } from './image-filter.js';
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
  /**
   * Read the operator list (vector marks, icons, glyph colours): on every page, on none (text only, about 2.5 times
   * faster), or on the pages for which the function says yes, given the page's text and the page before it as
   * extracted (pages are read in order).
   */
  graphics?: boolean | GraphicsPredicate;
  /**
   * Let pdfjs decode every image, as it does by default, instead of only those that can be status icons
   * (image-filter.ts). The results are the same; this is for checking that they are.
   */
  decodeAllImages?: boolean;
  /** Added to as the document is read: what the graphics pass did and what it left out (for the benchmark). */
  counters?: ExtractCounters;
}

export type GraphicsPredicate = (pageNumber: number, text: string, previous: ExtractedPage | null) => boolean;

export interface ExtractCounters {
  pages: number;
  /** Pages whose operator list was read. */
  pagesWithGraphics: number;
  /** Images pdfjs decoded, and did not decode, on those pages. */
  imagesDecoded: number;
  imagesSkipped: number;
  /** Documents read a second time with every image decoded, because the scan wanted a skipped image. */
  rereads: number;
}

export const emptyCounters = (): ExtractCounters => ({ pages: 0, pagesWithGraphics: 0, imagesDecoded: 0, imagesSkipped: 0, rereads: 0 });

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
      const refused = () => bound.refusedBytes > 0;
      const filter = options.decodeAllImages ? null : iconOnlyFilter();
      let doc = filter ? await withImageFilter(filter, () => readDocument(bytes, options, refused, filter)) : await readDocument(bytes, options, refused, null);
      // pdfjs placed an image where the scan did not, and the scan wanted its pixels: read it all as pdfjs would.
      const reread = filter?.missed === true && !refused();
      if (reread) doc = await readDocument(bytes, options, refused, null);
      if (bound.refusedBytes > 0) throw tooLarge();
      count(options.counters, doc, filter, reread);
      return doc;
    } catch (err) {
      throw bound.refusedBytes > 0 ? tooLarge() : err;
    }
  });
}

function count(counters: ExtractCounters | undefined, doc: ExtractedDocument, filter: ImageDecodeFilter | null, reread: boolean): void {
  if (!counters) return;
  counters.pages += doc.numPages;
  counters.pagesWithGraphics += doc.pages.filter((p) => p.graphicsRead).length;
  if (filter) {
    counters.imagesDecoded += filter.decoded + (reread ? filter.skipped : 0);
    counters.imagesSkipped += reread ? 0 : filter.skipped;
  }
  if (reread) counters.rereads++;
}

/**
 * `refused`: pdfjs hit the decode bound, the document is TOO_LARGE whatever the pages left would say. `filter`: the
 * image filter this reading runs under, if any.
 */
async function readDocument(bytes: Uint8Array, options: ExtractOptions, refused: () => boolean, filter: ImageDecodeFilter | null): Promise<ExtractedDocument> {
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
    for (let n = 1; n <= doc.numPages && !refused() && !filter?.missed; n++) pages.push(await extractPage(doc, n, options.graphics ?? true, filter, pages[n - 2] ?? null));
    if (filter?.missed) return { numPages: doc.numPages, pages, info }; // read again by the caller
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
  filter: ImageDecodeFilter | null = null,
  previous: ExtractedPage | null = null,
): Promise<ExtractedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const vt = viewport.transform as Matrix;
    const content = await page.getTextContent();
    const raw = content.items.filter((i): i is RawTextItem & typeof i => 'str' in i) as unknown as RawTextItem[];
    const text = raw.map((r) => r.str).join(' ');
    const readGraphics = typeof graphics === 'function' ? graphics(pageNumber, text, previous) : graphics !== false;
    const fonts = new Map<string, FontInfo>();
    let marks: Mark[] = [];
    let rules: ExtractedPage['rules'] = [];
    let colours: (string | null)[][] | null = null;
    if (readGraphics) {
      const ops = await page.getOperatorList();
      const scan = scanOperators(ops.fnArray, ops.argsArray as unknown[][], pageNumber, vt, { width: viewport.width, height: viewport.height });
      colours = alignGlyphColours(raw, scan.glyphRuns);
      marks = [...scan.marks, ...(await resolveImageMarks(page, scan.images, pageNumber, filter))];
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
