/**
 * The decompression-bomb check, run on a PDF's raw bytes before the parser sees them.
 *
 * pdfjs decodes a stream into one growing buffer: a 3 MB file holding a 3 GB stream of spaces costs it 77 s and
 * 6 GB. This check finds every stream as a parser does (objects by their `N G obj` headers and inside object
 * streams; dictionaries of any length; names with `#xx` escapes; indirect /Filter, /DecodeParms and /Length;
 * a /Length that lies), and runs each through its whole filter chain (Flate, LZW, RunLength, ASCIIHex, ASCII85,
 * Brotli, predictors) counting what every filter produces and keeping nothing, stopping the moment the count
 * passes the budget. A bomb is refused as `TOO_LARGE` within a second or two and a few MB of memory; the
 * batch's time and memory bounds stay behind it for what no check foresees.
 *
 * The budget follows the memory bound the document runs under (`inflateLimitsFor`): pdfjs holds a decoded
 * stream in a buffer that doubles as it grows (up to about 3× the data while it copies), and the filters of a
 * chain each keep their own output, so a stream may cost 1/12 of the bound (128 MiB of 1536 MB: a 600 dpi A4
 * RGB page is ~100 MB) and all streams together 2/3 of it (1 GiB, which also bounds the time spent).
 */
import { decodeChain, type ChainResult } from './bomb-check/decode-chain.js';
import { filterChains, IMAGE_CODECS, type FilterStep } from './bomb-check/filters.js';
import { isDict, PdfRef, type PdfValue } from './bomb-check/lexer.js';
import { RawPdf, type RawStream } from './bomb-check/objects.js';

export interface InflateLimits {
  /** Largest decoded size of one stream (every filter's output together), or of a page's content streams joined. */
  perStreamBytes: number;
  /** Largest decoded size of all streams together. */
  totalBytes: number;
}

/** The limits for a document analysed under a memory bound of `memoryMb` (the batch's `--memory`). */
export function inflateLimitsFor(memoryMb: number): InflateLimits {
  const bytes = memoryMb * 1024 ** 2;
  return { perStreamBytes: Math.floor(bytes / 12), totalBytes: Math.floor((bytes * 2) / 3) };
}

/** The limits under the batch's default memory bound of 1536 MB: 128 MiB per stream, 1 GiB in all. */
export const DEFAULT_INFLATE_LIMITS: InflateLimits = inflateLimitsFor(1536);

export interface InflateVerdict {
  /** Bytes produced by the filters before stopping (every filter's output counted). */
  inflatedBytes: number;
  /** Streams decoded (those with at least one filter the check runs). */
  streams: number;
  /** Why the document is refused, or null when it is within the limits. */
  tooLarge: string | null;
}

const ADVICE = 'refused as a likely decompression bomb (a larger --memory raises the limit)';

