import { describe, expect, it } from 'vitest';
import { isSectionRow } from '../../src/segment/section-row.js';
import { BODY, grid } from './build.js';

const row = (...cells: Parameters<typeof grid>[0][number]) => grid([cells]).rows[0];

describe('section-row', () => {
  it.each([
    ['bold', row({ text: 'Målområde: Välfungerande organisation', bold: true }, '', '')],
    ['larger type', row({ text: 'Trygghet och hälsa', fontSize: 12 }, '')],
    ['numbered like a heading', row('04 Hav och marina resurser', '')],
  ])('one short cell set as a heading is a section row (%s)', (_why, r) => {
    expect(isSectionRow(r, BODY)).toBe(true);
  });

  it.each([
    ['two filled cells', row({ text: 'Trygg skola', bold: true }, 'Uppfyllt')],
    ['a sentence', row({ text: 'Tryggheten har ökat.', bold: true })],
    ['plain body text', row('Trygghet och hälsa')],
    ['more than ten words', row({ text: 'Ett två tre fyra fem sex sju åtta nio tio elva', bold: true })],
    ['three lines', row({ text: 'Ett\ntvå\ntre', bold: true })],
  ])('is no section row: %s', (_why, r) => {
    expect(isSectionRow(r, BODY)).toBe(false);
  });
});
