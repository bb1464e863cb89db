/**
 * Where the operator list is read (graphicsWhereItMatters in src/pipeline.ts): pages whose text can carry goals or
 * statuses, pages drawing a status glyph, and the page after one that drew statuses; everywhere with --marks all.
 */
import path from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { ExtractedPage, Mark } from '../../src/model/extract.js';
import { createAnalyzer } from '../../src/batch/analyzer.js';
import { createContext } from '../../src/context.js';
import { analyzeBytes, graphicsWhereItMatters, runStages } from '../../src/pipeline.js';
import { root, sharedContext } from '../helpers.js';

const page = (graphicsRead: boolean, marks: Partial<Mark>[]): ExtractedPage => ({
  number: 1,
  width: 595,
  height: 842,
  items: [],
  rules: [],
  graphicsRead,
  marks: marks.map((m) => ({ page: 1, kind: 'shape', bbox: [0, 0, 8, 8], colour: '#2e9e44', colourClass: 'green', shape: 'circle', ...m })),
});

describe('the pages whose operator list is read', () => {
  it('a page that names goals or statuses, or draws a status glyph; not a page of accounts', async () => {
    const read = graphicsWhereItMatters((await sharedContext()).rules);
    expect(read(1, 'Nämndmål Bedömning Kommentar', null)).toBe(true);
    expect(read(1, 'RAG rating against target', null)).toBe(true);
    expect(read(1, '● Trygg skola', null)).toBe(true);
    expect(read(1, 'Driftredovisning per verksamhet i tkr', null)).toBe(false);
  });

  it('the page after one that drew a status, whatever its words; not after grey lines or an unread page', async () => {
    const read = graphicsWhereItMatters((await sharedContext()).rules);
    const text = 'Fler invånare deltar i kulturlivet. Besöken ökade till 4 000.';
    expect(read(2, text, page(true, [{}]))).toBe(true);
    expect(read(2, text, page(true, [{ colour: '#bfbfbf', colourClass: 'grey' }]))).toBe(false);
    expect(read(2, text, page(false, []))).toBe(false);
    expect(read(2, text, null)).toBe(false);
  });

  it('a goal list running on over a page break keeps the statuses drawn on its second page', async () => {
    // Page 1 opens with a heading that names the goals; page 2 carries on with circles, titles and results only.
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const GREEN = rgb(0.2, 0.6, 0.3), RED = rgb(0.85, 0.2, 0.15);
    const goals: [string, typeof GREEN, string][][] = [
      [
        ['Fler besökare på biblioteken', GREEN, 'Besöken ökade från 61 000 till 68 500 under året.'],
        ['Fler barn lär sig simma', RED, 'Andelen elever som klarar simkunnighet minskade till 81 procent.'],
      ],
      [
        ['Tryggare parker för invånarna', GREEN, 'Andelen invånare som känner sig trygga ökade till 74 procent.'],
        ['Fler unga hittar en fritidssysselsättning', RED, 'Antalet deltagare i lovaktiviteter minskade till 1 200.'],
      ],
    ];
    goals.forEach((rows, i) => {
      const p = doc.addPage([595, 842]);
      let y = 760;
      if (i === 0) {
        p.drawText('Nämndens mål', { x: 56, y, size: 16, font: bold });
        y -= 36;
      }
      for (const [title, colour, result] of rows) {
        p.drawCircle({ x: 62, y: y + 4, size: 5, color: colour });
        p.drawText(title, { x: 74, y, size: 12, font: bold });
        p.drawText(result, { x: 56, y: y - 20, size: 10, font });
        y -= 70;
      }
    });
    const bytes = await doc.save();
    const ctx = await sharedContext();
    const result = await analyzeBytes('continued.pdf', bytes, ctx);
    expect(result.goals.map((g) => [g.page, g.title, g.status])).toEqual([
      [1, 'Fler besökare på biblioteken', 'green'],
      [1, 'Fler barn lär sig simma', 'red'],
      [2, 'Tryggare parker för invånarna', 'green'],
      [2, 'Fler unga hittar en fritidssysselsättning', 'red'],
    ]);
    // Page 2 names no cue word: it is read because page 1 drew statuses (text alone would skip it).
    const stages = await runStages('continued.pdf', bytes, ctx);
    expect(stages.extract!.pages.map((p) => p.graphicsRead)).toEqual([true, true]);
    const byTextAlone = await runStages('continued.pdf', bytes, { ...ctx, extract: { ...ctx.extract, graphics: (n, t) => graphicsWhereItMatters(ctx.rules)(n, t, null) } });
    expect(byTextAlone.extract!.pages.map((p) => p.graphicsRead)).toEqual([true, false]);
    expect(byTextAlone.result.goals.filter((g) => g.page === 2).map((g) => g.status)).not.toEqual(['green', 'red']);
  });

  it('--marks all reads every page, and is part of the cache key', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('Nämndens mål och bedömning', { x: 56, y: 760, size: 12, font });
    doc.addPage([595, 842]).drawText('Driftredovisning per verksamhet i tkr', { x: 56, y: 760, size: 12, font });
    const bytes = await doc.save();
    const rulesDir = path.join(root, 'rules');
    const auto = await runStages('two.pdf', bytes, await createContext({ rulesDir }));
    const all = await runStages('two.pdf', bytes, await createContext({ rulesDir, marks: 'all' }));
    expect(auto.extract!.pages.map((p) => p.graphicsRead)).toEqual([true, false]);
    expect(all.extract!.pages.map((p) => p.graphicsRead)).toEqual([true, true]);
    const keyOf = async (marks?: 'auto' | 'all') => (await createAnalyzer({ rulesDir, ...(marks ? { marks } : {}) })).fingerprint;
    expect(await keyOf('auto')).toEqual(await keyOf());
    expect((await keyOf('all')).config).not.toBe((await keyOf()).config);
  });
});