/** Decodes every stream of `pdf`, counting and discarding the output, and stops at the limits. */
export async function checkInflatedSize(pdf: Buffer, limits: InflateLimits = DEFAULT_INFLATE_LIMITS): Promise<InflateVerdict> {
  const doc = new RawPdf(pdf);
  const resolve = (v: PdfValue | undefined) => doc.resolve(v);
  const decodedSize = new Map<RawStream, number>();
  let total = 0;
  let streams = 0;

  /** Measures one stream; a refusal message when it breaks a limit. */
  const measure = async (s: RawStream, keep: boolean): Promise<{ refusal: string | null; kept?: Buffer }> => {
    const end = doc.dataEnd(s);
    if (end === null) return { refusal: null }; // no endstream: pdfjs does not read it either
    const data = pdf.subarray(s.dataStart, end);
    const chains = filterChains(doc, s.dict);
    const remaining = limits.totalBytes - total;
    const budget = Math.min(limits.perStreamBytes, remaining);
    let worst: { result: ChainResult; chain: FilterStep[] } | null = null;
    let decoded = false;
    for (const chain of chains) {
      if (!chain.some((f) => !IMAGE_CODECS.has(f.filter))) continue;
      decoded = true;
      const result = await decodeChain(data, chain, budget, resolve, keep);
      if (!worst || result.exceeded || result.work > worst.result.work) worst = { result, chain };
      if (result.exceeded) break;
    }
    if (decoded) streams++;
    const name = `stream object ${s.num} ${s.gen} (at byte ${s.objAt}${worst ? `, ${describeChain(worst.chain)}` : ''})`;
    if (worst?.result.exceeded) {
      total += worst.result.work;
      return {
        refusal:
          budget === limits.perStreamBytes
            ? `The ${name} expands to more than ${formatBytes(limits.perStreamBytes)} (from ${formatBytes(data.length)}), the limit per stream: ${ADVICE}.`
            : `The streams expand to more than ${formatBytes(limits.totalBytes)} in total, the limit per document (reached at ${name}): ${ADVICE}.`,
      };
    }
    total += worst?.result.work ?? 0;
    decodedSize.set(s, worst ? worst.result.output : data.length);
    return { refusal: null, kept: worst?.result.kept };
  };

  const verdict = (tooLarge: string | null): InflateVerdict => ({ inflatedBytes: total, streams, tooLarge });

  // Object streams first: their objects may be the /Filter, /DecodeParms or /Length of other streams. One whose
  // own dictionary points into an object stream not yet open waits for a later round.
  let waiting = doc.streams.filter(isObjectStream);
  while (waiting.length > 0) {
    const ready = waiting.filter((s) => refsResolvable(doc, s));
    const round = ready.length > 0 ? ready : waiting; // nothing resolvable: take them as they are
    for (const s of round) {
      const { refusal, kept } = await measure(s, true);
      if (refusal) return verdict(refusal);
      const n = s.dict.get('N');
      const first = s.dict.get('First');
      if (kept && typeof n === 'number' && typeof first === 'number') doc.addObjectStream(kept, n, first);
    }
    waiting = waiting.filter((s) => !round.includes(s));
  }
  for (const s of doc.streams) {
    if (decodedSize.has(s)) continue;
    const { refusal } = await measure(s, false);
    if (refusal) return verdict(refusal);
  }
  // A page's /Contents array is decoded into one buffer: its streams count together.
  for (const holder of doc.contentHolders) {
    for (const contents of doc.resolve(holder.contents)) {
      if (!Array.isArray(contents) || contents.length < 2) continue;
      let joined = 0;
      for (const part of contents) {
        if (!(part instanceof PdfRef)) continue;
        joined += Math.max(0, ...doc.streamsNumbered(part.num).map((s) => decodedSize.get(s) ?? 0));
      }
      if (joined > limits.perStreamBytes) {
        return verdict(
          `The ${contents.length} content streams of page object ${holder.num} expand to more than ${formatBytes(limits.perStreamBytes)} together, the limit per stream (pdfjs joins them into one): ${ADVICE}.`,
        );
      }
    }
  }
  return verdict(null);
}

/** pdfjs reads a stream as an object stream when the cross-reference says so; /N and /First are what it needs. */
function isObjectStream(s: RawStream): boolean {
  return typeof s.dict.get('N') === 'number' && typeof s.dict.get('First') === 'number';
}

/** Whether every reference the stream's filter entries make points at an object the check has found. */
function refsResolvable(doc: RawPdf, s: RawStream): boolean {
  const pending: (PdfValue | undefined)[] = ['F', 'Filter', 'DP', 'DecodeParms', 'Length'].map((k) => s.dict.get(k));
  for (let guard = 0; pending.length > 0 && guard < 10_000; guard++) {
    const v = pending.pop();
    if (v instanceof PdfRef) {
      if (!doc.defines(v.num)) return false;
      pending.push(...doc.resolve(v).filter((x) => Array.isArray(x) || isDict(x)));
    } else if (Array.isArray(v)) pending.push(...v);
    else if (isDict(v)) pending.push(...v.values());
  }
  return true;
}

function describeChain(chain: FilterStep[]): string {
  return chain.length === 1 ? `/${chain[0]!.filter}` : `[${chain.map((f) => `/${f.filter}`).join(' ')}]`;
}

/** 3.1 MB, 512 kB, 900 bytes. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(n >= 100 * 1024 ** 2 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} bytes`;
}
