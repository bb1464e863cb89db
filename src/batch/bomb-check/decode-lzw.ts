import { OutputBuffer, type Emit, type SyncDecoder } from './decoder.js';

/** pdfjs decodes LZW in blocks of this many codes and runs a started block to its end even past the data. */
const BLOCK_CODES = 512;
const MAX_DICTIONARY = 4096;

/**
 * LZWDecode as pdfjs's LZWStream, step for step and with the same typed arrays, because its tolerance is where
 * the expansion hides: a code at or past the next free entry repeats the current sequence one byte longer,
 * and the lengths table is not reset by a clear code, so a crafted stream can grow far past the textbook
 * ratio. Sequences longer than the 4096-byte buffer come out as zeros past its end, as in pdfjs.
 */
export function lzwDecoder(emit: Emit, earlyChange = 1): SyncDecoder {
  const out = new OutputBuffer(emit);
  const values = new Uint8Array(MAX_DICTIONARY);
  const lengths = new Uint16Array(MAX_DICTIONARY);
  const prevCodes = new Uint16Array(MAX_DICTIONARY);
  const sequence = new Uint8Array(MAX_DICTIONARY);
  for (let i = 0; i < 256; i++) {
    values[i] = i;
    lengths[i] = 1;
  }
  let sequenceLength = 0;
  let codeLength = 9;
  let nextCode = 258;
  let prevCode: number | null = null;
  let cached = 0;
  let bitsCached = 0;
  let codesInBlock = 0;
  let done = false;

  /** One code (null past the end of the data, which pdfjs still turns into a byte). */
  const step = (code: number | null): void => {
    const hasPrev = sequenceLength > 0;
    if (code === null || code < 256) {
      sequence[0] = code ?? 0;
      sequenceLength = 1;
    } else if (code >= 258) {
      if (code < nextCode) {
        sequenceLength = lengths[code]!;
        for (let j = sequenceLength - 1, q = code; j >= 0; j--) {
          sequence[j] = values[q]!;
          q = prevCodes[q]!;
        }
      } else {
        sequence[sequenceLength++] = sequence[0]!;
      }
    } else if (code === 256) {
      codeLength = 9;
      nextCode = 258;
      sequenceLength = 0;
      return;
    } else {
      done = true;
      return;
    }
    if (hasPrev) {
      prevCodes[nextCode] = prevCode ?? 0;
      lengths[nextCode] = lengths[prevCode ?? 0]! + 1;
      values[nextCode] = sequence[0]!;
      nextCode++;
      codeLength =
        (nextCode + earlyChange) & (nextCode + earlyChange - 1) ? codeLength : Math.min(Math.log(nextCode + earlyChange) / 0.6931471805599453 + 1, 12) | 0;
    }
    prevCode = code;
    const shown = Math.min(sequenceLength, MAX_DICTIONARY);
    for (let j = 0; j < shown; j++) out.push(sequence[j]!);
    for (let j = shown; j < sequenceLength; j++) out.push(0);
  };

  return {
    write(chunk) {
      for (const byte of chunk) {
        if (done) break;
        cached = ((cached << 8) | byte) >>> 0;
        bitsCached += 8;
        while (bitsCached >= codeLength && !done) {
          bitsCached -= codeLength;
          const code = (cached >>> bitsCached) & ((1 << codeLength) - 1);
          step(code);
          codesInBlock = (codesInBlock + 1) % BLOCK_CODES;
        }
        cached &= (1 << bitsCached) - 1;
      }
      out.flush();
    },
    end() {
      // pdfjs finishes the block it is in with "codes" read past the end (or starts one more, if it had just
      // finished one), each giving a byte.
      if (!done) for (let i = codesInBlock; i < BLOCK_CODES && !done; i++) step(null);
      out.flush();
    },
  };
}
