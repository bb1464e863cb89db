import { describe, expect, it } from 'vitest';
import { analyse, sourcedLines } from './analyse.js';

describe('Markdown drafts', () => {
  it('reads goals as headings with a status line under them, each at its heading line', async () => {
    const md = [
      '# Delårsrapport januari–augusti 2025', //  1
      '', //                                                                                                  2
      'Socialnämndens uppföljning av nämndmålen.', //                                                          3
      '', //                                                                                                  4
      '## Mål 1: Fler äldre ska kunna bo kvar i sitt eget hem', //                                             5
      '', //                                                                                                  6
      'Status: grön', //                                                                                       7
      '', //                                                                                                  8
      'Hemtjänsten har infört ett nytt planeringssystem. All personal har gått en utbildning i det.', //       9
      '', //                                                                                                 10
      '## Mål 2: Färre barn ska placeras utanför hemmet', //                                                  11
      'Bedömning: Delvis uppfyllt', //                                                                        12
      '', //                                                                                                 13
      'Antalet placerade barn minskade från 48 till 41 under perioden.', //                                   14
      '', //                                                                                                 15
      '## Mål 3: Fler ska ha en egen bostad', //                                                              16
      '', //                                                                                                 17
      '**Status:** röd', //                                                                                   18
      '', //                                                                                                 19
      '- Väntetiden till en bostad med särskilt stöd har ökat till 14 månader.', //                           20
      '- Två nya gruppbostäder planeras till 2026.', //                                                      21
      '',
    ].join('\n');
    const { goals } = await analyse('utkast.md', md);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Fler äldre ska kunna bo kvar i sitt eget hem', 'green', 'GREEN_INTERNAL_ONLY', 5],
      ['Färre barn ska placeras utanför hemmet', 'yellow', null, 11],
      ['Fler ska ha en egen bostad', 'red', null, 16],
    ]);
  });

  it('reads English headings with a RAG line', async () => {
    const md = [
      '# Quarter 2 performance report', //                                                          1
      '', //                                                                                        2
      '## Residents are supported to live independently', //                                       3
      '', //                                                                                        4
      'RAG: Green', //                                                                              5
      '', //                                                                                        6
      'A new assessment framework was agreed by the leadership team and staff were trained in it.', // 7
      '', //                                                                                        8
      '## More homes are built for local families', //                                             9
      '', //                                                                                       10
      'Status: Amber', //                                                                          11
      '', //                                                                                       12
      'We delivered 212 new homes against a target of 250.', //                                    13
    ].join('\n');
    const { goals } = await analyse('draft.md', md);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Residents are supported to live independently', 'green', 'GREEN_INTERNAL_ONLY', 3],
      ['More homes are built for local families', 'yellow', null, 9],
    ]);
  });

  it('reads a goal table (Mål | Status | Kommentar), each goal at its row', async () => {
    const md = [
      '# Kultur- och fritidsnämnden, delår 2025', //                                                                           1
      '', //                                                                                                                   2
      '| Mål | Status | Kommentar |', //                                                                                       3
      '|------|:------:|-----------|', //                                                                                     4
      '| Fler barn och unga ska delta i kulturskolan | Grön | En ny organisation för kulturskolan har införts.<br>Arbetet fortsätter under hösten. |', // 5
      '| Biblioteken ska nå fler invånare | Gul | Antalet lån ökade med 6 procent jämfört med samma period förra året. |', //  6
      '| Fler ska besöka simhallen | Grön | Besöken ökade från 41 000 till 46 500. |', //                                      7
      '',
    ].join('\n');
    const { goals, result } = await analyse('delår.md', md);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Fler barn och unga ska delta i kulturskolan', 'green', 'GREEN_INTERNAL_ONLY', 5],
      ['Biblioteken ska nå fler invånare', 'yellow', null, 6],
      ['Fler ska besöka simhallen', 'green', null, 7],
    ]);
    // The <br> keeps the comment's two sentences apart, and neither is lost.
    expect(result.goals[0].sentences.map((s) => s.text)).toEqual(['En ny organisation för kulturskolan har införts.', 'Arbetet fortsätter under hösten.']);
  });

  it('reads an English RAG table (Goal | RAG | Commentary)', async () => {
    const md = [
      'Council Plan update, Q3', //                                                                                1
      '', //                                                                                                       2
      '| Goal | RAG | Commentary |', //                                                                            3
      '| --- | --- | --- |', //                                                                                    4
      '| Residents feel safe in their neighbourhood | Green | A community safety strategy has been drafted and a new partnership board has met twice. |', // 5
      '| Fewer young people are not in education, employment or training | Red | The proportion rose to 6.1% from 5.2% last year. |', // 6
      '| The council is a good employer | Green | Sickness absence fell to 8.9 days per employee. |', // 7
    ].join('\n');
    const { goals } = await analyse('cabinet-draft.md', md);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Residents feel safe in their neighbourhood', 'green', 'GREEN_INTERNAL_ONLY', 5],
      ['Fewer young people are not in education, employment or training', 'red', null, 6],
      ['The council is a good employer', 'green', null, 7],
    ]);
  });

  it('reads bold titles and labelled fields as goals', async () => {
    const md = [
      '**Trygg och säker kommun**', //                                                               1
      'Bedömning: Uppfyllt', //                                                                      2
      'Kommentar: Andelen invånare som känner sig trygga ute på kvällen ökade till 74 procent.', //  3
      '', //                                                                                         4
      '**Mål:** Fler invånare ska kunna ta del av kulturlivet', //                                   5
      '**Status:** grön', //                                                                         6
      '**Kommentar:** En kulturstrategi har tagits fram och en styrgrupp har bildats.', //           7
    ].join('\n');
    const { goals } = await analyse('utkast.md', md);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Trygg och säker kommun', 'green', null, 1],
      ['Fler invånare ska kunna ta del av kulturlivet', 'green', 'GREEN_INTERNAL_ONLY', 5],
    ]);
  });

  it('starts a new page at a form feed and keeps counting lines across it', async () => {
    const md = '# Inledning\n\nText om året.\n\f\n## Fler ska cykla till skolan\n\nStatus: grön\n\nAndelen elever som cyklar ökade till 38 procent.\n';
    const { goals, layout } = await analyse('utkast.md', md);
    expect(layout.numPages).toBe(2);
    expect(goals).toEqual([['Fler ska cykla till skolan', 'green', null, 5, 2]]);
  });

  it('gives every line the number of the line it came from', async () => {
    const md = '# Rubrik\n\nFörsta raden\nandra raden  \ntredje raden\n\n> Citat: **fet** text\n\n```\nkod rad\n```\n';
    const { layout } = await analyse('utkast.md', md);
    expect(sourcedLines(layout)).toEqual(['1: Rubrik', '3: Första raden', '4: andra raden', '5: tredje raden', '7: Citat: fet text', '10: kod rad']);
  });
});
