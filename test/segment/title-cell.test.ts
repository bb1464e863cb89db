import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/segment/table-header.js';
import { titleCellOf } from '../../src/segment/title-cell.js';
import { grid, vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('title-cell', () => {
  it('skips a reference before the title', () => {
    expect(titleCellOf(grid([['ASC01', '% of people who receive Direct Payments', 'GREEN']]).rows[0], null, en)?.text).toBe('% of people who receive Direct Payments');
    expect(titleCellOf(grid([['1.2', 'Fler elever klarar målen', 'Uppfyllt']]).rows[0], null, sv)?.text).toBe('Fler elever klarar målen');
  });

  it("takes the header's goal column where it reads as words", () => {
    const t = grid([['Område', 'Nämndmål', 'Bedömning'], ['Skola och förskola', 'Trygg skola för alla', 'Uppfyllt']]);
    const h = { ...readHeader(t, sv)!, titleColumn: 1 };
    expect(titleCellOf(t.rows[1], h, sv)?.text).toBe('Trygg skola för alla');
  });

  it('never a status, and the first cell where nothing reads as words', () => {
    expect(titleCellOf(grid([['Delvis uppfyllt', 'Trygg skola för alla']]).rows[0], null, sv)?.text).toBe('Trygg skola för alla');
    expect(titleCellOf(grid([['A1', '12', 'G']]).rows[0], null, en)?.text).toBe('A1');
  });
});
