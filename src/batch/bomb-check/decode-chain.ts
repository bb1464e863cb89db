/**
 * Runs one stream's data through its filter chain while counting what every filter produces, and stops the
 * moment the count passes the budget. Nothing is kept (unless asked for, for object streams): memory stays at
 * a few chunks per filter whatever the stream expands to. Flate and Brotli are zlib's native streaming
 * decoders; the other filters are the ports beside this file.
 */
import { Readable, Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliDecompress, createInflateRaw, inflateRawSync } from 'node:zlib';
import { ascii85Decoder } from './decode-ascii85.js';
import { asciiHexDecoder } from './decode-ascii-hex.js';
import { lzwDecoder } from './decode-lzw.js';
import { predictorDecoder, predictorKind, rowBytesOf, type PredictorParams } from './decode-predictor.js';
import { runLengthDecoder } from './decode-run-length.js';
import type { Emit, SyncDecoder } from './decoder.js';
import { IMAGE_CODECS, type FilterStep } from './filters.js';
import type { PdfDict, PdfValue } from './lexer.js';

export class BudgetExceeded extends Error {
  constructor() {
    super('decode budget exceeded');
  }
}

/** What the filters of one stream produced. */
export interface ChainResult {
  /** Bytes out of the last filter: the decoded stream. */
  output: number;
  /** Bytes out of every filter together, plus rows a predictor makes pdfjs allocate: what pdfjs would hold. */
  work: number;
  /** The count passed the budget and decoding stopped. */
  exceeded: boolean;
  /** The decoded bytes, when asked for (`keep`), within the budget and not over KEEP_LIMIT. */
  kept?: Buffer;
}

/** A zlib stream's first two bytes, checked as pdfjs's FlateStream checks them. */
function flateHeaderOk(cmf: number, flg: number): boolean {
  return (cmf & 0x0f) === 0x08 && ((cmf << 8) + flg) % 31 === 0 && !(flg & 0x20);
}

/**
 * pdfjs's inflater copies from before the start of the data without complaint (zeros); zlib refuses such a
 * stream at once. A window of zeros in front makes zlib read those streams as pdfjs does.
 */
const ZERO_WINDOW = Buffer.alloc(32 * 1024);
/** Input pieces: small enough that one piece cannot expand by much before the count sees it. */
const SLICE = 4 * 1024;
/** Output pieces of zlib: larger pieces, fewer trips through the streams (measured: 16 kB pieces ran at a third of the speed). */
const ZLIB_CHUNK = 256 * 1024;
/** Decoded object streams are kept up to this size (they are read for the objects inside); larger ones are only counted. */
const KEEP_LIMIT = 64 * 1024 * 1024;
/** Compressed input up to this size is inflated in one call (Flate's ratio is at most ~1032:1, so ≤ 17 MB). */
const SYNC_FLATE_LIMIT = 16 * 1024;

interface Meter {
  budget: number;
  work: number;
  output: number;
}

function count(meter: Meter, n: number): void {
  meter.work += n;
  if (meter.work > meter.budget) throw new BudgetExceeded();
}

type Stage = { kind: 'sync'; make: (emit: Emit) => SyncDecoder } | { kind: 'flate' } | { kind: 'brotli' } | { kind: 'empty' };

/** A parameter as pdfjs's `params.get(key) || default` reads it: absent or falsy is the default, a non-number NaN. */
function param(resolve: (v: PdfValue | undefined) => PdfValue[], dict: PdfDict | null, keys: string[], fallback: number): number {
  if (!dict) return fallback;
  const key = keys.find((k) => dict.has(k));
  if (key === undefined) return fallback;
  let best: number | undefined;
  for (const v of resolve(dict.get(key))) {
    const n = v === null || v === false || v === 0 ? fallback : typeof v === 'number' ? v : v === true ? 1 : NaN;
    if (best === undefined || n > best || Number.isNaN(n)) best = n;
  }
  return best ?? fallback;
}

/**
 * The stages for a chain, with what pdfjs allocates up front for a predictor (a whole row, in the predictor and
 * in the filter under it) counted before any data. Image codecs end the chain: what they decode to is a picture.
 */
