/**
 * The size a status icon can have: the scan (graphics.ts) asks for an image's pixels only within it, and the image
 * filter (image-filter.ts) lets pdfjs skip decoding what falls outside it. One definition, so that the two agree.
 */
import type { BBox } from '../model/extract.js';

export type { BBox };

/** Largest side of something we still treat as a symbol (a circle, square or icon before a heading or in a cell). */
export const SYMBOL_MAX = 40;
/**
 * Largest side, in points on the page, of an image still read as an icon. Larger is a chart, a photo or a logo
 * (a thin one is a line, which the scan keeps as a rule without its pixels). Generous beside SYMBOL_MAX: an icon
 * may carry white space around its symbol.
 */
export const ICON_MAX_SIDE = SYMBOL_MAX * 2.5;
/** Smaller than this on the page, either side, an image is a speck or a hairline: nothing to read a colour from. */
export const ICON_MIN_SIDE = 3;
/**
 * More pixels than this and an image is not an icon, whatever its place: a 2048 × 2048 icon is already an oddity,
 * and only the mean colour of 4 096 sampled pixels is ever taken. It also bounds what one small picture can cost:
 * a 100-megapixel photo shrunk to a thumbnail would decode to 400 MB.
 */
export const ICON_MAX_PIXELS = 2048 * 2048;

export interface ImageSize {
  /** Pixels; left out where not known (then only the place decides). */
  pixelWidth?: number;
  pixelHeight?: number;
  /** Where it lands on the page; null when not known (then only the pixels decide). */
  placed: BBox | null;
}

/**
 * Whether an image of this size can be a status icon. `margin` widens the placed bounds by that fraction (the filter
 * uses it: pdfjs's arithmetic and the scan's may differ in the last digits).
 */
export function iconFits(size: ImageSize, margin = 0): boolean {
  if (size.pixelWidth !== undefined && size.pixelHeight !== undefined && size.pixelWidth * size.pixelHeight > ICON_MAX_PIXELS) return false;
  if (!size.placed) return true;
  const w = size.placed[2] - size.placed[0];
  const h = size.placed[3] - size.placed[1];
  const max = ICON_MAX_SIDE * (1 + margin);
  const min = ICON_MIN_SIDE * (1 - margin);
  return w <= max && h <= max && w >= min && h >= min;
}
