/**
 * The filter chain of a stream, read from its dictionary as pdfjs's Parser.filter reads it: `/F` before
 * `/Filter` and `/DP` before `/DecodeParms` (the abbreviations of inline images, which pdfjs accepts on any
 * stream), a name or an array, each element and each parameter dictionary possibly an indirect object, names in
 * full or abbreviated. Where a reference has several definitions every combination is a variant (up to a cap).
 */
import { isDict, PdfName, type PdfDict, type PdfValue } from './lexer.js';
import type { RawPdf } from './objects.js';

export type FilterName =
  | 'FlateDecode'
  | 'LZWDecode'
  | 'ASCIIHexDecode'
  | 'ASCII85Decode'
  | 'RunLengthDecode'
  | 'BrotliDecode'
  | 'DCTDecode'
  | 'JPXDecode'
  | 'CCITTFaxDecode'
  | 'JBIG2Decode';

/** pdfjs's makeFilter: the full names and the abbreviations it knows; any other name leaves the data as it is. */
const FILTERS: Readonly<Record<string, FilterName>> = {
  FlateDecode: 'FlateDecode',
  Fl: 'FlateDecode',
  LZWDecode: 'LZWDecode',
  LZW: 'LZWDecode',
  ASCIIHexDecode: 'ASCIIHexDecode',
  AHx: 'ASCIIHexDecode',
  ASCII85Decode: 'ASCII85Decode',
  A85: 'ASCII85Decode',
  RunLengthDecode: 'RunLengthDecode',
  RL: 'RunLengthDecode',
  BrotliDecode: 'BrotliDecode',
  DCTDecode: 'DCTDecode',
  DCT: 'DCTDecode',
  JPXDecode: 'JPXDecode',
  JPX: 'JPXDecode',
  CCITTFaxDecode: 'CCITTFaxDecode',
  CCF: 'CCITTFaxDecode',
  JBIG2Decode: 'JBIG2Decode',
};

/** Filters whose output is an image decoded elsewhere in pdfjs: the chain ends there for the byte count. */
export const IMAGE_CODECS: ReadonlySet<FilterName> = new Set(['DCTDecode', 'JPXDecode', 'CCITTFaxDecode', 'JBIG2Decode']);

export interface FilterStep {
  filter: FilterName;
  /** The parameter dictionary (pdfjs ignores one that is not a dictionary). */
  params: PdfDict | null;
}

/** Variants of one stream's chain considered at most. */
const MAX_VARIANTS = 16;

/**
 * Every chain the stream's dictionary can stand for (one, unless references have several definitions). A chain
 * pdfjs would refuse (an array element that is not a name) is left out: pdfjs does not decode that stream.
 */
export function filterChains(doc: RawPdf, dict: PdfDict): FilterStep[][] {
  const filterValue = dict.has('F') ? dict.get('F') : dict.get('Filter');
  const paramsValue = dict.has('DP') ? dict.get('DP') : dict.get('DecodeParms');
  const filters = filterValue === undefined ? [null] : doc.resolve(filterValue);
  const paramsList = paramsValue === undefined ? [null] : doc.resolve(paramsValue);
  const chains: FilterStep[][] = [];
  for (const f of filters) {
    for (const p of paramsList) {
      for (const chain of chainsOf(doc, f, p)) {
        if (chains.length >= MAX_VARIANTS) return chains;
        chains.push(chain);
      }
    }
  }
  return chains;
}

function chainsOf(doc: RawPdf, filter: PdfValue, params: PdfValue): FilterStep[][] {
  if (filter instanceof PdfName) {
    const name = FILTERS[filter.name];
    return [name ? [{ filter: name, params: isDict(params) ? params : null }] : []];
  }
  if (!Array.isArray(filter)) return [[]];
  // Each element (and its parameters) may itself be a reference with several definitions.
  let partial: FilterStep[][] = [[]];
  for (let i = 0; i < filter.length; i++) {
    const elementOptions = doc.resolve(filter[i]);
    const paramOptions = Array.isArray(params) && i < params.length ? doc.resolve(params[i]) : [null];
    const next: FilterStep[][] = [];
    for (const chain of partial) {
      for (const e of elementOptions) {
        if (!(e instanceof PdfName)) continue; // pdfjs: "Bad filter name", the stream is not read
        const name = FILTERS[e.name];
        for (const p of name ? paramOptions : [null]) {
          if (next.length >= MAX_VARIANTS) break;
          next.push(name ? [...chain, { filter: name, params: isDict(p) ? p : null }] : chain);
        }
      }
    }
    partial = next;
    if (partial.length === 0) return [];
  }
  return partial;
}
