import type { Emit, SyncDecoder } from './decoder.js';

export interface PredictorParams {
  predictor: number;
  colors: number;
  bits: number;
  columns: number;
}

/**
 * Bytes of one row as pdfjs computes them (`(columns * colors * bits + 7) >> 3`, a 32-bit shift): pdfjs allocates a
 * whole row before it has read one, in the predictor and in the filter below it, however short the data. A
 * ten-byte stream that claims a billion columns costs it gigabytes, so the row counts against the budget.
 */
export const rowBytesOf = (p: PredictorParams): number => (p.columns * p.colors * p.bits + 7) >> 3;

/** Whether pdfjs builds a predictor at all (1 or less: none) and whether it accepts this one (else the stream is empty). */
export function predictorKind(predictor: number): 'none' | 'png' | 'tiff' | 'invalid' {
  if (!(predictor > 1)) return 'none';
  if (predictor === 2) return 'tiff';
  return predictor >= 10 && predictor <= 15 ? 'png' : 'invalid';
}

/**
 * The PNG (10–15) and TIFF (2) predictors as pdfjs's PredictorStream applies them, row by row. A short last row
 * still gives a whole row (pdfjs fills it from missing bytes, i.e. zeros). With `needBytes` false the rows are
 * counted, not computed: the predictor is the last filter and its bytes go nowhere.
 */
export function predictorDecoder(emit: Emit, p: PredictorParams, needBytes: boolean): SyncDecoder {
  const png = predictorKind(p.predictor) === 'png';
  const rowBytes = rowBytesOf(p);
  const inRow = png ? rowBytes + 1 : rowBytes;
  const pixBytes = (p.colors * p.bits + 7) >> 3;
  let pending = 0; // input bytes of the current row seen so far
  let rowIn: Uint8Array | null = needBytes && rowBytes > 0 ? new Uint8Array(inRow) : null;
  let prev: Uint8Array | null = rowIn ? new Uint8Array(rowBytes) : null;
  let done = rowBytes <= 0;
  const zeros = needBytes ? null : new Uint8Array(Math.min(Math.max(rowBytes, 0), 64 * 1024));

  const finishRow = (): void => {
    if (!needBytes) {
      for (let left = rowBytes; left > 0; left -= zeros!.length) emit(left >= zeros!.length ? zeros! : zeros!.subarray(0, left));
      return;
    }
    const row = new Uint8Array(rowBytes);
    if (png) {
      const ok = pngRow(rowIn![0]!, rowIn!.subarray(1, pending), prev!, row, pixBytes);
      if (!ok) {
        done = true; // pdfjs throws "Unsupported predictor" here: the stream ends
        return;
      }
    } else tiffRow(rowIn!.subarray(0, pending), row, p);
    rowIn!.fill(0);
    prev = row;
    emit(row);
  };

  return {
    write(chunk) {
      let i = 0;
      while (i < chunk.length && !done) {
        const n = Math.min(inRow - pending, chunk.length - i);
        if (rowIn) rowIn.set(chunk.subarray(i, i + n), pending);
        pending += n;
        i += n;
        if (pending === inRow) {
          finishRow();
          pending = 0;
        }
      }
    },
    end() {
      // A PNG row needs its type byte and at least one data byte to exist; a TIFF row one byte.
      if (!done && pending > (png ? 1 : 0)) finishRow();
      pending = 0;
      rowIn = null;
      prev = null;
    },
  };
}

/**
 * One PNG-predicted row; false for an unknown row type. A missing input byte is NaN, as pdfjs's `undefined` is in
 * the same sums: whatever it touches stores as 0.
 */
function pngRow(type: number, raw: Uint8Array, prev: Uint8Array, out: Uint8Array, pix: number): boolean {
  const n = out.length;
  const r = (i: number): number => (i < raw.length ? raw[i]! : NaN);
  switch (type) {
    case 0:
      for (let i = 0; i < n; i++) out[i] = r(i);
      return true;
    case 1:
      for (let i = 0; i < n; i++) out[i] = i < pix ? r(i) : (out[i - pix]! + r(i)) & 0xff;
      return true;
    case 2:
      for (let i = 0; i < n; i++) out[i] = (prev[i]! + r(i)) & 0xff;
      return true;
    case 3:
      for (let i = 0; i < n; i++) out[i] = i < pix ? (prev[i]! >> 1) + r(i) : (((prev[i]! + out[i - pix]!) >> 1) + r(i)) & 0xff;
      return true;
    case 4:
      for (let i = 0; i < n; i++) {
        if (i < pix) {
          out[i] = prev[i]! + r(i);
          continue;
        }
        const up = prev[i]!;
        const upLeft = prev[i - pix]!;
        const left = out[i - pix]!;
        const q = left + up - upLeft;
        const pa = Math.abs(q - left);
        const pb = Math.abs(q - up);
        const pc = Math.abs(q - upLeft);
        out[i] = (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft) + r(i);
      }
      return true;
    default:
      return false;
  }
}

/** One TIFF-predicted row (predictor 2), the four cases of pdfjs's readBlockTiff. */
function tiffRow(raw: Uint8Array, out: Uint8Array, p: PredictorParams): void {
  const { colors, bits } = p;
  const n = out.length;
  const r = (i: number): number => (i < raw.length ? raw[i]! : NaN);
  if (bits === 1 && colors === 1) {
    let inbuf = 0;
    for (let i = 0; i < n; i++) {
      let c = r(i) ^ inbuf;
      c ^= c >> 1;
      c ^= c >> 2;
      c ^= c >> 4;
      inbuf = (c & 1) << 7;
      out[i] = c;
    }
  } else if (bits === 8) {
    for (let i = 0; i < n; i++) out[i] = i < colors ? r(i) : out[i - colors]! + r(i);
  } else if (bits === 16) {
    const bpp = colors * 2;
    let i = 0;
    for (; i < bpp && i < n; i++) out[i] = r(i);
    for (; i < n; i += 2) {
      const sum = ((r(i) & 0xff) << 8) + (r(i + 1) & 0xff) + ((out[i - bpp]! & 0xff) << 8) + (out[i - bpp + 1]! & 0xff);
      out[i] = (sum >> 8) & 0xff;
      if (i + 1 < n) out[i + 1] = sum & 0xff;
    }
  } else {
    const comp = new Uint8Array(colors + 1);
    const mask = (1 << bits) - 1;
    let inbuf = 0;
    let inbits = 0;
    let outbuf = 0;
    let outbits = 0;
    let j = 0;
    let k = 0;
    for (let i = 0; i < p.columns; i++) {
      for (let kk = 0; kk < colors; kk++) {
        if (inbits < bits) {
          inbuf = (inbuf << 8) | (r(j++) & 0xff);
          inbits += 8;
        }
        comp[kk] = (comp[kk]! + (inbuf >> (inbits - bits))) & mask;
        inbits -= bits;
        outbuf = (outbuf << bits) | comp[kk]!;
        outbits += bits;
        if (outbits >= 8) {
          if (k < n) out[k] = (outbuf >> (outbits - 8)) & 0xff;
          k++;
          outbits -= 8;
        }
      }
    }
    if (outbits > 0 && k < n) out[k] = (outbuf << (8 - outbits)) + (inbuf & ((1 << (8 - outbits)) - 1));
  }
}
