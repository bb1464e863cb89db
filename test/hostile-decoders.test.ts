/**
 * The bomb check's filter decoders and object reader against pdfjs: a page whose content stream is written with
 * each filter chain must give pdfjs its text, and the check's decoders must give exactly the bytes written, so
 * the check counts what the parser builds. Then the reader's handling of names, references and dictionaries.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeChain } from '../src/batch/bomb-check/decode-chain.js';
import { filterChains } from '../src/batch/bomb-check/filters.js';
import { isDict, PdfName, PdfRef, RawLexer } from '../src/batch/bomb-check/lexer.js';
import { RawPdf } from '../src/batch/bomb-check/objects.js';
import { extractDocument } from '../src/extract/index.js';
import { ascii85, asciiHex, lzwBomb, lzwEncode, runLengthBomb, runLengthEncode } from './hostile/bombs.js';
import { bin, buildPdf, HELVETICA, stream, textContent } from './hostile/pdf-assembly.js';

const LINES = ['Väntetiden har minskat till sex dagar.', 'Målet är uppfyllt för året 2025.'];
// Long enough that LZW fills its table and clears it, and rows of the predictors repeat.
// (pdfjs reads the first 55 lines, the others fall below the page; the bytes are compared in full.)
const CONTENT = textContent(Array.from({ length: 300 }, (_, i) => `${LINES[i % 2]} (rad ${i + 1})`));

/** PNG "Up" rows of `columns` bytes (the last one padded), each with its type byte. */
function pngUp(data: Buffer, columns: number): Buffer {
  const rows: Buffer[] = [];
  let prev = Buffer.alloc(columns);
  for (let i = 0; i < data.length; i += columns) {
    const row = Buffer.alloc(columns);
    data.copy(row, 0, i, Math.min(i + columns, data.length));
    rows.push(Buffer.from([2]), Buffer.from(row.map((b, k) => (b - prev[k]!) & 0xff)));
    prev = row;
  }
  return Buffer.concat(rows);
}

/** TIFF predictor 2, 8 bits, one colour: each byte the difference to the one before it in its row. */
function tiff8(data: Buffer, columns: number): Buffer {
  const out = Buffer.alloc(Math.ceil(data.length / columns) * columns);
  data.copy(out);
  for (let r = out.length - columns; r >= 0; r -= columns) for (let k = columns - 1; k > 0; k--) out[r + k] = (out[r + k]! - out[r + k - 1]!) & 0xff;
  return out;
}

const CHAINS: { name: string; dict: string; data: Buffer; padded?: boolean }[] = [
  { name: 'Flate', dict: '/Filter /FlateDecode', data: deflateSync(CONTENT) },
  { name: 'LZW', dict: '/Filter /LZWDecode', data: lzwEncode(CONTENT) },
  { name: 'RunLength', dict: '/Filter /RL', data: runLengthEncode(CONTENT) },
  { name: 'ASCIIHex', dict: '/Filter /AHx', data: asciiHex(CONTENT) },
  { name: 'ASCII85', dict: '/Filter /A85', data: ascii85(CONTENT) },
  { name: '[AHx Fl]', dict: '/Filter [/AHx /Fl]', data: asciiHex(deflateSync(CONTENT)) },
  { name: '[A85 LZW RL]', dict: '/Filter [/A85 /LZW /RL]', data: ascii85(lzwEncode(runLengthEncode(CONTENT))) },
  { name: 'Flate, PNG Up', dict: '/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 64 >>', data: deflateSync(pngUp(CONTENT, 64)), padded: true },
  { name: 'Flate, TIFF', dict: '/Filter /FlateDecode /DecodeParms << /Predictor 2 /Columns 64 >>', data: deflateSync(tiff8(CONTENT, 64)), padded: true },
  { name: 'LZW, PNG Up, then AHx', dict: '/Filter [/LZW /AHx] /DecodeParms [<< /Predictor 12 /Columns 32 >> null]', data: lzwEncode(pngUp(asciiHex(CONTENT), 32)) },
  { name: 'escaped name', dict: '/Filter /Flat#65Decode', data: deflateSync(CONTENT) },
  { name: '/F and /DP abbreviations', dict: '/F /Fl /DP << /Predictor 12 /Columns 64 >>', data: deflateSync(pngUp(CONTENT, 64)), padded: true },
];

function pageWith(dict: string, data: Buffer): Buffer {
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      HELVETICA,
      stream(dict, data),
    ],
    '/Root 1 0 R',
  );
}

async function decodedByCheck(pdf: Buffer): Promise<Buffer> {
  const doc = new RawPdf(pdf);
  const s = doc.streams.find((x) => x.num === 5)!;
  const data = pdf.subarray(s.dataStart, doc.dataEnd(s)!);
  const [chain, ...others] = filterChains(doc, s.dict);
  expect(others).toEqual([]);
  const r = await decodeChain(data, chain!, 1024 ** 3, (v) => doc.resolve(v), true);
  expect(r.exceeded).toBe(false);
  return r.kept!;
}

describe('the check decodes each filter chain to the bytes pdfjs reads', () => {
  it.each(CHAINS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const pdf = pageWith(c.dict, c.data);
    const doc = await extractDocument(new Uint8Array(pdf), { graphics: false });
    const text = doc.pages[0]!.items.map((i) => i.str).join(' ');
    expect(text).toContain('Väntetiden har minskat till sex dagar. (rad 49)');
    expect(text).toContain('Målet är uppfyllt för året 2025. (rad 50)');
    const bytes = await decodedByCheck(pdf);
    // A predictor fills its last row (with zeros: white space to the content parser).
    expect(bytes.subarray(0, CONTENT.length).equals(CONTENT)).toBe(true);
    if (c.padded) expect(bytes.subarray(CONTENT.length).every((b) => b === 0 || b === 0x30)).toBe(true);
    else expect(bytes.length).toBe(CONTENT.length);
  });
});

