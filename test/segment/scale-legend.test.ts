import { describe, expect, it } from 'vitest';
import { rowStatus } from '../../src/segment/row-status.js';
import { learnScales, scaleOfText } from '../../src/segment/scale-legend.js';
import { emptyLegend } from '../../src/segment/status.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, paragraph, tableUnit, vocab } from './build.js';

const sv = vocab('sv');

describe('scale-legend', () => {
  it('reads a five-level key written as a sentence, each value by the status of its words', () => {
    expect(scaleOfText('Skalan: 5 = Helt uppfyllt, 4 = Till stor del uppfyllt, 3 = Delvis uppfyllt, 2 = I liten utsträckning uppfyllt, 1 = Inte uppfyllt.', sv)).toEqual([
      ['5', 'green', 'Helt uppfyllt'],
      ['4', 'yellow', 'Till stor del uppfyllt'],
      ['3', 'yellow', 'Delvis uppfyllt'],
      ['2', 'red', 'I liten utsträckning uppfyllt'],
      ['1', 'red', 'Inte uppfyllt'],
    ]);
  });

  it('is no key with fewer than three graded values, or values whose words state no status', () => {
    expect(scaleOfText('Målet är 5 = högsta värdet och 1 = lägsta.', sv)).toBeNull();
    expect(scaleOfText('Ökning 2 – 4 procent, se tabell 3.', sv)).toBeNull();
  });

  it('learns a key table, and a status column’s grade then has its status; without a key a grade is none', () => {
    const legend = emptyLegend();
    learnScales([tableUnit(grid([['A', 'Helt uppfyllt'], ['B', 'Delvis uppfyllt'], ['C', 'Ej uppfyllt']])), paragraph(['Bedömningen görs årligen.'])], legend, sv);
    const t = grid([['Mål', 'Bedömning', 'Kommentar'], ['Trygg skola', 'B', 'Fler elever känner sig trygga.']]);
    expect(rowStatus(t.rows[1], readHeader(t, sv), legend, sv)).toMatchObject({ status: 'yellow', statusSource: 'legend', statusEvidence: '"B" = "Delvis uppfyllt" on the report\'s scale, page 1' });
    const numbers = grid([['Mål', 'Bedömning'], ['Trygg skola', '4']]);
    expect(rowStatus(numbers.rows[1], readHeader(numbers, sv), emptyLegend(), sv)).toBeNull();
  });
});
