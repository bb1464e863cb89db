import { describe, expect, it } from 'vitest';
import { indicatorOfRow, indicatorOfValues } from '../../src/segment/indicator-values.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, vocab } from './build.js';

const sv = vocab('sv');
const en = vocab('en');

describe('indicator-values', () => {
  it('a row of a Swedish indicator table: values as printed, figures by column, the unit from the name', () => {
    const t = grid([['Indikator', 'Utfall 2024', 'Utfall 2025', 'Målvärde'], ['Väntetid till särskilt boende, dagar (lägre är bättre)', '64', '58', '60']]);
    const [, row] = t.rows;
    const i = indicatorOfRow({ name: row!.cells[0]!.text, page: 2, status: 'green', cells: row!.cells.slice(1) }, readHeader(t, sv)!.stacked!, sv);
    expect(i).toMatchObject({ values: ['64', '58', '60'], latest: 58, previous: 64, target: 60, floor: null, unit: 'dagar', better: 'lower', meetsTarget: true, source: 'table' });
  });

  it('a floor above the target: lower is better, and a latest value over the target misses it', () => {
    const t = grid([['Indicator', 'Latest', 'Target', 'Floor'], ['Delayed discharges per day', '21', '15', '20']]);
    const [, row] = t.rows;
    const i = indicatorOfRow({ name: 'Delayed discharges per day', page: 1, status: 'red', cells: row!.cells.slice(1) }, readHeader(t, en)!.stacked!, en);
    expect(i).toMatchObject({ latest: 21, target: 15, floor: 20, better: 'lower', betterReason: 'floor', meetsTarget: false });
  });

  it('without labels nothing is read but the printed values', () => {
    const i = indicatorOfRow({ name: 'Antal besök', page: 1, status: 'unknown', cells: [{ bbox: [150, 0, 250, 10], text: '1 410' }] }, null, sv);
    expect(i).toMatchObject({ values: ['1 410'], latest: null, target: null, meetsTarget: null });
  });

  it('values read elsewhere keep their printed text in line order', () => {
    const i = indicatorOfValues('Calls answered', 9, 'green', { latest: '94%', target: '90%', floor: '85%', previous: '89%' }, 'detail-line', [], en);
    expect(i).toMatchObject({ values: ['94%', '90%', '85%', '89%'], latest: 94, target: 90, floor: 85, previous: 89, unit: '%', better: 'higher', meetsTarget: true, source: 'detail-line' });
  });
});
