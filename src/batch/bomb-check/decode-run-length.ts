import { OutputBuffer, type Emit, type SyncDecoder } from './decoder.js';

/**
 * RunLengthDecode as pdfjs's RunLengthStream: a length byte n < 128 copies the next n + 1 bytes, n > 128 repeats
 * the next byte 257 - n times (two bytes in, up to 128 out), 128 ends the data.
 */
export function runLengthDecoder(emit: Emit): SyncDecoder {
  const out = new OutputBuffer(emit);
  let header = -1; // the pending length byte
  let literal = 0; // literal bytes still to copy
  let done = false;
  return {
    write(chunk) {
      if (done) return;
      for (const c of chunk) {
        if (literal > 0) {
          out.push(c);
          literal--;
        } else if (header < 0) {
          if (c === 128) {
            done = true;
            break;
          }
          header = c;
        } else {
          if (header < 128) {
            out.push(c);
            literal = header;
          } else {
            for (let i = 257 - header; i > 0; i--) out.push(c);
          }
          header = -1;
        }
      }
      out.flush();
    },
    end() {
      out.flush();
    },
  };
}