function stagesFor(chain: FilterStep[], resolve: (v: PdfValue | undefined) => PdfValue[], meter: Meter, keep: boolean): Stage[] {
  const stages: Stage[] = [];
  for (let i = 0; i < chain.length; i++) {
    const { filter, params } = chain[i]!;
    if (IMAGE_CODECS.has(filter)) break;
    // The bytes of the last filter go nowhere unless they are kept: a last predictor only counts its rows.
    const needBytes = keep || !(i === chain.length - 1 || IMAGE_CODECS.has(chain[i + 1]!.filter));
    switch (filter) {
      case 'ASCIIHexDecode':
        stages.push({ kind: 'sync', make: asciiHexDecoder });
        break;
      case 'ASCII85Decode':
        stages.push({ kind: 'sync', make: ascii85Decoder });
        break;
      case 'RunLengthDecode':
        stages.push({ kind: 'sync', make: runLengthDecoder });
        break;
      case 'BrotliDecode':
        stages.push({ kind: 'brotli' });
        break;
      case 'FlateDecode':
      case 'LZWDecode': {
        const p: PredictorParams = {
          predictor: param(resolve, params, ['Predictor'], 1),
          colors: param(resolve, params, ['Colors'], 1),
          bits: param(resolve, params, ['BPC', 'BitsPerComponent'], 8),
          columns: param(resolve, params, ['Columns'], 1),
        };
        const kind = params ? predictorKind(p.predictor) : 'none';
        if (kind === 'invalid') {
          stages.push({ kind: 'empty' }); // pdfjs: "Unsupported predictor", the filter gives nothing
          break;
        }
        if (filter === 'FlateDecode') stages.push({ kind: 'flate' });
        else {
          const early = params && params.has('EarlyChange') ? param(resolve, params, ['EarlyChange'], 0) : 1;
          stages.push({ kind: 'sync', make: (emit) => lzwDecoder(emit, early) });
        }
        if (kind !== 'none') {
          const rowBytes = rowBytesOf(p);
          if (rowBytes > 0) count(meter, 2 * rowBytes);
          stages.push({ kind: 'sync', make: (emit) => predictorDecoder(emit, p, needBytes) });
        }
        break;
      }
    }
  }
  return stages;
}

/**
 * Decodes `data` through `chain` within `budget` bytes of work. `resolve` reads indirect parameters. With `keep`,
 * the decoded bytes are returned as well (for object streams, whose objects the check must read).
 */
export async function decodeChain(
  data: Uint8Array,
  chain: FilterStep[],
  budget: number,
  resolve: (v: PdfValue | undefined) => PdfValue[],
  keep = false,
): Promise<ChainResult> {
  const meter: Meter = { budget, work: 0, output: 0 };
  const kept: Buffer[] = [];
  const result = (exceeded: boolean): ChainResult => ({
    output: meter.output,
    work: meter.work,
    exceeded,
    ...(keep && !exceeded && meter.output <= KEEP_LIMIT ? { kept: Buffer.concat(kept) } : {}),
  });
  let stages: Stage[];
  try {
    stages = stagesFor(chain, resolve, meter, keep);
  } catch (err) {
    if (err instanceof BudgetExceeded) return result(true);
    throw err;
  }
  if (stages.length === 0) return result(false);
  const sink: Emit = (chunk) => {
    meter.output += chunk.length;
    if (keep && meter.output <= KEEP_LIMIT) kept.push(Buffer.from(chunk));
  };
  try {
    if (!runSync(data, stages, meter, sink)) {
      meter.work = 0;
      meter.output = 0;
      kept.length = 0;
      stagesFor(chain, resolve, meter, keep); // the up-front rows again, for the fresh count
      await runStreaming(data, stages, meter, sink);
    }
    return result(false);
  } catch (err) {
    if (err instanceof BudgetExceeded) return result(true);
    return result(false); // corrupt data: what decoded before the error is what pdfjs would have too
  }
}

/** Chains of counted sync decoders: each one's output is counted, then handed to the next (or the sink). */
function syncSegment(stages: Stage[], meter: Meter, sink: Emit): SyncDecoder[] {
  const decoders: SyncDecoder[] = [];
  let emit: Emit = sink;
  for (let i = stages.length - 1; i >= 0; i--) {
    const stage = stages[i]!;
    const next = emit;
    const counted: Emit = (chunk) => {
      count(meter, chunk.length);
      next(chunk);
    };
    let decoder: SyncDecoder;
    if (stage.kind === 'sync') decoder = stage.make(counted);
    else if (stage.kind === 'empty') decoder = { write: () => {}, end: () => {} };
    else throw new Error(`not a sync stage: ${stage.kind}`);
    decoders.unshift(decoder);
    emit = (chunk) => decoder.write(chunk);
  }
  return decoders;
}

