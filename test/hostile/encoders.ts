/**
 * Encoders for the hostile generators, each the inverse of the pdfjs decoder it feeds: Flate bombs built from one
 * deflated segment repeated (a full flush makes segments independent), LZW (general, and the run-only code
 * sequence of a bomb), RunLength, ASCIIHex, ASCII85, Brotli.
 */
import { brotliCompress, constants, deflateSync } from 'node:zlib';
import { promisify } from 'node:util';
import { bin } from './pdf-assembly.js';

const MiB = 1024 ** 2;
const SEGMENT = 16 * MiB;

/** Adler-32 of `n` bytes all equal to `value` (the zlib trailer), in closed form. */
function adler32Of(n: number, value: number): number {
  const m = 65521n;
  const N = BigInt(n);
  const v = BigInt(value);
  const a = (1n + v * N) % m;
  const b = (N + (v * N * (N + 1n)) / 2n) % m;
  return Number((b << 16n) | a);
}

/** The deflated 16 MiB segment per fill byte, computed once (~0.2 s each). */
const segments = new Map<number, Buffer>();

/**
 * A zlib stream of `prefix` followed by `bytes` bytes of `fill`. Every piece is deflated with a full flush,
 * so pieces can be laid end to end; the fill is one 16 MiB segment repeated.
 */
export function deflateBomb(bytes: number, opts: { fill?: number; prefix?: Buffer; storedPrefix?: boolean } = {}): Buffer {
  const fill = opts.fill ?? 0x20;
  const flushed = (data: Buffer) => deflateSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH }).subarray(2);
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  if (opts.prefix) parts.push(opts.storedPrefix ? storedBlock(opts.prefix) : flushed(opts.prefix));
  let segment = segments.get(fill);
  if (!segment) segments.set(fill, (segment = flushed(Buffer.alloc(SEGMENT, fill))));
  for (let left = bytes; left > 0; left -= SEGMENT) parts.push(left >= SEGMENT ? segment : flushed(Buffer.alloc(left, fill)));
  parts.push(Buffer.from([0x03, 0x00])); // an empty final block with fixed codes
  const trailer = Buffer.alloc(4);
  // The checksum covers the fill only when there is no prefix; no reader the bombs target checks it.
  trailer.writeUInt32BE(adler32Of(bytes, fill) >>> 0);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/** A non-final stored deflate block: its bytes appear verbatim in the compressed data. */
function storedBlock(data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = 0x00;
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

/**
 * LZWDecode data (early change 1) for `bytes` bytes of `fill`: the codes an LZW encoder emits for a run, each one
 * a sequence one byte longer than the last (the KwKwK case), with a clear code before the table fills.
 */
export function lzwBomb(bytes: number, fill = 0x20): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (code: number, width: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  };
  let written = 0;
  let width = 9;
  let next = 258;
  let first = true;
  while (written < bytes) {
    if (first) {
      put(fill, width);
      written += 1;
      first = false;
      continue;
    }
    if (next >= 4094) {
      put(256, width);
      width = 9;
      next = 258;
      first = true;
      continue;
    }
    put(next, width);
    written += next - 256; // code 258 is two bytes, 259 three, …
    next++;
    if (((next + 1) & next) === 0) width = Math.min(12, Math.log2(next + 1) + 1);
  }
  put(257, width);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/**
 * General LZWDecode data (early change 1, MSB first, 9–12 bit codes, a clear code before the table fills, EOD at
 * the end). A code's width follows the decoder's table, which lags the encoder's by one entry.
 */
export function lzwEncode(data: Buffer): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let emitted = 0; // codes since the last clear
  const widthNow = () => {
    const decoderNext = 258 + Math.max(0, emitted - 1);
    return decoderNext + 1 < 512 ? 9 : decoderNext + 1 < 1024 ? 10 : decoderNext + 1 < 2048 ? 11 : 12;
  };
  const put = (code: number) => {
    const width = widthNow();
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
    emitted++;
  };
  let table = new Map<number, number>();
  let next = 258;
  let w = -1;
  for (const b of data) {
    if (w < 0) {
      w = b;
      continue;
    }
    const key = w * 256 + b;
    const code = table.get(key);
    if (code !== undefined) {
      w = code;
      continue;
    }
    put(w);
    table.set(key, next++);
    w = b;
    if (next >= 4094) {
      put(256); // the pending w starts afresh in the new table
      emitted = 0;
      table = new Map();
      next = 258;
    }
  }
  if (w >= 0) put(w);
  put(257);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/** RunLengthDecode data that copies `data` as literal runs (no compression; for reading tests). */
export function runLengthEncode(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += 128) {
    const run = data.subarray(i, i + 128);
    parts.push(Buffer.from([run.length - 1]), run);
  }
  parts.push(Buffer.from([128]));
  return Buffer.concat(parts);
}

/** RunLengthDecode data for `bytes` bytes of `fill`: 128 copies from every two bytes, the filter's best. */
export function runLengthBomb(bytes: number, fill = 0x20): Buffer {
  const runs = Math.ceil(bytes / 128);
  const data = Buffer.alloc(runs * 2 + 1);
  for (let i = 0; i < runs; i++) {
    data[2 * i] = 129; // 257 - 129 = 128 repetitions
    data[2 * i + 1] = fill;
  }
  data[runs * 2] = 128;
  return data;
}

export const asciiHex = (data: Buffer): Buffer => bin(`${data.toString('hex')}>`);

export function ascii85(data: Buffer): Buffer {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, Math.min(i + 4, data.length));
    const n = Math.min(4, data.length - i);
    let v = chunk.readUInt32BE(0);
    if (v === 0 && n === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += digits.slice(0, n + 1).join('');
  }
  return bin(`${out}~>`);
}

export async function brotliBomb(bytes: number, fill = 0x20): Promise<Buffer> {
  // Brotli compresses a run into a few hundred bytes; the input is built once and dropped.
  return promisify(brotliCompress)(Buffer.alloc(bytes, fill), { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 24 } });
}
