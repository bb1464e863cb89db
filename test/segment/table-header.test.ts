import { describe, expect, it } from 'vitest';
import { headerColumnOf, isColumnLabel, readHeader } from '../../src/segment/table-header.js';
import { grid, vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('table-header', () => {
  it('reads a Swedish goal table: title column and status column', () => {
    const h = readHeader(grid([['Nämndmål', 'Bedömning', 'Kommentar'], ['Trygg skola', 'Uppfyllt', 'Tryggheten har ökat.']]), sv);
    expect(h).toMatchObject({ kind: 'goal', bodyStart: 1, titleColumn: 0, statusX: 200, latest: null, commentColumns: [2] });
  });

  it('reads an English QPR header: Latest is the status, Previous and DoT are not', () => {
    const h = readHeader(grid([['Indicator', 'Latest', 'Previous', 'DoT'], ['% of calls answered', 'GREEN', 'AMBER', '↑']]), en);
    expect(h).toMatchObject({ kind: 'goal', latest: 200, previous: 300, trendX: [400] });
  });

  it('takes the second of two RAG columns as last period’s', () => {
    expect(readHeader(grid([['KPI', 'RAG', 'RAG'], ['% of calls answered', 'G', 'A']]), en)).toMatchObject({ statusX: 200, previous: 300 });
  });

  it.each([
    [sv, [['Aktivitet', 'Status', 'Färdiggrad']], 'activity'],
    [sv, [['Nyckeltal', 'Utfall 2025', 'Målvärde']], 'indicator'],
    [sv, [['Antal mål', 'Bedömning']], 'summary'],
  ] as const)('tells the kind of table by its first column: %#', (v, rows, kind) => {
    expect(readHeader(grid(rows.map((r) => [...r])), v)?.kind).toBe(kind);
  });

  it('finds a header under a title row, within the first three rows', () => {
    expect(readHeader(grid([['Kultur- och fritidsnämnden'], ['Nämndmål', 'Bedömning'], ['Trygg skola', 'Uppfyllt']]), sv)?.bodyStart).toBe(2);
  });

  it('places body cells under centred header labels by where they overlap, not by their left edges', () => {
    const t = grid([['Ref', 'Outcome', 'RAG', 'Commentary'], ['TP1', 'More residents use the libraries', { text: 'GREEN', fill: 'green' }, 'Visits rose by 9%.']], { widths: [40, 160, 60, 240] });
    // The header row's labels stand centred in their columns, right of the body's left edges.
    t.rows[0].cells.forEach((c) => { const w = c.bbox[2] - c.bbox[0]; c.bbox = [c.bbox[0] + w / 3, c.bbox[1], c.bbox[0] + (2 * w) / 3, c.bbox[3]]; c.column += 10; });
    const h = readHeader(t, en)!;
    expect(h.commentColumns).toEqual([13]);
    expect(headerColumnOf(t.rows[1].cells[3], h)).toBe(13);
    expect(headerColumnOf(t.rows[1].cells[1], h)).toBe(h.titleColumn);
  });

  it('takes the goal column nearest the status column as the title, and the one before it as the area', () => {
    const h = readHeader(grid([['Målområde', 'Mål', 'Status', 'Kommentar'], ['Trygg uppväxt', 'Fler barn simmar', 'Uppfyllt', 'Simskolan hade 640 deltagare.']]), sv)!;
    expect(h).toMatchObject({ titleColumn: 1, areaColumns: [0], commentColumns: [3] });
  });

  it('reads "Uppfyllt" as a column label beside another label, and as a goal’s status without one', () => {
    expect(readHeader(grid([['Mål', 'Uppfyllt', 'Kommentar'], ['Trygg skola', 'Ja', 'Fler elever känner sig trygga.']]), sv)).toMatchObject({ statusX: 200, bodyStart: 1 });
    expect(readHeader(grid([['Trygg skola', 'Uppfyllt'], ['Fler elever klarar målen', 'Uppfyllt']]), sv)).toBeNull();
  });

  it('has no header when the first rows are body text', () => {
    expect(readHeader(grid([['Trygg skola', 'Uppfyllt'], ['Fler elever klarar målen', 'Delvis uppfyllt']]), sv)).toBeNull();
    expect(readHeader(grid([['Bedömning av hur arbetet med tryggheten har gått under året', 'Text']]), sv)).toBeNull();
  });

  it('knows a column label from a goal title', () => {
    expect(isColumnLabel('Nämndmål', sv)).toBe(true);
    expect(isColumnLabel('Key Performance Indicators', en)).toBe(true);
    expect(isColumnLabel('Trygg skola', sv)).toBe(false);
  });
});
