import { describe, expect, it } from 'vitest';
import { draftToLayout } from '../../src/io/drafts.js';
import { analyse, sourcedLines } from './analyse.js';
import { bold, cell, docx, p } from './docx-builder.js';

/** Paragraph numbers below count every w:p of the document in order, table cells' included, as Word does. */
describe('Word drafts', () => {
  it('reads headings by style (a Swedish Word: Rubrik2 named "heading 2") with a status paragraph', async () => {
    const bytes = await docx([
      p('Delårsrapport 2025', 'Rubrik'), //                                                                      1
      p('Miljö- och byggnämnden', 'Rubrik1'), //                                                                  2
      p('Mål 1: Fler invånare ska ha nära till grönområden', 'Rubrik2'), //                                        3
      p('Status: grön'), //                                                                                     4
      p('En grönplan har tagits fram och en arbetsgrupp har bildats. Arbetet kommer att fortsätta under 2026.'), // 5
      p('Mål 2: Handläggningen av bygglov ska gå snabbare', 'Rubrik2'), //                                         6
      p('Bedömning: Uppfyllt'), //                                                                              7
      p('Handläggningstiden för bygglov minskade från sju till fem veckor i genomsnitt.'), //                     8
    ], { swedishStyles: true });
    const { goals } = await analyse('utkast.docx', bytes);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Fler invånare ska ha nära till grönområden', 'green', 'GREEN_INTERNAL_ONLY', 3],
      ['Handläggningen av bygglov ska gå snabbare', 'green', null, 6],
    ]);
  });

  it('reads titles set in bold instead of a heading style, and "Mål:" paragraphs', async () => {
    const bytes = await docx([
      p('Äldrenämndens mål'), //                                                                              1
      bold('Äldre ska kunna bo kvar hemma så länge de vill'), //                                              2
      bold('Status: grön'), //                                                                                3
      p('En ny organisation för hemtjänsten har införts och all personal har utbildats.'), //                 4
      { runs: [{ text: 'Mål: ', bold: true }, 'Färre äldre ska drabbas av fallolyckor'] }, //                5
      { runs: [{ text: 'Bedömning: ', bold: true }, 'Ej uppfyllt'] }, //                                     6
      p('Antalet fallolyckor ökade med 4 procent.'), //                                                       7
    ]);
    const { goals } = await analyse('utkast.docx', bytes);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Äldre ska kunna bo kvar hemma så länge de vill', 'green', 'GREEN_INTERNAL_ONLY', 2],
      ['Färre äldre ska drabbas av fallolyckor', 'red', null, 5],
    ]);
  });

  it('reads a goal table, each goal at its row, counting the cells\' paragraphs', async () => {
    const bytes = await docx([
      p('Uppföljning av nämndmål', 'Heading1'), //                                                                          1
      {
        table: [
          [cell('Mål'), cell('Status'), cell('Kommentar')], //                                                               2–4
          [cell('Biblioteken ska nå fler invånare'), cell('Gul'), cell('Antalet lån ökade med 6 procent.', 'Öppettiderna har utökats i två filialer.')], // 5–8
          [cell('Fler barn ska delta i kulturskolan'), cell('Grön'), cell('Kulturskolan har fått en ny organisation.')], //     9–11
        ],
      },
      p('Nämndens bedömning är att målen i huvudsak nås.'), //                                                                12
      p('Mål 3: Fler föreningar ska få stöd', 'Heading2'), //                                                                 13
      p('Status: grön'), //                                                                                                  14
      p('142 föreningar fick verksamhetsbidrag, 18 fler än förra året.'), //                                                  15
    ]);
    const { goals, layout } = await analyse('utkast.docx', bytes);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Biblioteken ska nå fler invånare', 'yellow', null, 5],
      ['Fler barn ska delta i kulturskolan', 'green', 'GREEN_INTERNAL_ONLY', 9],
      ['Fler föreningar ska få stöd', 'green', null, 13],
    ]);
    // A cell with two paragraphs keeps both, each with its own number.
    expect(sourcedLines(layout)).toContain('8: Öppettiderna har utökats i två filialer.');
  });

  it('counts the paragraphs of merged cells that mammoth leaves out', async () => {
    const bytes = await docx([
      {
        table: [
          [cell('Målområde'), cell('Mål'), cell('Status')], //                                             1–3
          [{ ...cell('Trygg kommun'), merge: 'restart' }, cell('Fler ska känna sig trygga'), cell('Grön')], // 4–6
          [{ ...cell(), merge: 'continue' }, cell('Färre inbrott'), cell('Gul')], //                          7–9 (7: the merged cell's empty paragraph)
          [{ ...cell('Sammanfattning'), span: 3 }], //                                                       10
        ],
      },
      p('Mål: Fler ska ta del av kulturlivet'), //                                                          11
      p('Status: röd'), //                                                                                 12
    ]);
    const layout = await draftToLayout('utkast.docx', bytes, 'docx');
    expect(sourcedLines(layout)).toEqual([
      '1: Målområde', '2: Mål', '3: Status',
      '4: Trygg kommun', '5: Fler ska känna sig trygga', '6: Grön',
      '8: Färre inbrott', '9: Gul',
      '10: Sammanfattning',
      '11: Fler ska ta del av kulturlivet', '12: Status: röd',
    ]);
    const table = layout.pages[0].blocks[0];
    if (table.kind !== 'table') throw new Error('expected a table first');
    // The row under the merged cell starts in the second column; the spanning cell covers all three.
    expect(table.table.rows.map((r) => r.cells.map((c) => c.column))).toEqual([[0, 1, 2], [0, 1, 2], [1, 2], [0]]);
    const [spanning] = table.table.rows[3].cells;
    expect(spanning.bbox[2]).toBe(table.table.bbox[2]);
  });

  // The segment stage takes the first header cell's column as the goal's column, so a merged "Målområde" column before
  // the "Mål" column gives the first goal of each area the area's name as its title. Needs a segment change: the
  // title column is the goal-header column nearest the status column (or the last of several goal-header columns).
  it.skip('reads the goal column, not a merged goal-area column before it (needs src/segment: title column)', async () => {
    const bytes = await docx([
      {
        table: [
          [cell('Målområde'), cell('Mål'), cell('Status'), cell('Kommentar')], //                                                           1–4
          [{ ...cell('Trygg och säker kommun'), merge: 'restart' }, cell('Fler ska känna sig trygga i sitt bostadsområde'), cell('Grön'), cell('En trygghetsvandring har genomförts.')], // 5–8
          [{ ...cell(), merge: 'continue' }, cell('Färre bostadsinbrott'), cell('Gul'), cell('Antalet inbrott minskade med 11 procent.')], // 9–12
        ],
      },
    ]);
    const { goals } = await analyse('utkast.docx', bytes);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Fler ska känna sig trygga i sitt bostadsområde', 'green', 'GREEN_INTERNAL_ONLY', 6],
      ['Färre bostadsinbrott', 'yellow', null, 10],
    ]);
  });

  it('decodes text once: "&lt;b&gt;" written in Word stays that text, "<b>" stays "<b>"', async () => {
    const bytes = await docx([p('Kommentar med &lt;b&gt; som text och <i> som tecken & annat.')]);
    const layout = await draftToLayout('utkast.docx', bytes, 'docx');
    expect(sourcedLines(layout)).toEqual(['1: Kommentar med &lt;b&gt; som text och <i> som tecken & annat.']);
  });

  it('starts a new page at a page break', async () => {
    const bytes = await docx([
      p('Inledning', 'Heading1'), //                                     1
      p('Året i korthet.'), //                                           2
      { pageBreak: true }, //                                            3
      p('Fler ska gå vidare till arbete', 'Heading2'), //                4
      p('Status: grön'), //                                              5
      p('312 personer gick vidare till arbete, 40 fler än i fjol.'), //  6
    ]);
    const { goals, layout } = await analyse('utkast.docx', bytes);
    expect(layout.numPages).toBe(2);
    expect(goals).toEqual([['Fler ska gå vidare till arbete', 'green', null, 4, 2]]);
  });
});
