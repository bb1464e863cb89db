import { describe, expect, it } from 'vitest';
import { columnOf, periodKey, valueColumns } from '../../src/segment/indicator-values-columns.js';
import { indicatorWords } from '../../src/segment/indicator-values-words.js';
import { vocab } from './build.js';

const sv = indicatorWords(vocab('sv'));
const en = indicatorWords(vocab('en'));
/** Header labels 100 pt wide side by side, from x = 50. */
const labels = (...texts: string[]) => texts.map((text, k) => ({ x0: 50 + k * 100, x1: 150 + k * 100, text }));
const roles = (...texts: string[]) => valueColumns(labels(...texts), texts.some((t) => /utfall|mål|\d/i.test(t)) ? sv : en).map((c) => [c.text, c.role]);

describe('indicator-values-columns', () => {
  it('of results of several years the latest year is the latest value, the one before it the previous', () => {
    expect(valueColumns(labels('Indikator', 'Utfall 2024', 'Utfall 2025', 'Målvärde'), sv).map((c) => [c.text, c.role])).toEqual([
      ['Utfall 2024', 'previous'], ['Utfall 2025', 'latest'], ['Målvärde', 'target'],
    ]);
    expect(roles('Nyckeltal', '2023', '2024', '2025', 'Mål 2025')).toEqual([['2024', 'previous'], ['2025', 'latest'], ['Mål 2025', 'target']]);
  });

  it('labelled columns are what they say', () => {
    expect(valueColumns(labels('Indicator', 'Latest', 'Target', 'Floor', 'RAG', 'Previous RAG'), en).map((c) => c.role)).toEqual(['latest', 'target', 'floor', 'previous']);
    expect(valueColumns(labels('Nyckeltal', 'Föregående år', 'Utfall', 'Målnivå', 'Golv'), sv).map((c) => c.role)).toEqual(['previous', 'latest', 'target', 'floor']);
  });

  it('two results that no year tells apart give no latest value; two targets, the latest year’s', () => {
    expect(valueColumns(labels('Indikator', 'Utfall', 'Utfall', 'Målvärde'), sv).map((c) => c.role)).toEqual(['target']);
    expect(valueColumns(labels('Indikator', 'Utfall 2025', 'Mål 2025', 'Mål 2026'), sv).map((c) => [c.text, c.role])).toEqual([['Utfall 2025', 'latest'], ['Mål 2025', 'target']]);
  });

  it('a cell is under the label it overlaps most, else the nearest within reach', () => {
    const cols = valueColumns(labels('Indikator', 'Utfall 2025', 'Målvärde'), sv);
    expect(columnOf(230, 248, cols)?.role).toBe('latest');
    expect(columnOf(252, 300, cols)?.role).toBe('target');
    expect(columnOf(500, 520, cols)).toBeNull();
  });

  it('a financial year ends in its second year', () => {
    expect(periodKey('Q3 2024/25')).toBe(2024.5);
    expect(periodKey('Utfall jan–aug 2025')).toBe(2025);
    expect(periodKey('Latest')).toBeNull();
  });
});
