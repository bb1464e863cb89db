/**
 * Decompression bombs, one per way past a naive check (issue 16), and large streams that are fine. Each file is
 * a few kB to 16 MB and decodes to ~0.6–3 GB; all are written in seconds: a Flate bomb is one 16 MiB segment
 * deflated once with a full flush and repeated (a full flush makes every segment independent), an LZW bomb is
 * the code sequence an LZW encoder gives for a run of one byte, written directly.
 *
 * `note` says what pdfjs 5.5 does with the file when nothing refuses it first (measured with the check off:
 * `node test/hostile/measure.mjs --unguarded`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompress, constants, deflateSync } from 'node:zlib';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { objectKey, rc4, standardEncryptionR3, type HostileCase } from './generate.js';
import { bin, buildPdf, HELVETICA, stream, textContent, type ObjBody } from './pdf-assembly.js';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const SEGMENT = 16 * MiB;

// ---------------------------------------------------------------------------
// Encoders
// ---------------------------------------------------------------------------

/** Adler-32 of `n` bytes all equal to `value` (the zlib trailer), in closed form. */
function adler32Of(n: number, value: number): number {
  const m = 65521n;
  const N = BigInt(n);
  const v = BigInt(value);
  const a = (1n + v * N) % m;
  const b = (N + (v * N * (N + 1n)) / 2n) % m;
  return Number((b << 16n) | a);
}

/** The deflated 16 MiB segment per fill byte, computed once (~0.2 s each). */
const segments = new Map<number, Buffer>();

/**
 * A zlib stream of `prefix` followed by `bytes` bytes of `fill`. Every piece is deflated with a full flush,
 * so pieces can be laid end to end; the fill is one 16 MiB segment repeated.
 */
export function deflateBomb(bytes: number, opts: { fill?: number; prefix?: Buffer; storedPrefix?: boolean } = {}): Buffer {
  const fill = opts.fill ?? 0x20;
  const flushed = (data: Buffer) => deflateSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH }).subarray(2);
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  if (opts.prefix) parts.push(opts.storedPrefix ? storedBlock(opts.prefix) : flushed(opts.prefix));
  let segment = segments.get(fill);
  if (!segment) segments.set(fill, (segment = flushed(Buffer.alloc(SEGMENT, fill))));
  for (let left = bytes; left > 0; left -= SEGMENT) parts.push(left >= SEGMENT ? segment : flushed(Buffer.alloc(left, fill)));
  parts.push(Buffer.from([0x03, 0x00])); // an empty final block with fixed codes
  const trailer = Buffer.alloc(4);
  // The checksum covers the fill only when there is no prefix; no reader the bombs target checks it.
  trailer.writeUInt32BE(adler32Of(bytes, fill) >>> 0);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/** A non-final stored deflate block: its bytes appear verbatim in the compressed data. */
function storedBlock(data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = 0x00;
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

/**
 * LZWDecode data (early change 1) for `bytes` bytes of `fill`: the codes an LZW encoder emits for a run, each one
 * a sequence one byte longer than the last (the KwKwK case), with a clear code before the table fills.
 */
export function lzwBomb(bytes: number, fill = 0x20): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (code: number, width: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  };
  let written = 0;
  let width = 9;
  let next = 258;
  let first = true;
  while (written < bytes) {
    if (first) {
      put(fill, width);
      written += 1;
      first = false;
      continue;
    }
    if (next >= 4094) {
      put(256, width);
      width = 9;
      next = 258;
      first = true;
      continue;
    }
    put(next, width);
    written += next - 256; // code 258 is two bytes, 259 three, …
    next++;
    if (((next + 1) & next) === 0) width = Math.min(12, Math.log2(next + 1) + 1);
  }
  put(257, width);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/**
 * General LZWDecode data (early change 1, MSB first, 9–12 bit codes, a clear code before the table fills, EOD at
 * the end). A code's width follows the decoder's table, which lags the encoder's by one entry.
 */
export function lzwEncode(data: Buffer): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let emitted = 0; // codes since the last clear
  const widthNow = () => {
    const decoderNext = 258 + Math.max(0, emitted - 1);
    return decoderNext + 1 < 512 ? 9 : decoderNext + 1 < 1024 ? 10 : decoderNext + 1 < 2048 ? 11 : 12;
  };
  const put = (code: number) => {
    const width = widthNow();
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
    emitted++;
  };
  let table = new Map<number, number>();
  let next = 258;
  let w = -1;
  for (const b of data) {
    if (w < 0) {
      w = b;
      continue;
    }
    const key = w * 256 + b;
    const code = table.get(key);
    if (code !== undefined) {
      w = code;
      continue;
    }
    put(w);
    table.set(key, next++);
    w = b;
    if (next >= 4094) {
      put(256); // the pending w starts afresh in the new table
      emitted = 0;
      table = new Map();
      next = 258;
    }
  }
  if (w >= 0) put(w);
  put(257);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/** RunLengthDecode data that copies `data` as literal runs (no compression; for reading tests). */
export function runLengthEncode(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += 128) {
    const run = data.subarray(i, i + 128);
    parts.push(Buffer.from([run.length - 1]), run);
  }
  parts.push(Buffer.from([128]));
  return Buffer.concat(parts);
}

