import { describe, expect, it } from 'vitest';
import { isLegendTable, legendEntriesOfTable } from '../../src/segment/legend-table.js';
import { grid, heading, paragraph, vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

const key = grid([
  [{ text: 'GREEN', fill: 'green' }, 'On or above target'],
  [{ text: 'AMBER', fill: 'yellow' }, 'Below target, above floor'],
  [{ text: 'RED', fill: 'red' }, 'Below floor'],
]);

describe('legend-table', () => {
  it('a key of filled status words, every status once, is a legend', () => {
    expect(isLegendTable(key, undefined, en)).toBe(true);
    expect(legendEntriesOfTable(key, en).map((e) => [e.text, e.colourClass])).toEqual([['GREEN', 'green'], ['AMBER', 'yellow'], ['RED', 'red']]);
  });

  it('two status rows are enough under a "Key" or "Teckenförklaring" heading', () => {
    const two = grid([[{ text: 'Uppfyllt', fill: 'green' }, 'Målet är nått'], [{ text: 'Ej uppfyllt', fill: 'red' }, 'Målet är inte nått']]);
    expect(isLegendTable(two, heading('Teckenförklaring'), sv)).toBe(true);
    expect(isLegendTable(two, paragraph(['Trygg skola']), sv)).toBe(false);
  });

  it('goal rows with filled status cells are no legend: a status twice, or rows of three cells', () => {
    const goals = grid([
      ['Trygg skola', { text: 'Uppfyllt', fill: 'green' }],
      ['Fler elever klarar målen', { text: 'Uppfyllt', fill: 'green' }],
      ['Kort väntetid', { text: 'Ej uppfyllt', fill: 'red' }],
    ]);
    expect(isLegendTable(goals, undefined, sv)).toBe(false);
    const wide = grid([
      [{ text: 'GREEN', fill: 'green' }, 'On target', '12'],
      [{ text: 'AMBER', fill: 'yellow' }, 'Near target', '8'],
      [{ text: 'RED', fill: 'red' }, 'Off target', '3'],
    ]);
    expect(isLegendTable(wide, undefined, en)).toBe(false);
  });
});
