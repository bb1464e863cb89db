import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/segment/kpi-figures-line.js';
import { vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('kpi-figures-line', () => {
  it('reads the labelled figures under a KPI heading, last quarter’s rating and all', () => {
    expect(figuresOf('Latest: 61% Target: 60% Floor: 50% Previous: 57% (Amber)', en)).toEqual(['Latest: 61%', 'Target: 60%', 'Floor: 50%', 'Previous: 57% (Amber)']);
    expect(figuresOf('Latest: 9 of 12 actions Target: 8 Floor: 6', en)).toEqual(['Latest: 9 of 12 actions', 'Target: 8', 'Floor: 6']);
    expect(figuresOf('Utfall: 84 % Målvärde: 90 %', sv)).toEqual(['Utfall: 84 %', 'Målvärde: 90 %']);
  });

  it('is no figures line with one pair, an unknown label, a label without a figure, or running text', () => {
    expect(figuresOf('Target: 60%', en)).toBeNull();
    expect(figuresOf('Latest: 61% Budget holder: 3 officers', en)).toBeNull();
    expect(figuresOf('Latest: not yet available Target: 60%', en)).toBeNull();
    expect(figuresOf('Commentary: performance rose to 61% against a target of 60%.', en)).toBeNull();
    expect(figuresOf('Performance improved. Latest: 61% Target: 60%', en)).toBeNull();
  });
});
