import { Parser } from 'htmlparser2';

/**
 * Where each paragraph mammoth writes stands in the Word file. Mammoth says nothing of positions and does not write
 * every paragraph: the empty paragraph of each cell merged into the one above it is dropped, a paragraph whose mark
 * was deleted with tracked changes is joined to the next, a text box is read from its fallback copy only. So the
 * paragraphs of the document part are read here, each with its text, and mammoth's are matched to them in order.
 */
const WORD_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The text of every paragraph (w:p) of the main document part, in document order: in table cells and text boxes too. */
export async function documentParagraphs(bytes: Uint8Array): Promise<string[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const rels = await zip.file('_rels/.rels')?.async('string');
  let part = 'word/document.xml';
  if (rels) {
    parse(rels, {
      onopentag(name, attrs) {
        if (name.endsWith('Relationship') && OFFICE_DOCUMENT.test(attrs.Type ?? '') && attrs.Target) part = attrs.Target.replace(/^\//, '');
      },
    });
  }
  const xml = await zip.file(part)?.async('string');
  return xml === undefined ? [] : paragraphTexts(xml);
}

function paragraphTexts(xml: string): string[] {
  const texts: string[] = [];
  const open: number[] = [];
  let prefix: string | null = null;
  let inText = 0;
  parse(xml, {
    onopentag(name, attrs) {
      if (prefix === null) {
        // The root names the WordprocessingML namespace, usually as "w".
        const decl = Object.entries(attrs).find(([k, v]) => k.startsWith('xmlns:') && v === WORD_MAIN);
        prefix = decl ? decl[0].slice('xmlns:'.length) : 'w';
      }
      if (name === `${prefix}:p`) {
        open.push(texts.length);
        texts.push('');
      } else if (name === `${prefix}:t`) inText++;
    },
    ontext(text) {
      if (inText && open.length) texts[open[open.length - 1]] += text;
    },
    onclosetag(name) {
      if (name === `${prefix}:p`) open.pop();
      else if (name === `${prefix}:t`) inText--;
    },
  });
  return texts;
}

function parse(xml: string, handler: ConstructorParameters<typeof Parser>[0]): void {
  const parser = new Parser(handler, { xmlMode: true });
  parser.write(xml);
  parser.end();
}

/** Letters and digits only: white space, tabs and the symbols mammoth writes for fields and notes do not count. */
const key = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The 1-based position among `documentTexts` of each of mammoth's paragraphs, matched in order by their text; where
 * the texts differ (a field's result, a joined paragraph), the next paragraph with text. None for empty paragraphs
 * and for what comes after the document body (footnotes, comments).
 */
export function alignParagraphs(written: string[], documentTexts: string[]): (number | undefined)[] {
  const keys = documentTexts.map(key);
  let next = 0;
  return written.map((text) => {
    const k = key(text);
    if (!k) return undefined;
    let at = keys.indexOf(k, next);
    if (at < 0) at = keys.findIndex((d, j) => j >= next && d !== '');
    if (at < 0) return undefined;
    next = at + 1;
    return at + 1;
  });
}
