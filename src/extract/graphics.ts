import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { BBox, Mark, Rule } from '../model/extract.js';
import { colourClass, isBackground, rgbToHex } from './colour.js';
import { ICON_MAX_SIDE, ICON_MIN_SIDE, iconFits, SYMBOL_MAX } from './icon-size.js';
import type { ImageDecodeFilter } from './image-filter.js';
import { OPS } from './pdfjs.js';

export { SYMBOL_MAX } from './icon-size.js';

/** A PDF transform [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 · m2: apply m2 first, then m1 (the way a PDF `cm` concatenates onto the CTM). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

/** The point (x, y) transformed by `m`. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function boxThrough(m: Matrix, x0: number, y0: number, x1: number, y1: number): BBox {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** One showText operation: its characters and the fill colour they were painted with. */
export interface GlyphRun {
  text: string;
  colour: string;
}

export interface PendingImage {
  id: string | null;
  inline: ImageLike | null;
  bbox: BBox;
  /** For image masks: the fill colour the mask was painted with. */
  maskColour: string | null;
}

export interface ImageLike {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray | null;
}

export interface GraphicsScan {
  marks: Mark[];
  rules: Rule[];
  glyphRuns: GlyphRun[];
  images: PendingImage[];
  /** Area of large images: a page covered by one image and with no text is a scan. */
  largeImageArea: number;
}

const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.rawFillPath]);
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILL_STROKE_OPS = new Set<number>([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/** Thinner than this a filled rectangle is a line: a border, an underline, a rule. */
const LINE_MAX = 2.2;

function shapeOfPath(data: ArrayLike<number> | undefined): string {
  if (!data) return 'path';
  let curves = 0, lines = 0, moves = 0;
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === 0) { moves++; i += 3; }
    else if (op === 1) { lines++; i += 3; }
    else if (op === 2) { curves++; i += 7; }
    else if (op === 3) { curves++; i += 5; }
    else if (op === 4) i += 1;
    else break;
  }
  if (curves >= 4 && lines <= 8) return lines > 0 ? 'rounded' : 'circle';
  if (curves === 0 && moves === 1 && (lines === 3 || lines === 4)) return lines === 4 ? 'rect' : 'rect-or-triangle';
  if (curves === 0 && moves === 1 && lines === 2) return 'triangle';
  return 'path';
}

/**
 * Walks a page's operator list, tracking save/restore/transform and form XObjects so every shape and image lands
 * in page space; returns colour marks, grey rules, glyph colour runs and images waiting for their pixels.
 */
