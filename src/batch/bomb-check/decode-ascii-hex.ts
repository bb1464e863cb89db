import { OutputBuffer, type Emit, type SyncDecoder } from './decoder.js';

/** ASCIIHexDecode as pdfjs's AsciiHexStream: non-hex bytes are skipped, `>` ends the data (and flushes an odd digit). */
export function asciiHexDecoder(emit: Emit): SyncDecoder {
  const out = new OutputBuffer(emit);
  let first = -1;
  let done = false;
  return {
    write(chunk) {
      if (done) return;
      for (const ch of chunk) {
        let digit: number;
        if (ch >= 0x30 && ch <= 0x39) digit = ch & 0x0f;
        else if ((ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66)) digit = (ch & 0x0f) + 9;
        else if (ch === 0x3e) {
          done = true;
          if (first >= 0) out.push(first << 4);
          break;
        } else continue;
        if (first < 0) first = digit;
        else {
          out.push((first << 4) | digit);
          first = -1;
        }
      }
      out.flush();
    },
    end() {
      out.flush();
    },
  };
}
