import { Parser } from 'htmlparser2';
import { tidy, type DraftBlock, type DraftCell, type DraftLine, type DraftRow } from './draft.js';
import { alignParagraphs, documentParagraphs } from './docx-paragraphs.js';

/**
 * A Word draft through mammoth's HTML: headings from heading styles (and the Title style), paragraphs, list items,
 * tables with their merged cells, bold runs, page breaks. The HTML is parsed, not pattern-matched, so that its
 * entities are decoded exactly once ("&lt;b&gt;" written in Word stays that text).
 */
const STYLE_MAP = [
  // Word stores a page break as a break element; mammoth drops it unless it is mapped to something.
  "br[type='page'] => hr",
  "p[style-name='Title'] => h1:fresh",
];

export async function readDocx(bytes: Uint8Array): Promise<DraftBlock[]> {
  const { default: mammoth } = await import('mammoth');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Images are not read: they carry no text, and decoding them into data URIs costs memory for nothing.
  const noImages = mammoth.images.imgElement(async () => ({ src: '' }));
  const [html, documentTexts] = await Promise.all([
    mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage: noImages }).then((r) => r.value),
    documentParagraphs(bytes),
  ]);
  const { blocks, paragraphs } = blocksOfHtml(html);
  const sources = alignParagraphs(paragraphs.map((p) => p.text), documentTexts);
  paragraphs.forEach((p, k) => {
    const source = sources[k];
    if (source !== undefined) for (const l of p.lines) l.source = source;
  });
  return blocks;
}

/** One paragraph of the Word file as mammoth wrote it: its text, and the draft lines made of it. */
interface WrittenParagraph { text: string; lines: DraftLine[] }

interface OpenParagraph {
  tag: string;
  written: WrittenParagraph;
  lines: { text: string; letters: number; boldLetters: number }[];
}

interface OpenTable {
  rows: DraftRow[];
  row: DraftRow | null;
  cell: DraftCell | null;
  /** Grid columns still covered by a cell from a row above (rows left). */
  covered: number[];
  /** The grid column the next cell may start in. */
  next: number;
}

const BLOCK = /^(p|h[1-6]|li)$/;

export function blocksOfHtml(html: string): { blocks: DraftBlock[]; paragraphs: WrittenParagraph[] } {
  const blocks: DraftBlock[] = [];
  const paragraphs: WrittenParagraph[] = [];
  const tables: OpenTable[] = [];
  let para: OpenParagraph | null = null;
  let bold = 0;

  /** `continued`: the same Word paragraph going on after a page break inside it. */
  const openParagraph = (tag: string, continued?: WrittenParagraph) => {
    const written = continued ?? { text: '', lines: [] };
    if (!continued) paragraphs.push(written);
    para = { tag, written, lines: [{ text: '', letters: 0, boldLetters: 0 }] };
  };
  const closeParagraph = () => {
    const p = para as OpenParagraph | null;
    para = null;
    if (!p) return;
    const heading = /^h([1-6])$/.exec(p.tag);
    const lines: DraftLine[] = p.lines
      .map((l) => ({ text: tidy(l.text), bold: Boolean(heading) || (l.letters > 0 && l.boldLetters === l.letters) }))
      .filter((l) => l.text);
    p.written.lines.push(...lines);
    const table = tables[0];
    if (table) {
      table.cell?.lines.push(...lines);
    } else if (lines.length) {
      blocks.push(heading ? { kind: 'heading', level: Number(heading[1]), lines } : { kind: 'paragraph', lines });
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (BLOCK.test(name)) {
          closeParagraph();
          openParagraph(name);
        } else if (name === 'br') {
          para?.lines.push({ text: '', letters: 0, boldLetters: 0 });
        } else if (name === 'hr' && !tables.length) {
          // A page break inside a paragraph: the paragraph goes on, on the next page.
          const p = para as OpenParagraph | null;
          closeParagraph();
          blocks.push({ kind: 'page-break' });
          if (p) openParagraph(p.tag, p.written);
        } else if (name === 'strong' || name === 'b') {
          bold++;
        } else if (name === 'table') {
          closeParagraph();
          tables.push({ rows: [], row: null, cell: null, covered: [], next: 0 });
        } else if (name === 'tr' && tables.length === 1) {
          const t = tables[0];
          t.row = { cells: [] };
          t.rows.push(t.row);
          t.next = 0;
        } else if ((name === 'td' || name === 'th') && tables.length === 1) {
          startCell(tables[0], Number(attrs.colspan ?? 1) || 1, Number(attrs.rowspan ?? 1) || 1);
        }
      },
      ontext(text) {
        if (!para) {
          if (!text.trim()) return;
          // Text outside any paragraph (mammoth writes little of it): a paragraph of its own, at no known place.
          para = { tag: '', written: { text: '', lines: [] }, lines: [{ text: '', letters: 0, boldLetters: 0 }] };
        }
        const p = para as OpenParagraph;
        const line = p.lines[p.lines.length - 1];
        const letters = text.replace(/\s/g, '').length;
        line.text += text;
        line.letters += letters;
        if (bold) line.boldLetters += letters;
        p.written.text += text;
      },
      onclosetag(name) {
        if (BLOCK.test(name) && (para as OpenParagraph | null)?.tag === name) closeParagraph();
        else if (name === 'strong' || name === 'b') bold = Math.max(0, bold - 1);
        else if ((name === 'td' || name === 'th') && tables.length === 1) {
          closeParagraph();
          tables[0].cell = null;
        } else if (name === 'tr' && tables.length === 1) endRow(tables[0]);
        else if (name === 'table') {
          closeParagraph();
          const t = tables.pop()!;
          // A table inside a cell is read as that cell's lines, not as a table of its own.
          if (!tables.length && t.rows.length) blocks.push({ kind: 'table', rows: t.rows });
        }
      },
    },
    // XML mode: mammoth writes well-formed XHTML, and HTML's rules would end a paragraph at a page break's <hr />.
    { xmlMode: true },
  );
  parser.write(html);
  parser.end();
  closeParagraph();
  return { blocks, paragraphs };
}

function startCell(t: OpenTable, colspan: number, rowspan: number): void {
  while (t.covered[t.next] > 0) t.next++;
  const cell: DraftCell = { column: t.next, span: colspan, lines: [] };
  for (let c = t.next; c < t.next + colspan; c++) t.covered[c] = Math.max(t.covered[c] ?? 0, rowspan);
  t.next += colspan;
  t.row?.cells.push(cell);
  t.cell = cell;
}

/** Each row uses up one row of every cell reaching down from above (and of its own cells). */
function endRow(t: OpenTable): void {
  t.covered = t.covered.map((n) => Math.max(0, (n ?? 0) - 1));
  t.row = null;
}
