/**
 * The shape every filter decoder of the bomb check has: input arrives in pieces, output leaves in pieces, and
 * nothing is kept beyond what the filter itself needs (an LZW dictionary, a predictor's previous row). Each
 * decoder mirrors what pdfjs 5.5's stream class for the same filter does with the same bytes, including its
 * tolerance of broken data, so that the check measures what the parser would build.
 */
export type Emit = (chunk: Uint8Array) => void;

export interface SyncDecoder {
  write(chunk: Uint8Array): void;
  /** The input ended (some filters flush a last partial group here). */
  end(): void;
}

/** Gathers output bytes into chunks of `size` before emitting them: one call per byte would dominate the cost. */
export class OutputBuffer {
  private readonly buf: Uint8Array;
  private len = 0;
  constructor(
    private readonly emit: Emit,
    size = 64 * 1024,
  ) {
    this.buf = new Uint8Array(size);
  }
  push(byte: number): void {
    this.buf[this.len++] = byte;
    if (this.len === this.buf.length) this.flush();
  }
  flush(): void {
    if (this.len === 0) return;
    this.emit(this.buf.slice(0, this.len));
    this.len = 0;
  }
}
