import { describe, expect, it } from 'vitest';
import { isHeaderRow, splitAtHeaders } from '../../src/segment/split-at-headers.js';
import { grid, vocab } from './build.js';

const en = vocab('en');
const kpi = (n: number) => [`% of requests completed in time ${n}`, 'GREEN', 'AMBER', '↑'];

describe('split-at-headers', () => {
  it('starts a new table where a header row comes again', () => {
    const t = grid([['Indicator', 'Latest', 'Previous', 'DoT'], kpi(1), kpi(2), ['Indicator', 'Latest', 'Previous', 'DoT'], kpi(3)]);
    expect(splitAtHeaders(t, en).map((x) => x.rows.length)).toEqual([3, 2]);
  });

  it('keeps a two-line header together, and a table without a repeated header whole', () => {
    const twoLines = grid([['Customer Services KPIs', '', ''], ['Indicator', 'Latest', 'Previous'], ['Indicator', 'RAG', 'RAG'], kpi(1)]);
    expect(splitAtHeaders(twoLines, en)).toHaveLength(1);
    expect(splitAtHeaders(grid([['Indicator', 'Latest', 'Previous', 'DoT'], kpi(1), kpi(2)]), en)).toHaveLength(1);
  });

  it('a header row is short labels in two cells or more', () => {
    expect(isHeaderRow(grid([['Indicator', 'Latest']]).rows[0], en)).toBe(true);
    expect(isHeaderRow(grid([['Indicator']]).rows[0], en)).toBe(false);
    expect(isHeaderRow(grid([['Indicator of waiting times for residents', 'Latest']]).rows[0], en)).toBe(false);
  });
});
