import { describe, expect, it } from 'vitest';
import { figureLabelsBesideStatus } from '../../src/segment/status-column.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('status-column', () => {
  it('makes "Utfall" an indicator label beside "Måluppfyllelse"', () => {
    const texts = ['Mål', 'Indikator', 'Utfall', 'Målvärde', 'Måluppfyllelse'];
    const roles = ['goal-header', 'indicator-header', 'status-header', 'indicator-header', 'status-header'];
    expect(figureLabelsBesideStatus(texts, roles, sv)).toEqual(['goal-header', 'indicator-header', 'indicator-header', 'indicator-header', 'status-header']);
  });

  it('keeps "Utfall" as the status label where it is the only one', () => {
    expect(figureLabelsBesideStatus(['Mål', 'Utfall'], ['goal-header', 'status-header'], sv)).toEqual(['goal-header', 'status-header']);
  });

  it('keeps two plain status labels as they are ("RAG | RAG")', () => {
    expect(figureLabelsBesideStatus(['KPI', 'RAG', 'RAG'], ['goal-header', 'status-header', 'status-header'], en)).toEqual(['goal-header', 'status-header', 'status-header']);
  });

  it('reads the status column of a goal table with its indicator, figure and target', () => {
    const h = readHeader(grid([['Mål', 'Indikator', 'Utfall', 'Målvärde', 'Måluppfyllelse'], ['Eleverna känner sig trygga', 'Andel trygga elever, %', '79', '90', 'Ej uppfyllt']]), sv)!;
    expect(h).toMatchObject({ kind: 'goal', titleColumn: 0, statusX: 500, previous: null });
  });
});

describe('status-column: a status word under the status label', () => {
  it('is a goal row, not a second header row, beside an indicator named "Antal …"', () => {
    const h = readHeader(grid([['Mål', 'Indikator', 'Utfall', 'Målvärde', 'Måluppfyllelse'], ['Verksamheten har ett systematiskt kvalitetsarbete', 'Antal enheter med kvalitetsdialog', '24', '24', 'Uppfyllt']]), sv)!;
    expect(h.bodyStart).toBe(1);
  });

  it('leaves a second header row under the first ("RAG rating" over "Latest | Previous")', () => {
    const h = readHeader(grid([['KPI', 'RAG rating', ''], ['', 'Latest', 'Previous'], ['% of calls answered', 'GREEN', 'AMBER']]), en)!;
    expect(h.bodyStart).toBe(2);
  });
});