function feed(decoders: SyncDecoder[], data: Uint8Array): void {
  for (let i = 0; i < data.length; i += SLICE) decoders[0]!.write(data.subarray(i, i + SLICE));
  for (const d of decoders) d.end();
}

/**
 * The common case without streams: small data whose only zlib filter, if any, comes first. False when the chain
 * needs the streaming path (large input, zlib later in the chain, or corrupt Flate data whose partial output only
 * the streaming inflater reports).
 */
function runSync(data: Uint8Array, stages: Stage[], meter: Meter, sink: Emit): boolean {
  if (data.length > SYNC_FLATE_LIMIT) return false;
  const first = stages[0]!;
  const rest = first.kind === 'flate' ? stages.slice(1) : stages;
  if (rest.some((s) => s.kind === 'flate' || s.kind === 'brotli')) return false;
  let input = data;
  if (first.kind === 'flate') {
    if (data.length < 2 || !flateHeaderOk(data[0]!, data[1]!)) input = new Uint8Array(0);
    else {
      try {
        input = inflateRawSync(data.subarray(2), {
          dictionary: ZERO_WINDOW,
          finishFlush: constants.Z_SYNC_FLUSH,
          maxOutputLength: Math.max(1, Math.min(meter.budget - meter.work + 1, 2 ** 31 - 1)),
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new BudgetExceeded();
        return false;
      }
    }
    count(meter, input.length);
    if (rest.length === 0) {
      sink(input);
      return true;
    }
  }
  feed(syncSegment(rest, meter, sink), input);
  return true;
}

/** A run of sync decoders as one Transform, counting as it goes. */
class SyncTransform extends Transform {
  private readonly decoders: SyncDecoder[];
  constructor(stages: Stage[], meter: Meter) {
    super();
    this.decoders = syncSegment(stages, meter, (chunk) => this.push(chunk));
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      for (let i = 0; i < chunk.length; i += SLICE) this.decoders[0]!.write(chunk.subarray(i, i + SLICE));
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      for (const d of this.decoders) d.end();
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }
}

/** Drops the two header bytes of a zlib stream after checking them; a bad header makes the filter give nothing. */
class FlateHeader extends Transform {
  private header: number[] = [];
  private ok: boolean | null = null;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    let i = 0;
    while (this.ok === null && i < chunk.length) {
      this.header.push(chunk[i++]!);
      if (this.header.length === 2) this.ok = flateHeaderOk(this.header[0]!, this.header[1]!);
    }
    if (this.ok && i < chunk.length) this.push(chunk.subarray(i));
    cb();
  }
}

/** Counts what a zlib stage produced. */
class Counter extends Transform {
  constructor(private readonly meter: Meter) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      count(this.meter, chunk.length);
      cb(null, chunk);
    } catch (err) {
      cb(err as Error);
    }
  }
}

async function runStreaming(data: Uint8Array, stages: Stage[], meter: Meter, sink: Emit): Promise<void> {
  const transforms: Transform[] = [];
  for (let i = 0; i < stages.length; ) {
    const stage = stages[i]!;
    if (stage.kind === 'flate' || stage.kind === 'brotli') {
      if (stage.kind === 'flate') transforms.push(new FlateHeader());
      transforms.push(
        stage.kind === 'flate'
          ? createInflateRaw({ dictionary: ZERO_WINDOW, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: ZLIB_CHUNK })
          : createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH, chunkSize: ZLIB_CHUNK }),
        new Counter(meter),
      );
      i++;
      continue;
    }
    let j = i;
    while (j < stages.length && stages[j]!.kind !== 'flate' && stages[j]!.kind !== 'brotli') j++;
    transforms.push(new SyncTransform(stages.slice(i, j), meter));
    i = j;
  }
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += ZLIB_CHUNK) yield Buffer.from(data.buffer, data.byteOffset + i, Math.min(ZLIB_CHUNK, data.length - i));
    })(),
  );
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      sink(chunk);
      cb();
    },
  });
  await pipeline([source, ...transforms, out]);
}
