import { createRequire, register } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The legacy build carries core-js polyfills, installed on the globals of whatever thread loads it. Two of them
// replace fast native functions on Node 20 and are put back right after loading:
// - JSON.stringify / JSON.parse become JavaScript versions for the "JSON.parse source text access" proposal, about
//   15 times slower (measured: 14 → 223 ms for one document's result). pdfjs never uses raw JSON.
// - Array.prototype.push becomes a JavaScript loop (core-js forces it because V8 does not throw on a push past a
//   non-writable length); it was ~17 % of a worker's profile on an archive, pdfjs's own pushes and ours.
// The worker half of pdfjs (pdf.worker.mjs, run in this thread as pdfjs's "fake worker") is imported here too, so
// its copy of core-js installs before the natives go back instead of later, at the first getDocument; pdfjs takes
// it from globalThis.pdfjsWorker.
// Before either half loads, the hooks in pdfjs-patches.ts are registered: they fix slow spots of their source as
// they load (see PDFJS_PATCHES there) and add to each an export naming the fixes applied.
const natives = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push };
// (Run from the TypeScript sources, as vitest does, there is no compiled hooks file and pdfjs loads as shipped.)
const hooks = new URL('./pdfjs-patches.js', import.meta.url);
if (existsSync(fileURLToPath(hooks))) register(hooks);
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const workerHalf: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const workerModule = (await import(workerHalf)) as Record<string, unknown>;
JSON.stringify = natives.stringify;
JSON.parse = natives.parse;
Object.defineProperty(Array.prototype, 'push', { value: natives.push, writable: true, configurable: true, enumerable: false });
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { DocumentFailure } from '../model/errors.js';
import { APPLIED_EXPORT } from './pdfjs-patches.js';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
const dir = (sub: string) => path.join(pdfjsRoot, sub) + path.sep;

export const OPS = pdfjs.OPS;
export const pdfjsVersion: string = pdfjs.version;
/** The ids of the load-time fixes applied to this thread's pdfjs (empty when its source did not match them). */
export const pdfjsPatches: readonly string[] = [pdfjs as Record<string, unknown>, workerModule].flatMap((m) =>
  Array.isArray(m[APPLIED_EXPORT]) ? (m[APPLIED_EXPORT] as string[]) : [],
);
export type { PDFDocumentProxy };

/** pdfjs's verbosity levels: 0 errors only (what the pipeline uses), 1 warnings, 5 infos. */
export const VerbosityLevel: { ERRORS: number; WARNINGS: number; INFOS: number } = pdfjs.VerbosityLevel;

/**
 * Opens a PDF with the safe options: no eval, no XFA, local cmaps/wasm, no substitute fonts, no font-face or canvas
 * work. `verbosity` above 0 makes pdfjs print what it tolerates (to console.warn / console.info).
 */
export async function openPdf(bytes: Uint8Array, opts: { verbosity?: number } = {}): Promise<PDFDocumentProxy> {
  if (bytes.length === 0) throw new DocumentFailure('EMPTY', 'The file is empty (0 bytes).');
  if (!looksLikePdf(bytes)) {
    throw new DocumentFailure('NOT_PDF', `The file is not a PDF: it starts with ${describeStart(bytes)}, not "%PDF-".`);
  }
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    // No standardFontDataUrl, on purpose (DESIGN.md asks for it; this is the measured exception). With it, every
    // document using one of the 14 standard fonts unembedded (Helvetica from pdf-lib, Arial from Word) loads a
    // substitute font program and converts it for a renderer we do not have: converting it and compiling the
    // converter again in every worker cost 10-15 % of the benchmark archive's time with two workers. Without it
    // pdfjs treats the font as missing: widths still come from /Widths or its built-in metrics and text from the
    // encoding. The results were byte-identical on the fixtures, the benchmark archive and the real reports.
    cMapUrl: dir('cmaps'),
    cMapPacked: true,
    wasmUrl: dir('wasm'),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: opts.verbosity ?? 0,
  });
  try {
    return await task.promise;
  } catch (err) {
    void task.destroy();
    throw mapPdfjsError(err);
  }
}

function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may be preceded by up to 1024 bytes of junk (PDF 32000-1 §7.5.2 note; readers accept it).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function describeStart(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
  if (/^\s*<(!doctype|html)/i.test(head)) return 'an HTML document';
  const printable = head.replace(/[^\x20-\x7e]/g, '.');
  return JSON.stringify(printable);
}

export function mapPdfjsError(err: unknown): DocumentFailure {
  if (err instanceof DocumentFailure) return err;
  const e = err as { name?: string; message?: string };
  const name = e?.name ?? '';
  const msg = e?.message ?? String(err);
  if (name === 'PasswordException') {
    return new DocumentFailure('ENCRYPTED', 'The PDF is encrypted with a password; verkstad cannot read it without one.');
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'MissingPDFException' || name === 'UnknownErrorException') {
    return new DocumentFailure('INVALID_PDF', `The PDF is damaged and could not be read: ${msg}`);
  }
  if (err instanceof RangeError) {
    return new DocumentFailure('INVALID_PDF', `The PDF's structure is too deeply nested or too large to read: ${msg}`);
  }
  return new DocumentFailure('INVALID_PDF', `The PDF could not be read: ${msg}`);
}
