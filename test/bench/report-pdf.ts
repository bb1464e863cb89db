/**
 * A long, realistic Swedish goal report made with pdf-lib, for benchmarks: running header and footer, two goals
 * a page with a coloured circle before the heading, an "Analys" label, a paragraph, and every third page an
 * indicator table with filled status cells. Deterministic for a given seed.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

const WORDS = (
  'andelen elever invånare brukare hushåll som fått stöd har ökat minskat jämfört med föregående år förvaltningen ' +
  'har infört ett nytt arbetssätt samverkan med regionen utvecklats handlingsplan antagits personalen har genomgått ' +
  'utbildning väntetiden till särskilt boende har kortats besökare på biblioteket deltog i aktiviteter under sommaren ' +
  'nämnden bedömer att målet är uppfyllt arbetet kommer att fortsätta under nästa år med fokus på uppföljning'
).split(' ');

const COLOURS = [rgb(0.18, 0.62, 0.27), rgb(0.95, 0.76, 0.0), rgb(0.85, 0.19, 0.15)];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

export async function makeReportPdf(pages: number, seed = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2025-09-01T00:00:00Z'));
  doc.setModificationDate(new Date('2025-09-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const rand = rng(seed);
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 14);
    const w = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return w.join(' ') + (rand() < 0.3 ? ` ${Math.floor(rand() * 900) + 10} procent.` : '.');
  };
  const wrap = (text: string, size: number, width: number) => {
    const lines: string[] = [];
    let cur = '';
    for (const w of text.split(' ')) {
      const next = cur ? `${cur} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > width && cur) { lines.push(cur); cur = w; } else cur = next;
    }
    if (cur) lines.push(cur);
    return lines;
  };
  let goal = 1;
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('Delårsrapport 2025 – Socialnämnden', { x: 56, y: 806, size: 8, font });
    page.drawText(`Sida ${p} av ${pages}`, { x: 500, y: 30, size: 8, font });
    let y = 760;
    for (let g = 0; g < 2; g++) {
      page.drawCircle({ x: 62, y: y + 4, size: 5, color: COLOURS[Math.floor(rand() * 3)] });
      page.drawText(`Mål ${goal++}: ${sentence().slice(0, 60).replace(/\.$/, '')}`, { x: 74, y, size: 13, font: bold });
      y -= 22;
      page.drawText('Analys', { x: 56, y, size: 10, font: bold });
      y -= 15;
      const para = Array.from({ length: 4 + Math.floor(rand() * 3) }, sentence).join(' ');
      for (const line of wrap(para, 10, 480)) { page.drawText(line, { x: 56, y, size: 10, font }); y -= 13; }
      y -= 14;
      if (p % 3 === 0 && g === 1) {
        const rows = [['Indikator', 'Utfall 2024', 'Utfall 2025', 'Status'], ...Array.from({ length: 3 }, (_, k) => [`Indikator ${k + 1}`, String(50 + k), String(55 + k), ''])];
        for (const r of rows) {
          const xs = [56, 300, 380, 460];
          r.forEach((cell, c) => {
            page.drawRectangle({ x: xs[c] - 2, y: y - 4, width: c === 0 ? 240 : 76, height: 16, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5, color: c === 3 && cell === '' ? COLOURS[Math.floor(rand() * 3)] : undefined });
            if (cell) page.drawText(cell, { x: xs[c], y, size: 9, font: r === rows[0] ? bold : font });
          });
          y -= 16;
        }
        y -= 10;
      }
    }
  }
  return doc.save({ useObjectStreams: false });
}
