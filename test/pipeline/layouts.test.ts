/**
 * More ways reports draw goals and statuses, each made here with pdf-lib (exact geometry) and analysed end to
 * end: the families of the fixture set in other arrangements.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/pipeline.js';
import { sharedContext } from '../helpers.js';

const GREEN = rgb(0.2, 0.6, 0.3), YELLOW = rgb(0.95, 0.75, 0.1), RED = rgb(0.85, 0.2, 0.15);

async function pdf(draw: (page: PDFPage, font: PDFFont, bold: PDFFont, icons: PDFImage[]) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const icons = await Promise.all([[46, 160, 70], [240, 190, 20], [200, 40, 30]].map((c) => doc.embedPng(iconPng(c as [number, number, number]))));
  draw(doc.addPage([595, 842]), font, bold, icons);
  return doc.save();
}

/** A 24×24 RGBA PNG: a coloured rounded square on a transparent ground, as Word/Stratsys exports draw statuses. */
function iconPng([r, g, b]: [number, number, number]): Uint8Array {
  const size = 24;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const corner = Math.min(x, size - 1 - x) + Math.min(y, size - 1 - y) < 4;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = corner ? 0 : 255;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf: Buffer) => { let c = 0xffffffff; for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const goalsOf = async (bytes: Uint8Array) =>
  (await analyzeBytes('layout.pdf', bytes, await sharedContext())).goals.map((g) => [g.title, g.status, g.flags[0]?.code ?? null]);

describe('goal layouts', () => {
  it('a status label with the symbol on the line under the heading ("Måluppfyllelse: ●")', async () => {
    const bytes = await pdf((p, f, b) => {
      p.drawText('Trygg och säker skolmiljö', { x: 56, y: 760, size: 14, font: b });
      p.drawText('Måluppfyllelse:', { x: 56, y: 740, size: 10, font: b });
      p.drawCircle({ x: 140, y: 743, size: 4, color: GREEN });
      p.drawText('Alla skolor har tagit fram nya handlingsplaner mot kränkande behandling.', { x: 56, y: 722, size: 10, font: f });
      p.drawText('Fler barn i förskolan', { x: 56, y: 690, size: 14, font: b });
      p.drawText('Måluppfyllelse:', { x: 56, y: 670, size: 10, font: b });
      p.drawCircle({ x: 140, y: 673, size: 4, color: RED });
      p.drawText('Andelen inskrivna barn minskade till 84 procent.', { x: 56, y: 652, size: 10, font: f });
    });
    expect(await goalsOf(bytes)).toEqual([
      ['Trygg och säker skolmiljö', 'green', 'GREEN_INTERNAL_ONLY'],
      ['Fler barn i förskolan', 'red', null],
    ]);
  });

  it('a status word right of the heading, no symbol ("… Delvis uppfyllt")', async () => {
    const bytes = await pdf((p, f, b) => {
      p.drawText('Mål 1. Fler arbetssökande går till arbete', { x: 56, y: 760, size: 13, font: b });
      p.drawText('Status: Delvis uppfyllt', { x: 56, y: 742, size: 10, font: f });
      p.drawText('Av de 420 deltagarna i arbetsmarknadsinsatser gick 31 procent till arbete eller studier.', { x: 56, y: 724, size: 10, font: f });
      p.drawText('Mål 2. Ett rikt föreningsliv', { x: 56, y: 690, size: 13, font: b });
      p.drawText('Status: Uppfyllt', { x: 56, y: 672, size: 10, font: f });
      p.drawText('Se indikatorer.', { x: 56, y: 654, size: 10, font: f });
    });
    expect(await goalsOf(bytes)).toEqual([
      ['Fler arbetssökande går till arbete', 'yellow', null],
      ['Ett rikt föreningsliv', 'green', 'GREEN_NO_EVIDENCE'],
    ]);
  });

  it('a goal table whose status column is a coloured square, with a comment column', async () => {
    const bytes = await pdf((p, f, b) => {
      const rows: [string, ReturnType<typeof rgb> | null, string][] = [
        ['Mål', null, 'Kommentar'],
        ['Invånarna är nöjda med vatten och avlopp', GREEN, 'Nöjdheten ökade till 82 procent i kundundersökningen.'],
        ['Kommunens klimatutsläpp minskar', YELLOW, 'En klimatplan har antagits och arbetet fortsätter.'],
        ['Fler cyklar till jobbet', GREEN, 'En arbetsgrupp har bildats och en kartläggning gjorts.'],
      ];
      let y = 760;
      for (const [title, colour, comment] of rows) {
        p.drawRectangle({ x: 50, y: y - 6, width: 495, height: 22, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
        p.drawText(title, { x: 56, y, size: 9, font: colour ? f : b });
        if (colour) p.drawRectangle({ x: 268, y: y - 1, width: 9, height: 9, color: colour });
        else p.drawText('Status', { x: 256, y, size: 9, font: b });
        p.drawText(comment, { x: 300, y, size: 7, font: colour ? f : b });
        y -= 22;
      }
    });
    expect(await goalsOf(bytes)).toEqual([
      ['Invånarna är nöjda med vatten och avlopp', 'green', null],
      ['Kommunens klimatutsläpp minskar', 'yellow', null],
      ['Fler cyklar till jobbet', 'green', 'GREEN_INTERNAL_ONLY'],
    ]);
  });

  it('goal rows with a raster icon as the only status, each followed by "Kommentar:" (second producer of that family)', async () => {
    const bytes = await pdf((p, f, b, icons) => {
      const goals: [string, number, string[]][] = [
        ['Fler besökare på kommunens bibliotek', 0, ['Besöken ökade från 61 000 till 68 500 under året.']],
        ['Föreningslivet ska ha goda villkor', 0, ['En ny bidragsmodell har tagits fram och en arbetsgrupp har bildats.', 'Fokus kommer att läggas på införandet under 2026.']],
        ['Badhuset ska vara tillgängligt för alla', 2, ['Badhuset var stängt i fyra månader för renovering.']],
      ];
      let y = 770;
      for (const [title, icon, comment] of goals) {
        p.drawRectangle({ x: 50, y: y - 6, width: 495, height: 20, color: rgb(0.0, 0.41, 0.71) });
        p.drawText('Nämndmål', { x: 56, y, size: 10, font: b, color: rgb(1, 1, 1) });
        p.drawText('Bedömning', { x: 450, y, size: 10, font: b, color: rgb(1, 1, 1) });
        y -= 20;
        p.drawRectangle({ x: 50, y: y - 6, width: 495, height: 20, color: rgb(0.74, 0.89, 1) });
        p.drawText(title, { x: 56, y, size: 10, font: f });
        p.drawImage(icons[icon], { x: 455, y: y - 3, width: 12, height: 12 });
        y -= 24;
        p.drawText('Kommentar:', { x: 56, y, size: 10, font: b });
        y -= 14;
        for (const line of comment) { p.drawText(line, { x: 56, y, size: 10, font: f }); y -= 14; }
        y -= 16;
      }
    });
    expect(await goalsOf(bytes)).toEqual([
      ['Fler besökare på kommunens bibliotek', 'green', null],
      ['Föreningslivet ska ha goda villkor', 'green', 'GREEN_INTERNAL_ONLY'],
      ['Badhuset ska vara tillgängligt för alla', 'red', null],
    ]);
  });
});
