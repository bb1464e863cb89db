import { OutputBuffer, type Emit, type SyncDecoder } from './decoder.js';

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/**
 * ASCII85Decode as pdfjs's Ascii85Stream: `z` is four zero bytes (the filter's only expansion, 4:1), `~` ends
 * the data, a short last group gives one byte less than its characters, padded with `u` as the standard says.
 */
export function ascii85Decoder(emit: Emit): SyncDecoder {
  const out = new OutputBuffer(emit);
  const group = new Array<number>(5);
  let n = 0;
  let done = false;
  const flushGroup = (count: number) => {
    for (let i = count; i < 5; i++) group[i] = 0x21 + 84;
    let t = 0;
    for (let i = 0; i < 5; i++) t = t * 85 + (group[i]! - 0x21);
    const bytes = [(t >>> 24) & 0xff, (t >>> 16) & 0xff, (t >>> 8) & 0xff, t & 0xff];
    for (let i = 0; i < count - 1; i++) out.push(bytes[i]!);
  };
  return {
    write(chunk) {
      if (done) return;
      for (const c of chunk) {
        if (isWhite(c)) continue;
        if (c === 0x7e) {
          done = true;
          if (n > 0) flushGroup(n);
          break;
        }
        if (n === 0 && c === 0x7a) {
          for (let i = 0; i < 4; i++) out.push(0);
          continue;
        }
        group[n++] = c;
        if (n === 5) {
          flushGroup(5);
          n = 0;
        }
      }
      out.flush();
    },
    end() {
      if (!done && n > 0) flushGroup(n);
      out.flush();
    },
  };
}
