import { describe, expect, it } from 'vitest';
import { numberValue, parseFigure } from '../../src/segment/indicator-values-figure.js';
import { indicatorWords } from '../../src/segment/indicator-values-words.js';
import { vocab } from './build.js';

const sv = indicatorWords(vocab('sv'));
const en = indicatorWords(vocab('en'));

describe('indicator-values-figure', () => {
  it('reads Swedish figures: decimal comma, thousands apart, units, a minus, a bound', () => {
    expect(parseFigure('83,1', 'sv', sv)).toEqual({ value: 83.1, unit: null, qualifier: null });
    expect(parseFigure('1 250', 'sv', sv)?.value).toBe(1250);
    expect(parseFigure('1\u00a0250,5 kr', 'sv', sv)).toMatchObject({ value: 1250.5, unit: 'kr' });
    expect(parseFigure('8,4 %', 'sv', sv)).toMatchObject({ value: 8.4, unit: '%' });
    expect(parseFigure('12 dagar', 'sv', sv)).toMatchObject({ value: 12, unit: 'dagar' });
    expect(parseFigure('–3,5', 'sv', sv)?.value).toBe(-3.5);
    expect(parseFigure('minst 90 procent', 'sv', sv)).toMatchObject({ value: 90, unit: '%', qualifier: { bound: 'at-least', ruleId: 'sv/indicator-values/minst' } });
    expect(parseFigure('högst 10 dagar', 'sv', sv)?.qualifier?.bound).toBe('at-most');
    expect(parseFigure('85,0*', 'sv', sv)?.value).toBe(85);
  });

  it('reads English figures: a thousands comma, a decimal point, a pound sign before', () => {
    expect(parseFigure('10,323', 'en', en)?.value).toBe(10323);
    expect(parseFigure('80.9%', 'en', en)).toMatchObject({ value: 80.9, unit: '%' });
    expect(parseFigure('£1,250', 'en', en)).toMatchObject({ value: 1250, unit: '£' });
    expect(parseFigure('at most 5%', 'en', en)?.qualifier?.bound).toBe('at-most');
    expect(parseFigure('0.04%', 'en', en)?.value).toBe(0.04);
  });

  it('a cell with anything else beside the number is no figure', () => {
    for (const text of ['85–90', 'ASC01', 'saknas', '–', 'GREEN', '2 av 3', '']) expect(parseFigure(text, 'sv', sv), text).toBeNull();
    expect(parseFigure('Q3 2024', 'en', en)).toBeNull();
  });

  it('the language decides what a comma is', () => {
    expect(numberValue('10,323', 'en')).toBe(10323);
    expect(numberValue('10,3', 'sv')).toBe(10.3);
  });
});