/** RunLengthDecode data for `bytes` bytes of `fill`: 128 copies from every two bytes, the filter's best. */
export function runLengthBomb(bytes: number, fill = 0x20): Buffer {
  const runs = Math.ceil(bytes / 128);
  const data = Buffer.alloc(runs * 2 + 1);
  for (let i = 0; i < runs; i++) {
    data[2 * i] = 129; // 257 - 129 = 128 repetitions
    data[2 * i + 1] = fill;
  }
  data[runs * 2] = 128;
  return data;
}

export const asciiHex = (data: Buffer): Buffer => bin(`${data.toString('hex')}>`);

export function ascii85(data: Buffer): Buffer {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, Math.min(i + 4, data.length));
    const n = Math.min(4, data.length - i);
    let v = chunk.readUInt32BE(0);
    if (v === 0 && n === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += digits.slice(0, n + 1).join('');
  }
  return bin(`${out}~>`);
}

async function brotliBomb(bytes: number, fill = 0x20): Promise<Buffer> {
  // Brotli compresses a run into a few hundred bytes; the input is built once and dropped.
  return promisify(brotliCompress)(Buffer.alloc(bytes, fill), { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 24 } });
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

const PAGE_TEXT = ['Sida 1: en vanlig rad text', 'Mål och status för året.'];

/**
 * One page of text plus whatever `extra` holds; `bombRef` is drawn as a form XObject on the page, so a parser
 * reaches it while reading the page, as it reaches a page's own content.
 */
