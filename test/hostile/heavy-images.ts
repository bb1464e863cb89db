/**
 * Disguised bombs that get past every check, for measuring what the batch does once a document reaches the memory
 * bound (verdict-runs.mjs); not part of the hostile set, whose files must each be refused by the check.
 *
 * `flatJpegPdf`: one page of text drawing JPEG images of one flat grey. A baseline JPEG of a flat image is two bits
 * per 8 × 8 block, so a 12 000 × 12 000 image is 563 kB; the bomb check does not decode image codecs (a JPEG is
 * never larger than its pixels), and pdfjs decodes a JPEG in one piece, outside the buffer the bound inside pdfjs
 * watches: 144 M pixels become ~290 MB of coefficients and ~430 MB of RGB, per image.
 *
 * `heavyImagesPdf`: staying under each limit: one page of text and `images` Flate
 * images of one flat grey, each decoding to under the bomb check's 128 MiB per stream and all together under its
 * 1 GiB, the file under 1 MB. pdfjs decodes every image the page draws and converts it to RGBA (a DeviceGray image
 * to four times its data) and holds them for the rest of the page: five such images take a process past the default
 * 1536 MB bound, though what the check counts (360 MB) looks like a large report's scans.
 *
 */
import { deflateSync } from 'node:zlib';
import { bin, buildPdf, HELVETICA, stream, textContent, type ObjBody } from './pdf-assembly.js';

export interface HeavyImagesOptions {
  images: number;
  /** Pixels per image (default 6000 × 12000: 72 MB of grey, 288 MB as RGBA). */
  width?: number;
  height?: number;
}

export function heavyImagesPdf(opts: HeavyImagesOptions): Buffer {
  const width = opts.width ?? 6000;
  const height = opts.height ?? 12000;
  const data = deflateSync(Buffer.alloc(width * height, 0x80), { level: 9 });
  const first = 6;
  const images: ObjBody[] = [];
  let names = '';
  let draw = '';
  for (let i = 0; i < opts.images; i++) {
    images.push(stream(`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data));
    names += `/Im${i} ${first + i} 0 R `;
    draw += `q 10 0 0 10 ${20 + i * 12} 20 cm /Im${i} Do Q\n`;
  }
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << ${names}>> >> /Contents 5 0 R >>`,
      HELVETICA,
      stream('', Buffer.concat([textContent(['Uppföljning av målen', 'Bilaga med bilder']), bin(draw)])),
      ...images,
    ],
    '/Root 1 0 R',
  );
}

/**
 * A baseline JPEG of one flat mid grey (level-shifted samples of 0: every DC difference and every AC coefficient is
 * zero), `width` × `height` pixels, one component. Huffman tables of one code each ('0' for DC category 0, '0' for
 * end-of-block), so the scan is two zero bits per block.
 */
export function flatGreyJpeg(width: number, height: number): Buffer {
  const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
  const segment = (marker: number, body: number[]) => Buffer.from([0xff, marker, ...u16(body.length + 2), ...body]);
  const oneCodeTable = (cls: number) => [cls << 4, 1, ...new Array(15).fill(0), 0x00];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const scan = Buffer.alloc(Math.ceil(bits / 8));
  if (bits % 8) scan[scan.length - 1] = (1 << (8 - (bits % 8))) - 1; // pad the last byte with ones
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xdb, [0x00, ...new Array(64).fill(1)]),
    segment(0xc0, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]),
    segment(0xc4, oneCodeTable(0)),
    segment(0xc4, oneCodeTable(1)),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

export function flatJpegPdf(opts: { images: number; width?: number; height?: number }): Buffer {
  const width = opts.width ?? 12000;
  const height = opts.height ?? 12000;
  const jpeg = flatGreyJpeg(width, height);
  const first = 6;
  const images: ObjBody[] = [];
  let names = '';
  let draw = '';
  for (let i = 0; i < opts.images; i++) {
    images.push(stream(`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode`, jpeg));
    names += `/Im${i} ${first + i} 0 R `;
    draw += `q 10 0 0 10 ${20 + i * 12} 20 cm /Im${i} Do Q\n`;
  }
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << ${names}>> >> /Contents 5 0 R >>`,
      HELVETICA,
      stream('', Buffer.concat([textContent(['Uppföljning av målen', 'Bilaga med fotografier']), bin(draw)])),
      ...images,
    ],
    '/Root 1 0 R',
  );
}
