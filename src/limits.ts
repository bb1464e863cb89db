/**
 * The bounds on one document, in one table: the CLI's option defaults (`--timeout`, `--memory`, `--max-bytes`,
 * `--max-pages`), the context that runs the pipeline and the batch all read them from here. Every bound is
 * enforced from outside the parser (src/batch/README.md, "Bounds"); a document past one becomes `TIMEOUT` or
 * `TOO_LARGE`, and a stored one is retried when the bound is raised.
 */
export interface Limits {
  /** Wall time per document, from the moment its worker starts on it. */
  timeoutMs: number;
  /** Resident memory of the whole process: the main thread and every worker thread. */
  memoryMb: number;
  /** Files larger than this are refused without being read. */
  maxBytes: number;
  /** Documents claiming more pages are refused before any page is read. */
  maxPages: number;
}

export const LIMITS: Readonly<Limits> = {
  // Reports run at roughly 100 pages/s on one core (`npm run bench`), so even an 800-page one takes seconds:
  // a document still running after a minute is a parser caught in a hostile file, not a long report.
  timeoutMs: 60_000,
  // The main thread (~120 MB with rules and model) and two workers analysing an archive peak near 480 MB; a
  // decompression bomb that takes pdfjs to 6 GB is stopped here, long before the machine starts to swap.
  memoryMb: 1536,
  // Municipal reports are a few MB (the real ones we test on are 0.1-1.6 MB for up to 71 pages): 200 MB is
  // a scanned or padded file that would only cost memory, and stat() refuses it before a byte is read.
  maxBytes: 200 * 1024 ** 2,
  // An annual report runs to a few hundred pages; a page count claimed past 2 000 is a lie or not a report,
  // and refusing it up front is cheaper than reading it (a lying page count is a cheap denial of service).
  maxPages: 2000,
};
