/**
 * The image filter (src/extract/image-filter.ts) lets pdfjs skip decoding images that cannot be status icons. It
 * works through load-time patches, which apply to the built pipeline only (vitest runs the sources, with pdfjs as
 * shipped): so the PDFs are read by dist/ in a child process, with the filter and with every image decoded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, PDFName, StandardFonts, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFImage, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { iconFits, ICON_MAX_PIXELS, ICON_MAX_SIDE, ICON_MIN_SIDE } from '../../src/extract/icon-size.js';
import { HANG_GUARD_MS, root } from '../helpers.js';
// @ts-expect-error the fixtures' PNG encoder is plain JavaScript
import { roundedSquarePng } from '../fixtures/lib/png.mjs';

interface Reading {
  marks: { kind: string; colourClass: string; bbox: number[] }[];
  counters: { imagesDecoded: number; imagesSkipped: number; rereads: number };
  sameAsDecodingAll: boolean;
}

/** Extracts `pdf` with dist/ twice (filtered, and every image decoded) and compares the two. */
function readWithDist(pdf: Uint8Array): Reading {
  const href = (p: string) => JSON.stringify(pathToFileURL(path.join(root, p)).href);
  const script = `
    const { extractDocument, emptyCounters } = await import(${href('dist/extract/index.js')});
    const { pdfjsPatches } = await import(${href('dist/extract/pdfjs.js')});
    if (!pdfjsPatches.includes('image-decode-filter')) throw new Error('the image filter patch did not apply');
    const bytes = new Uint8Array((await import('node:fs')).readFileSync(process.argv[1]));
    const counters = emptyCounters();
    const filtered = await extractDocument(bytes, { counters });
    const all = await extractDocument(bytes, { decodeAllImages: true });
    const marks = filtered.pages.flatMap((p) => p.marks).filter((m) => m.kind === 'image');
    console.log(JSON.stringify({ marks, counters, sameAsDecodingAll: JSON.stringify(filtered) === JSON.stringify(all) }));`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verkstad-image-filter-'));
  try {
    const file = path.join(dir, 'images.pdf');
    writeFileSync(file, pdf);
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { encoding: 'utf8', timeout: HANG_GUARD_MS });
    return JSON.parse(out.trim()) as Reading;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pdfWith(draw: (doc: PDFDocument, page: PDFPage, icon: PDFImage, photo: PDFImage) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const icon = await doc.embedPng(roundedSquarePng('#2e9e44', 32));
  const photo = await doc.embedPng(roundedSquarePng('#3366cc', 600, 40));
  const page = doc.addPage([595, 842]);
  // A page without text is a scan (NO_TEXT_LAYER): give it a heading.
  page.drawText('Mål 1: Fler invånare ska delta i kulturlivet', { x: 70, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  draw(doc, page, icon, photo);
  return doc.save();
}

describe('the image filter', () => {
  it('what fits an icon: on the page between the side bounds, and not too many pixels', () => {
    const at = (w: number, h: number) => [10, 10, 10 + w, 10 + h] as [number, number, number, number];
    expect(iconFits({ pixelWidth: 32, pixelHeight: 32, placed: at(12, 12) })).toBe(true);
    expect(iconFits({ pixelWidth: 32, pixelHeight: 32, placed: at(ICON_MAX_SIDE + 1, 12) })).toBe(false);
    expect(iconFits({ pixelWidth: 32, pixelHeight: 32, placed: at(12, ICON_MIN_SIDE - 0.5) })).toBe(false);
    expect(iconFits({ pixelWidth: 4096, pixelHeight: 4096, placed: at(12, 12) })).toBe(false);
    expect(iconFits({ pixelWidth: ICON_MAX_PIXELS, pixelHeight: 1, placed: null })).toBe(true);
    // Within the margin a size on the bound's far side still fits: pdfjs's arithmetic is not the scan's.
    expect(iconFits({ placed: at(ICON_MAX_SIDE * 1.005, 12) }, 0.01)).toBe(true);
  });

  it('skips a photo across the page and decodes the icon; what is extracted is what decoding all gives', async () => {
    const pdf = await pdfWith((_doc, page, icon, photo) => {
      page.drawImage(photo, { x: 50, y: 300, width: 400, height: 400 });
      page.drawImage(icon, { x: 50, y: 200, width: 12, height: 12 });
    });
    const r = readWithDist(pdf);
    expect(r.sameAsDecodingAll).toBe(true);
    expect(r.counters).toMatchObject({ imagesDecoded: 1, imagesSkipped: 1, rereads: 0 });
    expect(r.marks.map((m) => m.colourClass)).toEqual(['green']);
  });

  it('an image drawn large first and as an icon after keeps its pixels for the icon', async () => {
    // pdfjs decodes an image once per page and reuses it: skipped at its first, large place, the icon drawn
    // next would have no pixels; the scan notices and the document is read again with every image decoded.
    const pdf = await pdfWith((_doc, page, icon) => {
      page.drawImage(icon, { x: 50, y: 300, width: 300, height: 300 });
      page.drawImage(icon, { x: 50, y: 200, width: 12, height: 12 });
    });
    const r = readWithDist(pdf);
    expect(r.sameAsDecodingAll).toBe(true);
    expect(r.counters.rereads).toBe(1);
    expect(r.marks.map((m) => m.colourClass)).toEqual(['green']);
  });

  it('an icon inside a form XObject that shrinks it is read: pdfjs, not knowing the form matrix, thinks it large', async () => {
    const pdf = await pdfWith((doc, page, icon) => {
      // The form draws the icon 400 pt wide in its own space; its /Matrix scales that to 20 pt on the page.
      const form = doc.context.formXObject(
        [pushGraphicsState(), concatTransformationMatrix(400, 0, 0, 400, 0, 0), drawObject('Ic'), popGraphicsState()],
        { BBox: [0, 0, 400, 400], Matrix: [0.05, 0, 0, 0.05, 0, 0], Resources: { XObject: { Ic: icon.ref } } },
      );
      const name = page.node.newXObject('Fm', doc.context.register(form));
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(1, 0, 0, 1, 60, 400), drawObject(name), popGraphicsState());
      expect(name).toBeInstanceOf(PDFName);
    });
    const r = readWithDist(pdf);
    expect(r.sameAsDecodingAll).toBe(true);
    expect(r.counters.rereads).toBe(1);
    expect(r.marks).toHaveLength(1);
    expect(r.marks[0]!.colourClass).toBe('green');
    expect(r.marks[0]!.bbox[2] - r.marks[0]!.bbox[0]).toBeCloseTo(20, 0);
  });
});
