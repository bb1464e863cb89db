/**
 * More ways reports draw goals and statuses, each made here with pdf-lib (exact geometry) and analysed end to
 * end: the families of the fixture set in other arrangements.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/pipeline.js';
import { sharedContext } from '../helpers.js';

const GREEN = rgb(0.2, 0.6, 0.3), YELLOW = rgb(0.95, 0.75, 0.1), RED = rgb(0.85, 0.2, 0.15);

async function pdf(draw: (page: PDFPage, font: PDFFont, bold: PDFFont) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  draw(doc.addPage([595, 842]), font, bold);
  return doc.save();
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
      ['Mål 1. Fler arbetssökande går till arbete', 'yellow', null],
      ['Mål 2. Ett rikt föreningsliv', 'green', 'GREEN_NO_EVIDENCE'],
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
});
