import { describe, expect, it } from 'vitest';
import { directionOf, meetsTarget } from '../../src/segment/indicator-values-direction.js';
import { parseFigure } from '../../src/segment/indicator-values-figure.js';
import { indicatorWords } from '../../src/segment/indicator-values-words.js';
import { vocab } from './build.js';

const sv = indicatorWords(vocab('sv'));
const en = indicatorWords(vocab('en'));
const fig = (text: string, w = sv) => parseFigure(text, w === sv ? 'sv' : 'en', w);

describe('indicator-values-direction', () => {
  it('the report’s own words say which way is better', () => {
    expect(directionOf(['Väntetid i dagar (lägre är bättre)'], fig('30'), null, sv)).toEqual({ better: 'lower', reason: 'sv/indicator-values/lagre-ar-battre' });
    expect(directionOf(['Re-referrals (lower is better)'], fig('20%', en), null, en)?.better).toBe('lower');
  });

  it('a bounded target and a floor on one side of the target say it too', () => {
    expect(directionOf(['Väntetid'], fig('högst 30 dagar'), null, sv)).toEqual({ better: 'lower', reason: 'sv/indicator-values/hogst' });
    expect(directionOf(['Reviews waiting'], fig('50%', en), 60, en)).toEqual({ better: 'lower', reason: 'floor' });
    expect(directionOf(['Calls answered'], fig('90%', en), 85, en)).toEqual({ better: 'higher', reason: 'floor' });
  });

  it('a name that says "minska", a floor equal to the target, or readings that disagree give none', () => {
    expect(directionOf(['Sjukfrånvaron ska minska'], fig('6'), null, sv)).toBeNull();
    expect(directionOf(['Andel'], fig('80'), 80, sv)).toBeNull();
    expect(directionOf(['Andel (högre värde är bättre)'], fig('80'), 90, sv)).toBeNull();
  });

  it('equal meets the target in any direction; otherwise only a known direction compares', () => {
    expect(meetsTarget(fig('97%', en), fig('97%', en), null)).toBe(true);
    expect(meetsTarget(fig('89%', en), fig('90%', en), 'higher')).toBe(false);
    expect(meetsTarget(fig('35%', en), fig('50%', en), 'lower')).toBe(true);
    expect(meetsTarget(fig('89%', en), fig('90%', en), null)).toBeNull();
    expect(meetsTarget(fig('12 dagar'), fig('10 %'), 'lower')).toBeNull();
    expect(meetsTarget(null, fig('10'), 'lower')).toBeNull();
  });
});
