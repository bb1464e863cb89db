import { describe, expect, it } from 'vitest';
import { indicatorsInText } from '../../src/segment/indicator-values-in-text.js';
import { vocab } from './build.js';

const sv = vocab('sv');
const en = vocab('en');
const para = (text: string) => ({ justification: [{ text, page: 4 }] });

describe('indicator-values-in-text', () => {
  it('a figure with its target in brackets is an indicator named by its sentence', () => {
    const [i] = indicatorsInText(para('Arbetet har fortsatt. Under året fick 412 hushåll stöd (mål 450). Nästa år ska fler nås.'), sv);
    expect(i).toMatchObject({ name: 'Under året fick 412 hushåll stöd (mål 450).', page: 4, values: ['412', '450'], latest: 412, target: 450, status: 'unknown', source: 'text', meetsTarget: null });
  });

  it('a bound in the bracket says which way is better', () => {
    const [i] = indicatorsInText(para('Handläggningstiden var i snitt 34 dagar (målvärde: högst 30 dagar).'), sv);
    expect(i).toMatchObject({ latest: 34, target: 30, unit: 'dagar', better: 'lower', meetsTarget: false });
    expect(indicatorsInText(para('We answered 93% of calls (target 90%).'), en)[0]).toMatchObject({ latest: 93, target: 90, unit: '%', meetsTarget: null });
  });

  it('years on both sides are dates, and a bracket without a target label is nothing', () => {
    expect(indicatorsInText(para('Planen antogs 2025 (mål 2030).'), sv)).toEqual([]);
    expect(indicatorsInText(para('Besöken ökade till 412 (se tabell 3).'), sv)).toEqual([]);
  });
});
