/**
 * A PDF whose own text carries markup: `<script>` in a goal title, `<img onerror>` and `</script>` in its
 * justification. Analysed end to end and opened as report.html in Chromium: nothing from the PDF runs.
 * Skips, saying so in its name, when /usr/bin/chromium is not installed; in CI it must run (.ci/run installs it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toAnalysis } from '../../src/archive/analysis.js';
import { analyzeBytes } from '../../src/pipeline.js';
import { format } from '../../src/report/index.js';
import { CHROMIUM, missing, sharedContext, suiteName } from '../helpers.js';

const skip = missing('chromium');

async function hostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  page.drawCircle({ x: 62, y: 704, size: 5, color: rgb(0.18, 0.62, 0.27) });
  page.drawText('Trygg skola <script>window.__pwned=1;alert(1)</script>', { x: 74, y: 700, size: 14, font: bold });
  page.drawText('En ny rutin har tagits fram <img src=x onerror="alert(2)"> och personalen har utbildats.', { x: 56, y: 676, size: 10, font });
  page.drawText('Arbetet kommer att fortsätta </script><script>alert(3)</script> under 2026.', { x: 56, y: 662, size: 10, font });
  page.drawCircle({ x: 62, y: 624, size: 5, color: rgb(0.85, 0.19, 0.15) });
  page.drawText('Fler elever klarar målen', { x: 74, y: 620, size: 14, font: bold });
  page.drawText('Andelen elever med godkända betyg minskade till 71 procent.', { x: 56, y: 596, size: 10, font });
  return doc.save();
}

describe.skipIf(skip)(suiteName('report.html of a PDF with markup in its text', skip), () => {
  it('shows the text and runs none of it', async () => {
    const r = await analyzeBytes('<img src=x onerror=alert(4)>.pdf', await hostilePdf(), await sharedContext());
    expect(r.goals.map((g) => g.status)).toEqual(['green', 'red']);
    expect(r.goals[0].title).toContain('<script>');
    const html = format('html', toAnalysis([r]), {});
    const dir = mkdtempSync(join(tmpdir(), 'verkstad-hostile-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('body').innerText()).toContain('<script>window.__pwned=1;alert(1)</script>');
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
