import { describe, expect, it } from 'vitest';
import { indicatorsOf, looksLikeIndicators } from '../../src/segment/indicator-table.js';
import { emptyLegend } from '../../src/segment/status.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, vocab } from './build.js';

const sv = vocab('sv');
const legend = emptyLegend();

describe('indicator-table', () => {
  it('a table whose body rows each pair a name with figures looks like indicators', () => {
    expect(looksLikeIndicators(grid([['', '2024', '2025'], ['Andel trygga elever, %', '81', '84'], ['Antal besök', '1 250', '1 410']]))).toBe(true);
  });

  it('text rows, a row without figures or a header alone do not', () => {
    expect(looksLikeIndicators(grid([['Aktivitet', 'Kommentar'], ['Trygghetsvandring', 'Genomförd i maj']]))).toBe(false);
    expect(looksLikeIndicators(grid([['', '2025'], ['Andel trygga elever', '84'], ['Antal besök', 'saknas']]))).toBe(false);
    expect(looksLikeIndicators(grid([['Nyckeltal', '2025']]))).toBe(false);
  });

  it('each body row with a name and a figure is an indicator with its values as printed', () => {
    const t = grid([['Nyckeltal', 'Utfall 2024', 'Utfall 2025', 'Målvärde'], ['Andel trygga elever, %', '81', '84', '85'], ['Antal besök', '–', '1 410', ''], ['', '3', '4', '']]);
    const none = { residentFacing: false, source: 'table', floor: null, better: null, betterReason: null, meetsTarget: null } as const;
    expect(indicatorsOf(t, readHeader(t, sv), legend, sv)).toEqual([
      { ...none, name: 'Andel trygga elever, %', page: 1, values: ['81', '84', '85'], status: 'unknown', latest: 84, previous: 81, target: 85, unit: '%' },
      { ...none, name: 'Antal besök', page: 1, values: ['1 410'], status: 'unknown', latest: 1410, previous: null, target: null, unit: null },
    ]);
  });

  it('without a header the first row is taken as one', () => {
    expect(indicatorsOf(grid([['', '2025'], ['Antal besök', '1 410']]), null, legend, sv).map((i) => i.name)).toEqual(['Antal besök']);
  });
});