describe('decoders mirror pdfjs where data is odd', () => {
  const run = async (dict: string, data: Buffer, budget = 1024 ** 3) => {
    const pdf = pageWith(dict, data);
    const doc = new RawPdf(pdf);
    const s = doc.streams.find((x) => x.num === 5)!;
    return decodeChain(pdf.subarray(s.dataStart, doc.dataEnd(s)!), filterChains(doc, s.dict)[0]!, budget, (v) => doc.resolve(v), true);
  };

  it('LZW without an end code runs its last block of 512 codes to the end, a byte each, as pdfjs does', async () => {
    const withEnd = lzwEncode(Buffer.from('ABC'));
    // Three 9-bit codes and then EOD: drop the EOD (the last 9 bits, rounded to the byte).
    const r = await run('/Filter /LZWDecode', withEnd.subarray(0, 4));
    expect(r.kept!.subarray(0, 3).toString()).toBe('ABC');
    expect(r.output).toBe(512);
  });

  it('the LZW bomb sequence gives exactly the run it stands for', async () => {
    const r = await run('/Filter /LZWDecode', lzwBomb(10_000_000, 0x41));
    expect(r.output).toBeGreaterThanOrEqual(10_000_000);
    expect(r.output).toBeLessThan(10_000_000 + 4096);
    expect(r.kept!.every((b) => b === 0x41)).toBe(true);
  });

  it('RunLength: 128 copies from two bytes, 128 ends the data', async () => {
    const r = await run('/Filter /RunLengthDecode', Buffer.concat([runLengthBomb(256, 0x42), bin('ignored')]));
    expect(r.output).toBe(256);
  });

  it('ASCII85: z is four zeros, a short last group one byte less than its characters', async () => {
    const r = await run('/Filter /ASCII85Decode', bin('zz9jqo~>'));
    expect([...r.kept!]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, ...Buffer.from('Man')]);
  });

  it('Flate: a copy from before the start is zeros (pdfjs), not an error (zlib)', async () => {
    // Fixed Huffman block: length 3, distance 1 with nothing before it, then end of block.
    const raw = deflateSync(Buffer.from('xyz')).subarray(0, 2);
    const data = Buffer.concat([raw, Buffer.from([0x03, 0x02, 0x00])]);
    const r = await run('/Filter /FlateDecode', data);
    expect(r.kept!.equals(Buffer.alloc(3))).toBe(true);
  });

  it('an unsupported predictor gives an empty stream, as pdfjs makes it', async () => {
    const r = await run('/Filter /FlateDecode /DecodeParms << /Predictor 7 /Columns 4 >>', deflateSync(CONTENT));
    expect(r.output).toBe(0);
  });

  it('stops at the budget, having decoded little more', async () => {
    const r = await run('/Filter /RunLengthDecode', runLengthBomb(64 * 1024 ** 2), 1024 ** 2);
    expect(r.exceeded).toBe(true);
    expect(r.work).toBeLessThan(1024 ** 2 + 128 * 1024);
  });
});

describe('the raw object reader', () => {
  it('reads names with #xx escapes, references anywhere, nested containers, comments between tokens', () => {
    const v = new RawLexer(bin('<< /Filter [/Fl#61te /A#48x 6 0 R] % a comment\n /Length 12 %c\n 0 R /N -3.5 /Nested << /A [1 [2 3 0 R]] >> >>')).readObject();
    expect(isDict(v)).toBe(true);
    const d = v as Map<string, unknown>;
    expect(d.get('Filter')).toEqual([new PdfName('Flate'), new PdfName('AHx'), new PdfRef(6, 0)]);
    expect(d.get('Length')).toEqual(new PdfRef(12, 0));
    expect(d.get('N')).toBe(-3.5);
    expect((d.get('Nested') as Map<string, unknown>).get('A')).toEqual([1, [2, new PdfRef(3, 0)]]);
  });

  it('keeps the entries it needs from a dictionary of any length, wherever they stand', () => {
    const junk = Array.from({ length: 50_000 }, (_, i) => `/K${i} [${i} ${i} (x)]`).join(' ');
    const v = new RawLexer(bin(`<< /Filter /FlateDecode ${junk} /Length 42 >>`)).readObject(1000, new Set(['Filter', 'Length'])) as Map<string, unknown>;
    expect([...v.keys()]).toEqual(['Filter', 'Length']);
    expect(v.get('Length')).toBe(42);
  });

  it('survives nesting far deeper than any call stack', () => {
    const depth = 300_000;
    expect(Array.isArray(new RawLexer(bin(`${'['.repeat(depth)}1${']'.repeat(depth)}`)).readObject(10))).toBe(true);
  });

  it('resolves a reference to every distinct definition of the object, latest first', () => {
    const pdf = bin('%PDF-1.7\n6 0 obj /FlateDecode endobj\n7 0 obj\n<< /Filter 6 0 R /Length 3 >>\nstream\nabc\nendstream\nendobj\n6 0 obj /LZWDecode endobj\n');
    const doc = new RawPdf(pdf);
    expect(doc.resolve(new PdfRef(6, 0))).toEqual([new PdfName('LZWDecode'), new PdfName('FlateDecode')]);
    expect(filterChains(doc, doc.streams[0]!.dict).map((c) => c.map((f) => f.filter))).toEqual([['LZWDecode'], ['FlateDecode']]);
    expect(doc.resolve(new PdfRef(99, 0))).toEqual([null]);
  });
});
