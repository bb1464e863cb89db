/**
 * Why a PDF without text has none. `NO_TEXT_LAYER` sends people to OCR, which is right for a scan and wrong for
 * a page whose content stream is broken: there the text exists and pdfjs could not read it. pdfjs tolerates a
 * broken stream silently (an empty page), and says what it tolerated only in its warnings. So when no page has
 * text, the document is opened again with pdfjs's warnings on and each page's text read once more, listening:
 * a page over which pdfjs reported a parse error makes the document `INVALID_PDF` with pdfjs's own words.
 *
 * Only documents without any text take this path (scans and broken files), so results on everything else stay
 * as they were. pdfjs prints through console.warn and console.info; those two are borrowed for the pass (a
 * batch worker runs one document at a time, so nothing else of ours is printing meanwhile).
 */
import { DocumentFailure } from '../model/errors.js';
import { openPdf, VerbosityLevel } from './pdfjs.js';

/**
 * What pdfjs says when it skips part of a content stream: a filter it cannot apply, a broken Flate stream, a
 * token it cannot read, an operator it does not know, an error it ignored in the middle of a page.
 */
const PARSE_ERROR = /Invalid stream|is not supported|flate stream|Unterminated string|Unknown command|Illegal character|ignoring errors|Missing endstream|Bad length|FormatError|Unexpected|Invalid (?:object|number|hex|dictionary)|Bad encoding/i;
/** Font warnings say a font is missing; they are about how text looks, not whether the page parsed. */
const NOT_PARSE_ERROR = /font/i;

/** The failure for a document whose pages gave no text: NO_TEXT_LAYER, or INVALID_PDF with pdfjs's reason. */
export async function explainMissingText(bytes: Uint8Array, numPages: number): Promise<DocumentFailure> {
  const broken = await firstBrokenPage(bytes).catch(() => null);
  if (broken) {
    return new DocumentFailure(
      'INVALID_PDF',
      `No page has readable text, and the content of page ${broken.page} is damaged: pdfjs reported "${broken.reason}".`,
    );
  }
  return new DocumentFailure(
    'NO_TEXT_LAYER',
    `None of the ${numPages} page(s) has a text layer (a scanned document?); run OCR first, e.g. ocrmypdf.`,
  );
}

let listening = false;

/** The first page whose text pdfjs could only read by skipping something, with what it said; null when none. */
async function firstBrokenPage(bytes: Uint8Array): Promise<{ page: number; reason: string } | null> {
  if (listening) return null; // another document is being diagnosed in this thread: its reports are not ours
  listening = true;
  const reports: string[] = [];
  const saved = { warn: console.warn, info: console.info };
  const listen = (prefix: string, pass: (...args: unknown[]) => void) => (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (line.startsWith(prefix)) reports.push(line.slice(prefix.length));
    else pass(...args);
  };
  console.warn = listen('Warning: ', saved.warn);
  console.info = listen('Info: ', saved.info);
  try {
    const doc = await openPdf(bytes, { verbosity: VerbosityLevel.INFOS });
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        reports.length = 0;
        let thrown: string | null = null;
        try {
          const page = await doc.getPage(n);
          try {
            await page.getTextContent();
          } finally {
            page.cleanup();
          }
        } catch (err) {
          thrown = (err as Error)?.message ?? String(err);
        }
        const reason = thrown ?? reports.find((r) => PARSE_ERROR.test(r) && !NOT_PARSE_ERROR.test(r));
        if (reason) return { page: n, reason };
      }
      return null;
    } finally {
      await doc.destroy();
    }
  } finally {
    console.warn = saved.warn;
    console.info = saved.info;
    listening = false;
  }
}
