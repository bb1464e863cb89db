/**
 * A bound on what pdfjs decodes, enforced inside pdfjs itself: the second line behind the batch's bomb check.
 *
 * The check reads the raw file before pdfjs does, so whatever it cannot read, pdfjs may still decode: a stream
 * encrypted with the empty password (the check sees ciphertext), a Flate stream zlib rejects and pdfjs's
 * lenient inflater accepts, an inline image inside a content stream. Every decoded stream in pdfjs grows one
 * buffer through `DecodeStream.ensureBuffer`; the load-time patch `decode-bound` (pdfjs-patches.ts) makes that
 * method refuse a buffer past the limit of the document being read and note it here. pdfjs swallows the error
 * where it tolerates broken content, so the document's extraction asks afterwards whether the limit was hit.
 *
 * The limit belongs to the document through AsyncLocalStorage: pdfjs's worker half runs in this thread, on
 * promise callbacks that start from our calls, so two documents read at once in one thread keep their own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface DecodeBound {
  /** Largest buffer pdfjs may grow for one stream. */
  readonly limitBytes: number;
  /** The largest buffer pdfjs asked for past the limit (0 when it never did). */
  refusedBytes: number;
}

/** Where the patched pdfjs finds the bound of the document it is decoding (see the `decode-bound` patch). */
export const DECODE_BOUND_KEY = 'verkstad.decodeBound';

const storage = new AsyncLocalStorage<DecodeBound>();
(globalThis as Record<symbol, unknown>)[Symbol.for(DECODE_BOUND_KEY)] = storage;

/** Runs `fn` (which reads one document with pdfjs) under a bound of `limitBytes` per decoded stream. */
export function withDecodeBound<T>(limitBytes: number, fn: (bound: DecodeBound) => Promise<T>): Promise<T> {
  const bound: DecodeBound = { limitBytes, refusedBytes: 0 };
  return storage.run(bound, () => fn(bound));
}