function pageWithForm(extra: ObjBody[], formObject: number, opts: { trailerExtra?: string } = {}): Buffer {
  const objs: ObjBody[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /X1 ${formObject} 0 R >> >> /Contents 5 0 R >>`,
    HELVETICA,
    stream('', Buffer.concat([textContent(PAGE_TEXT), bin('q /X1 Do Q\n')])),
    ...extra,
  ];
  return buildPdf(objs, `/Root 1 0 R ${opts.trailerExtra ?? ''}`);
}

const FORM = '/Type /XObject /Subtype /Form /BBox [0 0 595 842]';

/** A stream object body with a dictionary written out in full (no /Length added). */
const rawStream = (dict: string, data: Buffer): Buffer => Buffer.concat([bin(`${dict}\nstream\n`), data, bin('\nendstream')]);

/**
 * A PDF 1.5 file whose objects `compressed` (numbers `first`, `first + 1`, …) live in an object stream, with a
 * cross-reference stream, as current producers write them. `plain[i]` is object i + 1; `root` is the catalog's number.
 */
function withObjectStream(plain: ObjBody[], compressed: string[], root: number, objStmData?: (text: Buffer) => Buffer): Buffer {
  const first = plain.length + 1;
  const objStmNum = first + compressed.length;
  const xrefNum = objStmNum + 1;
  let header = '';
  let body = '';
  compressed.forEach((text, i) => {
    header += `${first + i} ${body.length} `;
    body += `${text}\n`;
  });
  const text = bin(header + body);
  const data = objStmData ? objStmData(text) : deflateSync(text);
  const parts: Buffer[] = [];
  let pos = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    pos += b.length;
  };
  push(bin('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n'));
  const offsets: number[] = [];
  plain.forEach((b, i) => {
    offsets[i + 1] = pos;
    push(Buffer.concat([bin(`${i + 1} 0 obj\n`), typeof b === 'string' ? bin(b) : b, bin('\nendobj\n')]));
  });
  offsets[objStmNum] = pos;
  push(Buffer.concat([bin(`${objStmNum} 0 obj\n`), rawStream(`<< /Type /ObjStm /N ${compressed.length} /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>`, data), bin('\nendobj\n')]));
  offsets[xrefNum] = pos;
  // Cross-reference stream: type 1 (offset) for plain objects and the two streams, type 2 (in the object stream).
  const rows: Buffer[] = [];
  for (let n = 0; n <= xrefNum; n++) {
    const row = Buffer.alloc(7);
    if (n === 0) row.writeUInt8(0, 0);
    else if (n >= first && n < objStmNum) {
      row.writeUInt8(2, 0);
      row.writeUInt32BE(objStmNum, 1);
      row.writeUInt16BE(n - first, 5);
    } else {
      row.writeUInt8(1, 0);
      row.writeUInt32BE(offsets[n]!, 1);
    }
    rows.push(row);
  }
  const xref = Buffer.concat(rows);
  push(Buffer.concat([bin(`${xrefNum} 0 obj\n`), rawStream(`<< /Type /XRef /Size ${xrefNum + 1} /W [1 4 2] /Root ${root} 0 R /Length ${xref.length} >>`, xref), bin('\nendobj\n')]));
  push(bin(`startxref\n${offsets[xrefNum]}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export interface BombOptions {
  /** Decoded size of the Flate and LZW bombs (default 3 GiB; tests may pass less, above the 128 MiB limit). */
  bombBytes?: number;
}

/** Writes the bombs and the fine large files into `dir`; each case's `expectCode` is what the tool must answer. */
export async function writeBombSet(dir: string, opts: BombOptions = {}): Promise<HostileCase[]> {
  await mkdir(dir, { recursive: true });
  const big = opts.bombBytes ?? 3 * GiB;
  const mid = Math.min(big, GiB);
  const cases: HostileCase[] = [];
  const add = async (name: string, data: Buffer, expectCode: HostileCase['expectCode'], note: string) => {
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, data);
    cases.push({ name, file, expectCode, note });
  };
  const flate = deflateBomb(big);

  await add(
    'bomb-escaped-name',
    pageWithForm([stream(`${FORM} /Filter /Flat#65Decode`, flate)], 6),
    'TOO_LARGE',
    `A form XObject on the page, /Filter /Flat#65Decode (a name with a #xx escape: FlateDecode), ${big} bytes of spaces. ` +
      'pdfjs reads the name as FlateDecode and inflates it all into one buffer.',
  );
  await add(
    'bomb-indirect-filter',
    pageWithForm([rawStream(`<< ${FORM} /Filter 7 0 R /Length 8 0 R >>`, flate), '/FlateDecode', String(flate.length)], 6),
    'TOO_LARGE',
    '/Filter 7 0 R and /Length 8 0 R, both indirect objects written after the stream.',
  );
  const padding = Array.from({ length: 200 }, (_, i) => `/Pad${i} (padding entry number ${i} of a long dictionary)`).join('\n');
  await add(
    'bomb-long-dictionary',
    pageWithForm([rawStream(`<< /Filter /FlateDecode ${FORM}\n${padding}\n/Length ${flate.length} >>`, flate)], 6),
    'TOO_LARGE',
    `/Filter first in a stream dictionary of ${padding.length + 100} bytes: a check that reads the 2 kB before \`stream\` never sees it.`,
  );
  await add(
    'bomb-chain-ahx-flate',
    pageWithForm([stream(`${FORM} /Filter [/AHx /Fl]`, asciiHex(deflateBomb(mid)))], 6),
    'TOO_LARGE',
    `/Filter [/AHx /Fl]: hex text of a Flate stream of ${mid} bytes (abbreviated names, a chain).`,
  );
  await add(
    'bomb-chain-a85-flate',
    pageWithForm([stream(`${FORM} /Filter [/A85 /FlateDecode]`, ascii85(deflateBomb(mid)))], 6),
    'TOO_LARGE',
    `/Filter [/A85 /FlateDecode]: ASCII85 text of a Flate stream of ${mid} bytes.`,
  );
  await add(
    'bomb-lzw',
    pageWithForm([stream(`${FORM} /Filter /LZWDecode`, lzwBomb(big))], 6),
    'TOO_LARGE',
    `/LZWDecode, ${big} bytes of spaces as the KwKwK code sequence (~1300:1).`,
  );
  await add(
    'bomb-run-length',
    pageWithForm([stream(`${FORM} /Filter /RunLengthDecode`, runLengthBomb(mid))], 6),
    'TOO_LARGE',
    `/RunLengthDecode, ${mid} bytes of spaces in runs of 128 (64:1, a ${Math.round(mid / 64 / MiB)} MB file).`,
  );
  await add(
    'bomb-brotli',
    pageWithForm([stream(`${FORM} /Filter /BrotliDecode`, await brotliBomb(mid))], 6),
    'TOO_LARGE',
    `/BrotliDecode (PDF 2.0; pdfjs decodes it in JavaScript), ${mid} bytes of spaces in under 1 kB.`,
  );
  await add(
    'bomb-object-stream-filter',
    withObjectStream(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>',
        HELVETICA,
        stream('', Buffer.concat([textContent(PAGE_TEXT), bin('q /X1 Do Q\n')])),
        rawStream(`<< ${FORM} /Filter 7 0 R /Length 8 0 R >>`, flate),
      ],
      ['/FlateDecode', String(flate.length)],
      1,
    ),
    'TOO_LARGE',
    'The bomb\'s /Filter and /Length are compressed objects in an object stream (PDF 1.5, cross-reference stream): not in the raw bytes at all.',
  );
  await add(
    'bomb-object-stream',
    withObjectStream(
      [stream('', textContent(PAGE_TEXT)), HELVETICA],
      [
        '<< /Type /Catalog /Pages 4 0 R >>',
        '<< /Type /Pages /Kids [5 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 2 0 R >> >> /Contents 1 0 R >>',
      ],
      3,
      (text) => deflateBomb(big, { prefix: text }),
    ),
    'TOO_LARGE',
    `The object stream holding the catalog and page tree is itself a bomb: its objects, then ${big} bytes of spaces. pdfjs decodes it whole to read the catalog.`,
  );
  await add(
    'bomb-lying-length',
    pageWithForm([rawStream(`<< ${FORM} /Filter /FlateDecode /Length 100 >>`, flate)], 6),
    'TOO_LARGE',
    '/Length 100 for a 3 MB stream: pdfjs finds no endstream at 100, looks for it, and decodes everything before it.',
  );
  await add(
    'bomb-hidden-endstream',
    pageWithForm([stream(`${FORM} /Filter /FlateDecode`, deflateBomb(big, { prefix: bin('\nendstream\nendobj\n'), storedPrefix: true }))], 6),
    'TOO_LARGE',
    'A correct /Length, and the bytes "endstream endobj" stored verbatim at the start of the compressed data: a check that ends the stream at the first endstream measures 20 bytes.',
  );
  await add(
    'bomb-predictor-row',
    pageWithForm([stream(`${FORM} /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 268435455 >>`, deflateSync(Buffer.alloc(1024)))], 6),
    'TOO_LARGE',
    'A 1 kB Flate stream with /Predictor 12 /Columns 268435455: pdfjs allocates a 256 MB row in the predictor, one in the inflater under it, and a zero previous row.',
  );
  const part = 100 * MiB;
  const partData = deflateBomb(part);
  const parts = 6;
  await add(
    'bomb-content-array',
    buildPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents [5 0 R ${Array.from({ length: parts }, (_, i) => `${6 + i} 0 R`).join(' ')}] >>`,
        HELVETICA,
        stream('', textContent(PAGE_TEXT)),
        ...Array.from({ length: parts }, () => stream('/Filter /FlateDecode', partData)),
      ],
      '/Root 1 0 R',
    ),
    'TOO_LARGE',
    `A page whose /Contents array holds ${parts} streams of ${part / MiB} MiB each (each under the per-stream limit): pdfjs joins them into one ${(parts * part) / MiB} MiB buffer.`,
  );
  const pages = 12;
  await add(
    'bomb-many-streams',
    buildPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages} >>`,
        HELVETICA,
        ...Array.from({ length: pages }, (_, i) => [
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
          stream('/Filter /FlateDecode', deflateBomb(part, { prefix: textContent([`Sida ${i + 1}`]) })),
        ]).flat(),
      ],
      '/Root 1 0 R',
    ),
    'TOO_LARGE',
    `${pages} pages, each content stream a line of text and ${part / MiB} MiB of spaces: every stream is under the per-stream limit, together over the 1 GiB per document.`,
  );
  await add(
    'bomb-encrypted',
    encryptedBombPdf(flate),
    'TOO_LARGE',
    'The Flate bomb in a file encrypted with the empty user password (RC4, 128 bit): pdfjs opens it without asking and ' +
      'decrypts every stream, while a check of the raw bytes sees ciphertext. Stopped inside pdfjs (src/extract/decode-bound.ts).',
  );
  await add(
    'large-image-ok',
    largeImagePdf(),
    'OK',
    'A text page with a 5000 × 3500 RGB Flate image with the PNG Up predictor (52.5 MB decoded, 60 kB in the file): large, legitimate, must pass.',
  );
  return cases;
}

