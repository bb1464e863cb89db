/**
 * What an image XObject's own dictionary makes pdfjs allocate: width × height × components × bits per component,
 * whatever the data holds. A 2 kB JPEG or CCITT stream may declare 60 000 × 60 000 pixels; the sample buffer
 * (and the RGBA copy after it) are sized from the declaration, so the declaration counts against the budget.
 */
import { isName, PdfName, type PdfDict, type PdfValue } from './lexer.js';

type Resolve = (v: PdfValue | undefined) => PdfValue[];

/** The largest number any definition of the entry (or its abbreviation) gives, else `fallback`. */
function largest(resolve: Resolve, dict: PdfDict, keys: string[], fallback: number): number {
  const key = keys.find((k) => dict.has(k));
  if (key === undefined) return fallback;
  const values = resolve(dict.get(key)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return values.length > 0 ? Math.max(...values) : fallback;
}

/** Components per pixel of a colour space; 3 where it cannot be told from the name alone. */
function components(space: PdfValue): number {
  const name = space instanceof PdfName ? space.name : Array.isArray(space) && space[0] instanceof PdfName ? space[0].name : '';
  switch (name) {
    case 'DeviceGray':
    case 'G':
    case 'CalGray':
    case 'Indexed':
    case 'I':
    case 'Separation':
      return 1;
    case 'DeviceCMYK':
    case 'CMYK':
      return 4;
    case 'DeviceN':
      return Array.isArray(space) && Array.isArray(space[1]) ? Math.max(1, space[1].length) : 4;
    default:
      return 3;
  }
}

/** Bytes of samples the image declares; 0 when the stream is not an image. */
export function declaredImageBytes(dict: PdfDict, resolve: Resolve): number {
  if (!resolve(dict.get('Subtype')).some((v) => isName(v, 'Image'))) return 0;
  const width = Math.max(0, largest(resolve, dict, ['Width', 'W'], 0));
  const height = Math.max(0, largest(resolve, dict, ['Height', 'H'], 0));
  const mask = resolve(dict.get('ImageMask') ?? dict.get('IM')).includes(true);
  const bits = mask ? 1 : Math.max(1, largest(resolve, dict, ['BitsPerComponent', 'BPC'], 8));
  const spaceValue = dict.get('ColorSpace') ?? dict.get('CS');
  const comps = mask ? 1 : Math.max(1, ...resolve(spaceValue).map(components), spaceValue === undefined ? 3 : 1);
  return Math.ceil((width * comps * bits) / 8) * height;
}
