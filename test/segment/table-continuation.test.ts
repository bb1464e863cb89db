import { describe, expect, it } from 'vitest';
import { continuedHeader } from '../../src/segment/table-continuation.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, vocab } from './build.js';

const sv = vocab('sv');
const header = readHeader(grid([['Nämndmål', 'Bedömning', 'Kommentar'], ['Trygg skola', 'Uppfyllt', '']]), sv)!;

describe('table-continuation', () => {
  it('a table with the same column edges continues the last header, from its first row', () => {
    const next = grid([['Fler elever klarar målen', 'Delvis uppfyllt', '']], { page: 2, x: 53 });
    expect(continuedHeader(next, header)).toEqual({ ...header, bodyStart: 0 });
  });

  it('other columns, another number of columns or no header before: not a continuation', () => {
    expect(continuedHeader(grid([['a', 'b', 'c']], { x: 70 }), header)).toBeNull();
    expect(continuedHeader(grid([['a', 'b']]), header)).toBeNull();
    expect(continuedHeader(grid([['a', 'b', 'c']]), null)).toBeNull();
  });
});
