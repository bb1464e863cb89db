/**
 * Pages without readable text, for telling `NO_TEXT_LAYER` (nothing on the page is text: run OCR) from
 * `INVALID_PDF` (the page's content is broken: pdfjs skipped it and said why). `note` records what pdfjs 5.5
 * reports for each at verbosity 5.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { HostileCase } from './generate.js';
import { bin, buildPdf, HELVETICA, stream, textContent, type ObjBody } from './pdf-assembly.js';

const TEXT = textContent(['Målet om kortare väntetider är uppfyllt.', 'Väntetiden har minskat till sex dagar.']);

/** A document whose page `n` (1-based) has the content stream `contents[n - 1]` (already a stream object body). */
function pagesWith(contents: ObjBody[], resources = '/Font << /F1 3 0 R >>', extra: ObjBody[] = []): Buffer {
  const kids = contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objs: ObjBody[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${contents.length} >>`, HELVETICA];
  contents.forEach((c, i) => {
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${resources} >> /Contents ${5 + 2 * i} 0 R >>`, c);
  });
  return buildPdf([...objs, ...extra], '/Root 1 0 R');
}

export async function writeTextLayerSet(dir: string): Promise<HostileCase[]> {
  await mkdir(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const add = async (name: string, data: Buffer, expectCode: HostileCase['expectCode'], note: string) => {
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, data);
    cases.push({ name, file, expectCode, note });
  };
  const z = deflateSync(TEXT);

  await add(
    'content-bad-flate-header',
    pagesWith([stream('/Filter /FlateDecode', Buffer.concat([bin('xx'), z.subarray(2)]))]),
    'INVALID_PDF',
    'The text page\'s Flate stream has a broken zlib header. pdfjs: Warning "Invalid stream: FormatError: Bad FCHECK in flate stream: 120, 120", an empty page.',
  );
  await add(
    'content-corrupt-flate',
    pagesWith([stream('/Filter /FlateDecode', Buffer.concat([z.subarray(0, 2), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xfe]), z.subarray(7)]))]),
    'INVALID_PDF',
    'A Flate stream whose first block has the reserved type 3. pdfjs: getTextContent rejects with "Unknown block type in flate stream".',
  );
  await add(
    'content-unknown-filter',
    pagesWith([stream('/Filter /NoSuchDecode', z)]),
    'INVALID_PDF',
    'A filter pdfjs does not know: Warning "Filter "NoSuchDecode" is not supported.", then the compressed bytes read as operators ("Unknown command").',
  );
  await add(
    'content-garbage',
    pagesWith([stream('', Buffer.from([0x80, 0x81, 0x00, 0xff, 0x28, 0x5b, ...Array(40).fill(0x9f)]))]),
    'INVALID_PDF',
    'Binary garbage as the content stream: Warnings "Unterminated string", "Unknown command".',
  );
  await add(
    'content-unterminated-string',
    pagesWith([stream('', bin('BT /F1 12 Tf 72 700 Td (Målet om kortare väntetider'))]),
    'INVALID_PDF',
    'A text object cut in the middle of its string: the Tj never comes. Warning "Unterminated string".',
  );
  await add(
    'blank-page',
    pagesWith([stream('', bin(''))]),
    'NO_TEXT_LAYER',
    'An empty content stream: nothing to read, nothing reported.',
  );
  await add(
    'vector-only',
    pagesWith([stream('', bin('0.2 0.6 0.2 rg 100 600 200 100 re f 0 0 1 RG 2 w 100 500 m 400 500 l S\n'))]),
    'NO_TEXT_LAYER',
    'A page of filled and stroked paths and no text operator.',
  );
  const w = 200;
  const h = 100;
  const img = deflateSync(Buffer.from(Array.from({ length: w * h }, (_, i) => (i % w < 100 ? 40 : 230))));
  await add(
    'image-only',
    pagesWith(
      [stream('', bin(`q ${w * 2} 0 0 ${h * 2} 100 500 cm /Im1 Do Q\n`))],
      '/XObject << /Im1 6 0 R >>',
      [stream(`/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, img)],
    ),
    'NO_TEXT_LAYER',
    'A page showing one greyscale image (a scan): no text operator.',
  );
  await add(
    'text-then-broken-page',
    pagesWith([stream('', TEXT), stream('/Filter /FlateDecode', Buffer.concat([bin('xx'), z.subarray(2)]))]),
    'OK',
    'Page 1 has text, page 2 is broken: the document has text and is analysed as before.',
  );
  return cases;
}
