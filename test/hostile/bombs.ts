/**
 * Decompression bombs, one per way past a naive check (issue 16), and large streams that are fine. Each file is
 * a few kB to 16 MB and decodes to ~0.6–3 GB; all are written in seconds: a Flate bomb is one 16 MiB segment
 * deflated once with a full flush and repeated (a full flush makes every segment independent), an LZW bomb is
 * the code sequence an LZW encoder gives for a run of one byte, written directly.
 *
 * `note` says what pdfjs 5.5 would do with the file. Without the check every bomb here took pdfjs to the batch's
 * 1.5 GB memory bound or its 60 s time limit; `node test/hostile/measure.mjs --unguarded` shows what happens with
 * the check off now (most are stopped by the bound inside pdfjs, src/extract/decode-bound.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { objectKey, rc4, standardEncryptionR3, type HostileCase } from './generate.js';
import { ascii85, asciiHex, brotliBomb, deflateBomb, lzwBomb, runLengthBomb } from './encoders.js';
import { bin, buildPdf, HELVETICA, stream, textContent, type ObjBody } from './pdf-assembly.js';

export { ascii85, asciiHex, deflateBomb, lzwBomb, lzwEncode, runLengthBomb, runLengthEncode } from './encoders.js';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

const PAGE_TEXT = ['Sida 1: en vanlig rad text', 'Mål och status för året.'];

/**
 * One page of text plus whatever `extra` holds; object `formObject` is drawn as a form XObject on the page, so a parser
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
