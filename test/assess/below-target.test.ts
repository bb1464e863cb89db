import { describe, expect, it } from 'vitest';
import { belowTargetFlag, figureText } from '../../src/assess/below-target.js';
import { assessGoals } from '../../src/assess/index.js';
import { AssessConfig, defaultConfig } from '../../src/assess/config.js';
import type { ClassifiedGoal } from '../../src/model/goal.js';
import type { Indicator } from '../../src/model/result.js';

const indicator = (o: Partial<Indicator>): Indicator => ({
  name: 'Väntetid till särskilt boende', page: 7, values: ['64', '60'], status: 'unknown', residentFacing: true, source: 'table',
  latest: 64, target: 60, floor: null, previous: null, unit: 'dagar', better: 'lower', betterReason: 'sv/indicator-values/hogst', meetsTarget: false, ...o,
});

const goal = (o: Partial<ClassifiedGoal>): ClassifiedGoal => ({
  id: 'g', title: 'Äldre ska få plats i tid', page: 6, status: 'green', statusSource: 'word', statusEvidence: '', indicators: [], activities: [],
  justification: [], orientation: 'residents', orientationReason: null, sentences: [
    { text: 'Väntetiden har minskat.', page: 6, label: 'outcome', residentFacing: true, confidence: 0.9, reasons: [] },
  ], ...o,
});

describe('green-below-target', () => {
  it('a green goal whose own indicator misses its own target: the figures and the page in the message', () => {
    const f = belowTargetFlag(goal({ indicators: [indicator({})] }), 'sv', 'warning')!;
    expect(f.code).toBe('GREEN_BELOW_TARGET');
    expect(f.message).toBe('Målet är grönt, men indikatorn ”Väntetid till särskilt boende” når inte sitt eget målvärde: utfall 64\u00a0dagar mot målvärdet 60\u00a0dagar, lägre är bättre (s. 7).');
    expect(f.indicators).toEqual([{ name: 'Väntetid till särskilt boende', page: 7, values: ['64', '60'], latest: 64, target: 60, floor: null, unit: 'dagar', better: 'lower' }]);
    const en = belowTargetFlag(goal({ indicators: [indicator({ name: 'Calls answered', latest: 89, target: 90, floor: 80, unit: '%', better: 'higher' })] }), 'en', 'note')!;
    expect(en.message).toBe('Rated green, but its indicator “Calls answered” misses its own target: latest 89% against a target of 90% (floor 80%), higher is better (p. 7).');
    expect(en.level).toBe('note');
  });

  it('not when the target is met, unknown, or the goal is not green', () => {
    expect(belowTargetFlag(goal({ indicators: [indicator({ meetsTarget: true })] }), 'sv', 'warning')).toBeNull();
    expect(belowTargetFlag(goal({ indicators: [indicator({ meetsTarget: null, better: null })] }), 'sv', 'warning')).toBeNull();
    expect(belowTargetFlag(goal({ status: 'yellow', indicators: [indicator({})] }), 'sv', 'warning')).toBeNull();
  });

  it('assess adds it beside the evidence flags, at the configured level, also on organisation goals', () => {
    const [g] = assessGoals([goal({ orientation: 'organisation', indicators: [indicator({})] })], 'sv', AssessConfig.parse({ levels: { GREEN_BELOW_TARGET: 'error' } }));
    expect(g!.flags.map((f) => [f.code, f.level])).toEqual([['GREEN_BELOW_TARGET', 'error']]);
    expect(defaultConfig().levels.GREEN_BELOW_TARGET).toBe('warning');
  });

  it('figures are written as the report’s language writes them', () => {
    expect(figureText(10323, null, 'en')).toBe('10,323');
    expect(figureText(8.4, '%', 'sv')).toBe('8,4\u00a0%');
    expect(figureText(1250, '£', 'en')).toBe('£1,250');
  });
});
