import { describe, expect, it } from 'vitest';
import { learnLegendBlocks } from '../../src/segment/legend-blocks.js';
import { emptyLegend, statusOfMark } from '../../src/segment/status.js';
import type { Unit } from '../../src/segment/units.js';
import { heading, line, mark, vocab } from './build.js';

const sv = vocab('sv');

const legendUnit = (entries: [string, string][]): Unit => ({
  kind: 'legend',
  page: 9,
  block: {
    kind: 'legend', page: 9, bbox: [50, 700, 300, 760],
    lines: entries.map(([colour, text], k) => line(text, { y: 700 + k * 12, marks: [mark('other', { colour, y: 700 + k * 12 })] })),
    entries: entries.map(([, text]) => ({ colourClass: 'other', shape: 'circle', text })),
  },
});

describe('legend-blocks', () => {
  it('learns a key wherever it stands, by the colour of each entry', () => {
    const legend = emptyLegend();
    learnLegendBlocks([heading('Trygg skola'), legendUnit([['#2e75b6', 'Uppfyllt'], ['#c55a11', 'Ej uppfyllt']])], legend, sv);
    expect(statusOfMark(mark('other', { colour: '#2e75b6' }), legend)?.status).toBe('green');
    expect(statusOfMark(mark('other', { colour: '#c55a11' }), legend)?.status).toBe('red');
  });

  it('learns nothing from units that are not legends, nor from entries that state no status', () => {
    const legend = emptyLegend();
    learnLegendBlocks([heading('Uppfyllt'), legendUnit([['#2e75b6', 'Förskola']])], legend, sv);
    expect(legend.byClass.size).toBe(0);
  });
});
