import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model/layout.js';
import { readGoalTable } from '../../src/segment/goal-table.js';
import { rowStatus } from '../../src/segment/row-status.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, walk } from './build.js';

type Walk = ReturnType<typeof walk>;
function read(t: Table, { c, s }: Walk, paragraphs: { text: string; page: number }[] = [], continuesPreviousPage = false) {
  const header = readHeader(t, c.v);
  const rows = t.rows.slice(header?.bodyStart ?? 0).map((r) => ({ r, st: rowStatus(r, header, c.legend, c.v) }));
  readGoalTable(t, rows, header, { paragraphs, continuesPreviousPage }, c, s);
  return c.goals.found();
}

/** An indicator as segment makes it before any figure is read. */
const noFigures = { residentFacing: false, source: 'table', latest: null, target: null, floor: null, previous: null, unit: null, better: null, betterReason: null, meetsTarget: null } as const;

describe('goal-table', () => {
  it('each row with a status is a goal; comment columns and rows under it are its commentary', () => {
    const w = walk('sv');
    const goals = read(grid([
      ['Nämndmål', 'Bedömning', 'Kommentar'],
      ['Trygg skola', 'Uppfyllt', 'Tryggheten har ökat.'],
      ['Fler elever klarar målen', 'Delvis uppfyllt', ''],
      ['Andelen behöriga ökade till', '', ''],
      ['91 procent.', '', ''],
    ]), w);
    expect(goals.map((g) => [g.title, g.status, g.justification.map((p) => p.text)])).toEqual([
      ['Trygg skola', 'green', ['Tryggheten har ökat.']],
      ['Fler elever klarar målen', 'yellow', ['Andelen behöriga ökade till 91 procent.']],
    ]);
  });

  it('a section row opens a section for the goals after it and is nobody’s commentary', () => {
    const w = walk('sv');
    const goals = read(grid([
      ['Nämndmål', 'Bedömning'],
      [{ text: 'Målområde: Välfungerande organisation', bold: true }, ''],
      ['Snabb handläggning av ärenden', 'Uppfyllt'],
    ]), w);
    expect(goals.map((g) => [g.title, g.section, g.justification])).toEqual([['Snabb handläggning av ärenden', 'Målområde: Välfungerande organisation', []]]);
  });

  it('summary rows are no goals, and a title found before is not found again', () => {
    const w = walk('sv');
    w.c.goals.add('Trygg skola', 1, { status: 'green', statusSource: 'word', statusEvidence: '' }, '');
    const goals = read(grid([['Nämndmål', 'Bedömning'], ['Trygg skola', 'Uppfyllt'], ['Totalt antal mål', 'Uppfyllt']]), w);
    expect(goals.map((g) => g.title)).toEqual(['Trygg skola']);
  });

  it("a KPI row's figures are its indicator; commentary before a RAG table goes to its KPIs", () => {
    const w = walk('en');
    const goals = read(grid([
      ['Indicator', 'Latest', 'Previous', 'Target'],
      ['% of calls answered within two minutes', { text: 'GREEN', fill: 'green' }, { text: 'AMBER', fill: 'yellow' }, '85%'],
    ]), w, [{ text: 'Call volumes fell after the new online form opened in October.', page: 1 }]);
    expect(goals[0].indicators).toEqual([
      { ...noFigures, name: '% of calls answered within two minutes', page: 1, values: ['85%'], status: 'green', target: 85, unit: '%' },
    ]);
    expect(goals[0].justification.map((p) => p.text)).toEqual(['Call volumes fell after the new online form opened in October.']);
    expect(w.s.current).toBeNull(); // text after a RAG table is the report's own
  });

  it('a comment row at the top of a table continued from the previous page continues the last goal’s comment there', () => {
    const w = walk('sv');
    read(grid([['Nämndmål', 'Bedömning'], ['Trygg skola', 'Uppfyllt'], ['Tryggheten har ökat.', '']]), w);
    read(grid([['Otryggheten i centrum har minskat.', ''], ['Fler elever klarar målen', 'Uppfyllt']], { page: 2 }), w, [], true);
    expect(w.c.goals.found()[0].justification.map((p) => p.text)).toEqual(['Tryggheten har ökat. Otryggheten i centrum har minskat.']);
    const fresh = walk('sv');
    read(grid([['Nämndmål', 'Bedömning'], ['Trygg skola', 'Uppfyllt'], ['Tryggheten har ökat.', '']]), fresh);
    read(grid([['Otryggheten i centrum har minskat.', ''], ['Fler elever klarar målen', 'Uppfyllt']], { page: 3 }), fresh, [], false);
    expect(fresh.c.goals.found()[0].justification.map((p) => p.text)).toEqual(['Tryggheten har ökat.']);
  });

  it('leaves the last goal open for the text after the table only where it has no commentary yet', () => {
    const open = walk('sv');
    read(grid([['Nämndmål', 'Bedömning'], ['Trygg skola', 'Uppfyllt']]), open);
    expect(open.s.current?.title).toBe('Trygg skola');
    const closed = walk('sv');
    read(grid([['Nämndmål', 'Bedömning'], ['Trygg skola', 'Uppfyllt'], ['Tryggheten har ökat.', '']]), closed);
    expect(closed.s.current).toBeNull();
  });
});
