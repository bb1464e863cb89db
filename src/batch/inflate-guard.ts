/**
 * A cheap check against decompression bombs, run on the raw bytes before the parser sees them.
 *
 * pdfjs inflates a FlateDecode stream into one growing buffer: a 3 MB file holding a 3 GB stream of
 * spaces costs it 77 s and 6 GB. Inflating every Flate stream here, counting bytes and keeping none,
 * costs about a second per GB and a few MB of memory, and lets the worker refuse the file with a clear
 * message. It is a guard, not a bound: other filters (LZW, RunLength, nested objects) are not checked,
 * which is why the batch also bounds time and memory from outside the worker.
 */
import { createInflate, inflateSync } from 'node:zlib';

export interface InflateLimits {
  /** Largest inflated size of any single Flate stream. Default 128 MiB (a 600 dpi A4 RGB page is ~100 MB). */
  perStreamBytes: number;
  /** Largest inflated size of all Flate streams together. Default 1 GiB. */
  totalBytes: number;
}

export const DEFAULT_INFLATE_LIMITS: InflateLimits = { perStreamBytes: 128 * 1024 ** 2, totalBytes: 1024 ** 3 };

/** Compressed streams up to this size are inflated in one synchronous call (at most ~1032:1, so ≤ 16 MB). */
const SYNC_LIMIT = 16 * 1024;

const STREAM = Buffer.from('stream', 'latin1');
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const FLATE = /\/(?:FlateDecode|Fl)(?![A-Za-z])/;

export interface InflateVerdict {
  /** Sum of the inflated sizes counted before stopping. */
  inflatedBytes: number;
  streams: number;
  /** Why the document is refused, or null when it is within the limits. */
  tooLarge: string | null;
}

/** Locates every Flate stream in a PDF's raw bytes: [dataStart, dataEnd) pairs. */
export function* flateStreams(pdf: Buffer): Generator<[number, number]> {
  let from = 0;
  for (;;) {
    const at = pdf.indexOf(STREAM, from);
    if (at < 0) return;
    from = at + STREAM.length;
    // `endstream` also contains `stream`; skip it.
    if (at >= 3 && pdf.toString('latin1', at - 3, at) === 'end') continue;
    let dataStart = at + STREAM.length;
    if (pdf[dataStart] === 0x0d) dataStart++;
    if (pdf[dataStart] === 0x0a) dataStart++;
    else if (pdf[dataStart - 1] !== 0x0d) continue; // not the keyword: `stream` must end its line
    const dict = pdf.toString('latin1', Math.max(0, at - 2048), at);
    const objAt = dict.lastIndexOf('obj');
    const ownDict = objAt >= 0 ? dict.slice(objAt) : dict;
    const end = pdf.indexOf(ENDSTREAM, dataStart);
    const dataEnd = end < 0 ? pdf.length : end;
    from = dataEnd;
    if (FLATE.test(ownDict)) yield [dataStart, dataEnd];
  }
}

/** Inflates every Flate stream of `pdf`, counting (and discarding) the output, stopping at the limits. */
export async function checkInflatedSize(pdf: Buffer, limits: InflateLimits = DEFAULT_INFLATE_LIMITS): Promise<InflateVerdict> {
  let total = 0;
  let streams = 0;
  for (const [start, end] of flateStreams(pdf)) {
    streams++;
    const data = pdf.subarray(start, end);
    const cap = Math.min(limits.perStreamBytes, limits.totalBytes - total);
    const size = await inflatedSize(data, cap + 1);
    if (size > limits.perStreamBytes) {
      return {
        inflatedBytes: total + size,
        streams,
        tooLarge: `A compressed stream at byte ${start} expands to more than ${formatBytes(limits.perStreamBytes)} (from ${formatBytes(data.length)}): refused as a likely decompression bomb.`,
      };
    }
    total += size;
    if (total > limits.totalBytes) {
      return {
        inflatedBytes: total,
        streams,
        tooLarge: `The compressed streams expand to more than ${formatBytes(limits.totalBytes)} in total: refused as a likely decompression bomb.`,
      };
    }
  }
  return { inflatedBytes: total, streams, tooLarge: null };
}

/**
 * Inflated size of one stream, counting at most `stopAt` bytes. Corrupt data counts what inflated before
 * the error: the parser decides what a broken stream means, the guard only measures.
 */
async function inflatedSize(data: Buffer, stopAt: number): Promise<number> {
  if (data.length <= SYNC_LIMIT) {
    try {
      return inflateSync(data, { maxOutputLength: Math.max(1, Math.min(stopAt, 2 ** 31 - 1)), finishFlush: 2 /* Z_SYNC_FLUSH */ }).length;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return stopAt;
      return 0;
    }
  }
  return new Promise<number>((resolve) => {
    let size = 0;
    let settled = false;
    const finish = (n: number): void => {
      if (settled) return;
      settled = true;
      resolve(n);
    };
    const inflate = createInflate({ finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a missing end */, chunkSize: 1 << 20 });
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size >= stopAt) {
        finish(size);
        inflate.destroy();
      }
    });
    inflate.on('end', () => finish(size));
    inflate.on('error', () => finish(size));
    inflate.on('close', () => finish(size));
    inflate.end(data);
  });
}

/** 3.1 MB, 512 kB, 900 bytes. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(n >= 100 * 1024 ** 2 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} bytes`;
}
