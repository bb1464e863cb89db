import { describe, expect, it } from 'vitest';
import { figureLabels, indicatorNameCell, isIndicatorRowOfGoal } from '../../src/segment/goal-row-indicators.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, vocab } from './build.js';

const sv = vocab('sv');

// "Mål | Indikator | Utfall | Målvärde | Måluppfyllelse", the goal cell spanning its two indicator rows.
const table = () =>
  grid([
    ['Mål', 'Indikator', 'Utfall', 'Målvärde', 'Måluppfyllelse'],
    ['Alla barn erbjuds plats i förskola', 'Andel barn med plats på önskat datum, %', '94', '95', 'Delvis uppfyllt'],
    ['', 'Genomsnittlig väntetid, dagar', '38', '30', ''],
    ['', 'Väntetiden har ökat i norra distriktet.', '', '', ''],
  ]);

describe('goal-row-indicators', () => {
  it('names a goal row’s indicator by its indicator cell, not by the goal', () => {
    const t = table();
    const h = readHeader(t, sv)!;
    expect(indicatorNameCell(t.rows[1], h, t.rows[1].cells[0])?.text).toBe('Andel barn med plats på önskat datum, %');
  });

  it('leaves the goal’s title column out of the figure columns ("Mål" is also a target label)', () => {
    const h = readHeader(table(), sv)!;
    expect(figureLabels(h)?.map((l) => l.text)).toEqual(['Indikator', 'Utfall', 'Målvärde', 'Måluppfyllelse']);
  });

  it('reads a row with no title, an indicator’s name and figures as the goal’s next indicator, and a comment row as none', () => {
    const t = table();
    const h = readHeader(t, sv)!;
    expect(isIndicatorRowOfGoal(t.rows[2], h)).toBe(true);
    expect(isIndicatorRowOfGoal(t.rows[3], h)).toBe(false);
    expect(isIndicatorRowOfGoal(t.rows[1], h)).toBe(false);
  });

  it('finds no indicator cell in a table without an indicator column', () => {
    const t = grid([['Nämndmål', 'Bedömning', 'Kommentar'], ['Trygg skola', 'Uppfyllt', 'Tryggheten har ökat till 84 %.']]);
    const h = readHeader(t, sv)!;
    expect(indicatorNameCell(t.rows[1], h, t.rows[1].cells[0])).toBeUndefined();
    expect(figureLabels(h)?.map((l) => l.text)).toEqual(['Bedömning', 'Kommentar']);
  });
});