/** pageWithForm's objects, every stream encrypted with its object key, and the /Encrypt dictionary as object 7. */
function encryptedBombPdf(flate: Buffer): Buffer {
  const id0 = createHash('md5').update('verkstad-encrypted-bomb').digest();
  const enc = standardEncryptionR3('', 'verkstad-owner', -3904, id0);
  const seal = (num: number, data: Buffer) => rc4(objectKey(enc.key, num, 0), data);
  const objs: ObjBody[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>',
    HELVETICA,
    stream('', seal(5, Buffer.concat([textContent(PAGE_TEXT), bin('q /X1 Do Q\n')]))),
    stream(`${FORM} /Filter /FlateDecode`, seal(6, flate)),
    `<< /Filter /Standard /V 2 /R 3 /Length 128 /O <${enc.o.toString('hex')}> /U <${enc.u.toString('hex')}> /P ${enc.p} >>`,
  ];
  const id = id0.toString('hex');
  return buildPdf(objs, `/Root 1 0 R /Encrypt 7 0 R /ID [<${id}> <${id}>]`, '1.4');
}

/** A smooth gradient: compresses well with the PNG Up predictor, as a photo-like scan does not but a chart does. */
function largeImagePdf(): Buffer {
  const w = 5000;
  const h = 3500;
  const row = Buffer.alloc(1 + w * 3);
  row[0] = 2; // PNG "Up": each row is the difference to the row above
  const first = Buffer.alloc(1 + w * 3);
  first[0] = 0;
  for (let x = 0; x < w; x++) {
    first[1 + 3 * x] = (x * 255) / w;
    first[2 + 3 * x] = 128;
    first[3 + 3 * x] = 255 - (x * 255) / w;
  }
  const rows: Buffer[] = [first];
  for (let y = 1; y < h; y++) rows.push(row);
  const data = deflateSync(Buffer.concat(rows), { level: 9 });
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>',
      HELVETICA,
      stream('', Buffer.concat([textContent(['Rapport med en stor bild', 'Bilden nedan är ett diagram.']), bin('q 500 0 0 350 40 300 cm /Im1 Do Q\n')])),
      stream(
        `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 3 /Columns ${w} >>`,
        data,
      ),
    ],
    '/Root 1 0 R',
  );
}
