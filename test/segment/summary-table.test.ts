import { describe, expect, it } from 'vitest';
import { isSummaryTable } from '../../src/segment/summary-table.js';
import { grid, vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('summary-table', () => {
  it('counts under status headers are a summary', () => {
    expect(isSummaryTable(grid([['Målområde', 'Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt'], ['Trygghet', '3', '1', '0'], ['Utbildning', '2', '2', '1']]), sv)).toBe(true);
  });

  it('figures with a totals row are a summary', () => {
    expect(isSummaryTable(grid([['Directorate', 'KPIs'], ['Adult Social Care', '12'], ['Total', '38']]), en)).toBe(true);
  });

  it('status headers over text without statuses are a summary too', () => {
    expect(isSummaryTable(grid([['Område', 'Uppfyllt', 'Ej uppfyllt'], ['Trygghet', 'Trygg skola', 'Kort väntetid']]), sv)).toBe(true);
  });

  it('a goal table, an indicator table or a lone row are not', () => {
    expect(isSummaryTable(grid([['Nämndmål', 'Bedömning'], ['Trygg skola', 'Uppfyllt'], ['Kort väntetid', 'Ej uppfyllt']]), sv)).toBe(false);
    expect(isSummaryTable(grid([['Nyckeltal', '2024', '2025'], ['Andel trygga elever, %', '81', '84']]), sv)).toBe(false);
    expect(isSummaryTable(grid([['Uppfyllt', 'Ej uppfyllt']]), sv)).toBe(false);
  });
});
