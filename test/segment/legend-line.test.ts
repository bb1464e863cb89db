import { describe, expect, it } from 'vitest';
import { learnLegendLine } from '../../src/segment/legend-line.js';
import { emptyLegend, statusOfMark } from '../../src/segment/status.js';
import { mark, vocab } from './build.js';

const sv = vocab('sv');

describe('legend-line', () => {
  it('teaches the legend what a drawn colour means, also a colour outside the green/yellow/red bands', () => {
    const legend = emptyLegend();
    learnLegendLine('Delvis uppfyllt – utvecklingen går i rätt riktning', [mark('other', { colour: '#7030a0' })], legend, sv);
    expect(statusOfMark(mark('other', { colour: '#7030a0' }), legend)).toEqual({ status: 'yellow', source: 'legend' });
  });

  it('learns nothing from a grey mark, or from words that state no status', () => {
    const legend = emptyLegend();
    learnLegendLine('Uppfyllt', [mark('grey')], legend, sv);
    learnLegendLine('Trygg skola', [mark('green')], legend, sv);
    expect(legend.byClass.size).toBe(0);
  });
});
