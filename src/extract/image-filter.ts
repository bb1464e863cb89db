/**
 * Which images pdfjs decodes while it builds a page's operator list.
 *
 * pdfjs decodes every image it meets (inflate, colour conversion, the soft mask), although all the extract stage
 * wants of an image is the mean colour of a status icon: a chart, a photo or a logo across the page is never a
 * status (graphics.ts drops it by its placed size before asking for its pixels). On the real reports that decoding
 * was about half of the operator-list time (charts of 950 × 240 pixels on every KPI page; photos in a year-end
 * report). The load-time patch `image-decode-filter` (pdfjs-patches.ts) asks `skip` before decoding an image,
 * and the patches `image-placement-xobject` and `image-placement-inline` hand it the transform the image is drawn
 * with; a skipped image is sent to the API half as "no data", as pdfjs does with one it cannot decode, and stays
 * in the operator list with its place, so that the scan sees the same operations as before.
 *
 * pdfjs's own transform leaves out what the scan adds (a form XObject's /Matrix, the page's UserUnit, a `cm`
 * left open before the annotations), so it can place an image where the scan does not. The scan therefore tells
 * (`wanted`) when it wants the pixels of an image that was skipped; extraction then reads the whole document
 * again with every image decoded (extract/index.ts), and the result is what it was without the filter.
 *
 * The filter belongs to the document through AsyncLocalStorage, as the decode bound does (decode-bound.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { iconFits, type BBox } from './icon-size.js';

export interface ImageDecodeFilter {
  /** For the patched pdfjs: true when the image need not be decoded. `ctm` is null where pdfjs did not pass one. */
  skip(pixelWidth: number, pixelHeight: number, ctm: ArrayLike<number> | null, objId: string): boolean;
  /** For the scan: the pixels of this image are wanted; false when they were skipped (read the document again). */
  wanted(objId: string): boolean;
  /** Images decoded, and not decoded, on the pages whose operator list was read. */
  readonly decoded: number;
  readonly skipped: number;
  /** The scan wanted an image that was skipped. */
  readonly missed: boolean;
}

/** Where the patched pdfjs finds the filter of the document it is reading (see the `image-decode-filter` patch). */
export const IMAGE_FILTER_KEY = 'verkstad.imageFilter';

const storage = new AsyncLocalStorage<ImageDecodeFilter>();
(globalThis as Record<symbol, unknown>)[Symbol.for(IMAGE_FILTER_KEY)] = storage;

/**
 * pdfjs's transform and the scan's agree up to rounding; an image this close to a bound is decoded rather than
 * left to the second reading.
 */
const ROUNDING_MARGIN = 0.01;

/** A new filter: skips what cannot be a status icon by its pixel size or by the place pdfjs gives it. */
export function iconOnlyFilter(): ImageDecodeFilter {
  const skippedIds = new Set<string>();
  let decoded = 0;
  let skipped = 0;
  let missed = false;
  return {
    skip(pixelWidth, pixelHeight, ctm, objId) {
      const skip = !iconFits({ pixelWidth, pixelHeight, placed: ctm ? unitSquareThrough(ctm) : null }, ROUNDING_MARGIN);
      if (skip) {
        skippedIds.add(objId);
        skipped++;
      } else decoded++;
      return skip;
    },
    wanted(objId) {
      if (!skippedIds.has(objId)) return true;
      missed = true;
      return false;
    },
    get decoded() {
      return decoded;
    },
    get skipped() {
      return skipped;
    },
    get missed() {
      return missed;
    },
  };
}

/** Runs `fn` (which reads one document with pdfjs) with `filter` deciding which images are decoded. */
export function withImageFilter<T>(filter: ImageDecodeFilter, fn: () => Promise<T>): Promise<T> {
  return storage.run(filter, fn);
}

/** Where the unit square, an image's own space, lands through transform `m`. */
function unitSquareThrough(m: ArrayLike<number>): BBox {
  const xs = [m[4]!, m[0]! + m[4]!, m[2]! + m[4]!, m[0]! + m[2]! + m[4]!];
  const ys = [m[5]!, m[1]! + m[5]!, m[3]! + m[5]!, m[1]! + m[3]! + m[5]!];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
