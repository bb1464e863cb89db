import { describe, expect, it } from 'vitest';
import { isTableCaption } from '../../src/segment/table-caption.js';
import { grid, heading, paragraph, tableUnit } from './build.js';

describe('table-caption', () => {
  it('a heading of up to four words right above a table is its caption', () => {
    expect(isTableCaption('Key Performance Indicators', tableUnit(grid([['a', 'b']])))).toBe(true);
    expect(isTableCaption('RAG rating', tableUnit(grid([['a', 'b']])))).toBe(true);
  });

  it('a longer heading, or one followed by text or nothing, is not', () => {
    expect(isTableCaption('Children, Young People and Education Directorate', tableUnit(grid([['a', 'b']])))).toBe(false);
    expect(isTableCaption('Nyckeltal', paragraph(['Text.']))).toBe(false);
    expect(isTableCaption('Nyckeltal', heading('Trygg skola'))).toBe(false);
    expect(isTableCaption('Nyckeltal', undefined)).toBe(false);
  });
});