export function scanOperators(
  fnArray: number[],
  argsArray: unknown[][],
  pageNumber: number,
  viewportTransform: Matrix,
  pageSize: { width: number; height: number },
): GraphicsScan {
  let ctm: Matrix = IDENTITY;
  let fill: string | null = '#000000';
  let stroke: string | null = '#000000';
  const stack: { ctm: Matrix; fill: string | null; stroke: string | null }[] = [];
  const marks: Mark[] = [];
  const rules: Rule[] = [];
  const glyphRuns: GlyphRun[] = [];
  const images: PendingImage[] = [];
  let largeImageArea = 0;
  const toPage = (bbox: BBox): BBox => boxThrough(viewportTransform, bbox[0], bbox[1], bbox[2], bbox[3]);

  const addShape = (bbox: BBox, colour: string, kind: 'shape' | 'stroke', shape: string) => {
    const w = bbox[2] - bbox[0];
    const h = bbox[3] - bbox[1];
    if (w < LINE_MAX || h < LINE_MAX) {
      rules.push({ bbox, colour });
      return;
    }
    if (isBackground(colour)) return;
    const cls = colourClass(colour);
    const small = w <= SYMBOL_MAX && h <= SYMBOL_MAX;
    if (kind === 'stroke') {
      if (small && cls !== 'grey') marks.push({ page: pageNumber, kind: 'stroke', bbox, colour, colourClass: cls, shape });
      else rules.push({ bbox, colour });
      return;
    }
    if (small && shape !== 'rect' && shape !== 'rect-or-triangle') {
      marks.push({ page: pageNumber, kind: 'shape', bbox, colour, colourClass: cls, shape });
    } else if (small && Math.abs(w - h) < Math.max(w, h) * 0.35 && w < 24) {
      marks.push({ page: pageNumber, kind: 'shape', bbox, colour, colourClass: cls, shape: 'rect' });
    } else if (h < 120 && w * h < pageSize.width * pageSize.height * 0.25) {
      // A filled band: a table cell background (or a row band); status lives there in RAG tables.
      marks.push({ page: pageNumber, kind: 'cell', bbox, colour, colourClass: cls, shape: 'rect' });
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, fill, stroke });
        break;
      case OPS.restore: {
        const s = stack.pop();
        if (s) ({ ctm, fill, stroke } = s);
        break;
      }
      case OPS.transform:
        ctm = multiply(ctm, args as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm, fill, stroke });
        const m = args?.[0] as Matrix | null | undefined;
        if (m && m.length === 6) ctm = multiply(ctm, Array.from(m) as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        const s = stack.pop();
        if (s) ({ ctm, fill, stroke } = s);
        break;
      }
      case OPS.setFillRGBColor:
        fill = typeof args[0] === 'string' ? (args[0] as string) : rgbToHex(Number(args[0]), Number(args[1]), Number(args[2]));
        break;
      case OPS.setStrokeRGBColor:
        stroke = typeof args[0] === 'string' ? (args[0] as string) : rgbToHex(Number(args[0]), Number(args[1]), Number(args[2]));
        break;
      case OPS.setFillTransparent:
        fill = null;
        break;
      case OPS.setStrokeTransparent:
        stroke = null;
        break;
      case OPS.constructPath: {
        const paintOp = args[0] as number;
        const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
        const minMax = args[2] as ArrayLike<number> | undefined;
        if (!minMax || !Number.isFinite(minMax[0]) || minMax[0] > minMax[2]) break;
        const bbox = toPage(boxThrough(ctm, minMax[0], minMax[1], minMax[2], minMax[3]));
        const shape = shapeOfPath(data);
        if (FILL_OPS.has(paintOp) || FILL_STROKE_OPS.has(paintOp)) {
          if (fill) addShape(bbox, fill, 'shape', shape);
        } else if (STROKE_OPS.has(paintOp)) {
          if (stroke) addShape(bbox, stroke, 'stroke', shape);
        }
        break;
      }
      case OPS.showText:
      case OPS.showSpacedText:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText: {
        const glyphs = args[args.length - 1] as unknown;
        if (!Array.isArray(glyphs)) break;
        let text = '';
        for (const g of glyphs) {
          if (g && typeof g === 'object' && typeof (g as { unicode?: unknown }).unicode === 'string') {
            text += (g as { unicode: string }).unicode;
          }
        }
        if (text) glyphRuns.push({ text, colour: fill ?? '#000000' });
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintImageXObjectRepeat:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintSolidColorImageMask: {
        const bbox = toPage(boxThrough(ctm, 0, 0, 1, 1));
        const w = bbox[2] - bbox[0];
        const h = bbox[3] - bbox[1];
        if (w > ICON_MAX_SIDE || h > ICON_MAX_SIDE) {
          if (w < LINE_MAX || h < LINE_MAX) rules.push({ bbox, colour: fill ?? '#000000' });
          else largeImageArea += w * h;
          break;
        }
        if (w < ICON_MIN_SIDE || h < ICON_MIN_SIDE) break;
        const isMask = fn === OPS.paintImageMaskXObject || fn === OPS.paintSolidColorImageMask;
        if (isMask) {
          if (fill && !isBackground(fill)) {
            marks.push({ page: pageNumber, kind: 'image', bbox, colour: fill, colourClass: colourClass(fill), shape: 'mask' });
          }
        } else if (fn === OPS.paintInlineImageXObject) {
          const inline = args[0] as ImageLike;
          if (iconFits({ pixelWidth: inline.width, pixelHeight: inline.height, placed: bbox })) images.push({ id: null, inline, bbox, maskColour: null });
        } else {
          // paintImageXObject carries [id, width, height]; its Repeat form [id, scaleX, scaleY, positions].
          const pixels = fn === OPS.paintImageXObject ? { pixelWidth: Number(args[1]), pixelHeight: Number(args[2]) } : {};
          if (iconFits({ ...pixels, placed: bbox })) images.push({ id: String(args[0]), inline: null, bbox, maskColour: null });
        }
        break;
      }
      default:
        break;
    }
  }
  return { marks, rules, glyphRuns, images, largeImageArea };
}

