import { describe, expect, it } from 'vitest';
import { isColumnLabel, readHeader } from '../../src/segment/table-header.js';
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
