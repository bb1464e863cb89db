import { describe, expect, it } from 'vitest';
import { analyse, sourcedLines } from './analyse.js';

describe('plain-text drafts', () => {
  it('reads "Mål:" / "Status:" / "Kommentar:" lines, with or without blank lines between', async () => {
    const txt = [
      'Barn- och utbildningsnämnden, delårsrapport 2025', //                                         1
      '', //                                                                                         2
      'Mål: Fler elever ska klara kunskapskraven i alla ämnen', //                                    3
      'Status: gul', //                                                                              4
      'Kommentar: Andelen elever i årskurs 9 med godkända betyg i alla ämnen ökade från 74 till 77 procent.', // 5
      '', //                                                                                         6
      'Mål 2: Alla barn ska erbjudas förskoleplats', //                                              7
      '', //                                                                                         8
      'Status: grön', //                                                                             9
      '', //                                                                                        10
      'Kommentar: En ny rutin för placering har tagits fram och förskolecheferna har utbildats i den.', // 11
      'Arbetet med rutinen kommer att fortsätta under våren.', //                                    12
      '', //                                                                                        13
      'Mål: Fler unga ska ha en meningsfull fritid och', //                                         14
      '  känna sig delaktiga i sin kommun', //                                                        15
      'Bedömning: Uppfyllt', //                                                                     16
      'Kommentar: 1 240 unga deltog i sommarlovsaktiviteterna, 300 fler än förra året.', //          17
    ].join('\n');
    const { goals, result } = await analyse('utkast.txt', txt);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Fler elever ska klara kunskapskraven i alla ämnen', 'yellow', null, 3],
      ['Alla barn ska erbjudas förskoleplats', 'green', 'GREEN_INTERNAL_ONLY', 7],
      // A title wrapped onto the next line stays one title.
      ['Fler unga ska ha en meningsfull fritid och känna sig delaktiga i sin kommun', 'green', null, 14],
    ]);
    // The labels are not part of the justification; a comment's unlabelled next line is.
    expect(result.goals[1].sentences.map((s) => s.text)).toEqual([
      'En ny rutin för placering har tagits fram och förskolecheferna har utbildats i den.',
      'Arbetet med rutinen kommer att fortsätta under våren.',
    ]);
  });

  it('reads English "Goal:" / "Status:" / "Comment:" lines', async () => {
    const txt = [
      'Goal: More household waste is recycled', //                                                1
      'Status: Green', //                                                                         2
      'Comment: A new waste strategy was approved and a project board has been set up.', //       3
      '', //                                                                                      4
      'Goal: Residents can get a GP appointment within two weeks', //                             5
      'Status: Amber', //                                                                         6
      'Comment: 81% of residents got an appointment within two weeks, up from 76%.', //           7
    ].join('\r\n');
    const { goals } = await analyse('draft.txt', txt);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['More household waste is recycled', 'green', 'GREEN_INTERNAL_ONLY', 1],
      ['Residents can get a GP appointment within two weeks', 'yellow', null, 5],
    ]);
  });

  it('reads a table pasted with tabs between its cells', async () => {
    const txt = [
      'Nämndmål 2025', //                                                                            1
      '', //                                                                                         2
      'Mål\tStatus\tKommentar', //                                                                   3
      'Fler invånare ska ha nära till grönområden\tGrön\tEn grönplan har tagits fram.', //           4
      'Fler ska cykla till arbetet\tRöd\tAndelen som cyklar minskade till 12 procent.', //          5
    ].join('\n');
    const { goals } = await analyse('mal.txt', txt);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Fler invånare ska ha nära till grönområden', 'green', 'GREEN_INTERNAL_ONLY', 4],
      ['Fler ska cykla till arbetet', 'red', null, 5],
    ]);
  });

  it('reads a pipe table in a text file', async () => {
    const txt = '| Mål | Status | Kommentar |\n|---|---|---|\n| Färre ska vara beroende av försörjningsstöd | Grön | Antalet hushåll med stöd minskade med 9 procent. |\n';
    const { goals } = await analyse('mal.txt', txt);
    expect(goals.map(([title, status, flag, line]) => [title, status, flag, line])).toEqual([
      ['Färre ska vara beroende av försörjningsstöd', 'green', null, 3],
    ]);
  });

  it('does not take a target value ("Mål: 85 %") for a goal', async () => {
    const txt = [
      'Mål: Brukarna ska vara nöjda med hemtjänsten',
      'Status: grön',
      'Indikator: Andel nöjda brukare',
      'Utfall: 88 %',
      'Mål: 85 %',
      'Kommentar: Nöjdheten ökade för tredje året i rad.',
    ].join('\n');
    const { goals, result } = await analyse('utkast.txt', txt);
    expect(goals.map(([title, status]) => [title, status])).toEqual([['Brukarna ska vara nöjda med hemtjänsten', 'green']]);
    expect(result.goals[0].sentences.map((s) => s.text)).toContain('Nöjdheten ökade för tredje året i rad.');
  });

  it('reads text saved as Windows-1252 or UTF-16, and splits pages at form feeds', async () => {
    const txt = 'Mål: Fler äldre ska få en trygg vård\nStatus: grön\nKommentar: Fler än 90 procent av brukarna är nöjda.\n\fMål: Färre fallolyckor\nStatus: röd\n';
    const latin1 = Uint8Array.from([...txt].map((c) => c.charCodeAt(0)));
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from([...txt].map((c) => c.charCodeAt(0))).buffer)]);
    for (const bytes of [latin1, utf16]) {
      const { goals, layout } = await analyse('utkast.txt', bytes);
      expect(layout.numPages).toBe(2);
      expect(goals).toEqual([
        ['Fler äldre ska få en trygg vård', 'green', null, 1, 1],
        ['Färre fallolyckor', 'red', null, 4, 2],
      ]);
    }
  });

  it('keeps "# " headings and the number of every line', async () => {
    const { layout } = await analyse('utkast.txt', '# Inledning\n\nFörsta raden\n   andra raden\n\n\nSista raden\n');
    expect(sourcedLines(layout)).toEqual(['1: Inledning', '3: Första raden', '4: andra raden', '7: Sista raden']);
  });
});