/**
 * Alpha-weighted mean colour of an icon. Where a fair share of the pixels are clearly coloured, the mean is taken
 * over those only, so a green rounded square on a white ground reads as green, not as pale green.
 */
export function meanImageColour(img: ImageLike): string | null {
  const { width, height, data } = img;
  if (!data || width <= 0 || height <= 0) return null;
  const kind = img.kind ?? (data.length >= width * height * 4 ? 3 : data.length >= width * height * 3 ? 2 : 1);
  const n = width * height;
  const step = Math.max(1, Math.floor(n / 4096));
  let all = [0, 0, 0, 0];
  let sat = [0, 0, 0, 0];
  for (let p = 0; p < n; p += step) {
    let r: number, g: number, b: number, a = 255;
    if (kind === 3) {
      r = data[p * 4]; g = data[p * 4 + 1]; b = data[p * 4 + 2]; a = data[p * 4 + 3];
    } else if (kind === 2) {
      r = data[p * 3]; g = data[p * 3 + 1]; b = data[p * 3 + 2];
    } else {
      const rowBytes = (width + 7) >> 3;
      const x = p % width, y = Math.floor(p / width);
      const bit = (data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
      r = g = b = bit ? 255 : 0;
    }
    const w = a / 255;
    if (w === 0) continue;
    all = [all[0] + r * w, all[1] + g * w, all[2] + b * w, all[3] + w];
    const chroma = Math.max(r, g, b) - Math.min(r, g, b);
    if (chroma > 60) sat = [sat[0] + r * w, sat[1] + g * w, sat[2] + b * w, sat[3] + w];
  }
  if (all[3] === 0) return null;
  const use = sat[3] >= all[3] * 0.08 ? sat : all;
  return rgbToHex(use[0] / use[3], use[1] / use[3], use[2] / use[3]);
}

/**
 * Waits for the pixels of each pending image (they are not ready when getOperatorList resolves). An image the
 * filter kept pdfjs from decoding has none; the filter then knows the document must be read again.
 */
export async function resolveImageMarks(
  page: PDFPageProxy,
  images: PendingImage[],
  pageNumber: number,
  filter: ImageDecodeFilter | null = null,
  timeoutMs = 2000,
): Promise<Mark[]> {
  const marks: Mark[] = [];
  for (const img of images) {
    let data: ImageLike | null = img.inline;
    if (img.id && filter && !filter.wanted(img.id)) continue;
    if (!data && img.id) data = await getObject(page, img.id, timeoutMs);
    if (!data) continue;
    const colour = meanImageColour(data);
    if (!colour || isBackground(colour)) continue;
    marks.push({ page: pageNumber, kind: 'image', bbox: img.bbox, colour, colourClass: colourClass(colour), shape: 'icon' });
  }
  return marks;
}

function getObject(page: PDFPageProxy, id: string, timeoutMs: number): Promise<ImageLike | null> {
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    try {
      objs.get(id, (obj: unknown) => {
        clearTimeout(timer);
        resolve((obj as ImageLike) ?? null);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}
