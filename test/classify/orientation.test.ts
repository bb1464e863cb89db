import { describe, expect, it } from 'vitest';
import { orientationOf, orientGoals } from '../../src/classify/orientation.js';
import type { SegmentedGoal } from '../../src/model/goal.js';
import type { OrientationRule, RuleSet } from '../../src/ruleset/load.js';

const rule = (id: string, orientation: OrientationRule['orientation'], ...patterns: RegExp[]): OrientationRule => ({
  id, kind: 'orientation', language: 'sv', orientation, regexes: patterns, description: id, examples: { match: [], noMatch: [] }, file: 'test', line: 1,
});
const rules = [
  rule('sv/orientation/arbetsgivare', 'organisation', /arbetsgivar/i),
  rule('sv/orientation/invanare', 'residents', /invånar/i),
  rule('sv/orientation/organisation', 'organisation', /välfungerande organisation/i),
];

describe('orientationOf', () => {
  it('reads the title first: organisation, then residents', () => {
    expect(orientationOf('Attraktiv arbetsgivare', null, rules)).toEqual({ orientation: 'organisation', reason: 'sv/orientation/arbetsgivare' });
    expect(orientationOf('Invånarna får snabb kontakt', 'Målområde: Välfungerande organisation', rules)).toEqual({ orientation: 'residents', reason: 'sv/orientation/invanare' });
  });

  it('falls back on the section the goal stands in, and says so', () => {
    expect(orientationOf('Snabb handläggning', 'Målområde: Välfungerande organisation', rules)).toEqual({
      orientation: 'organisation',
      reason: 'sv/orientation/organisation (section "Målområde: Välfungerande organisation")',
    });
  });

  it('is residents, with no reason, when nothing says otherwise', () => {
    expect(orientationOf('Snabb handläggning', null, rules)).toEqual({ orientation: 'residents', reason: null });
    expect(orientationOf('Snabb handläggning', 'Trygg uppväxt', rules)).toEqual({ orientation: 'residents', reason: null });
  });
});

describe('orientGoals', () => {
  const goal: SegmentedGoal = {
    title: 'Snabb handläggning', page: 3, line: null, status: 'green', statusSource: 'word', statusEvidence: '"Uppfyllt"',
    justification: [], indicators: [], activities: [], id: 'abc', section: 'Välfungerande organisation',
  };
  const set: RuleSet = { rules: [...rules, { ...rules[0], id: 'en/orientation/employer', language: 'en', regexes: [/handläggning/i] }], hash: 'x', dir: '.' };

  it('replaces the section by orientation and its reason, keeping the public key order', () => {
    const [g] = orientGoals([goal], set, 'sv');
    expect(Object.keys(g)).toEqual(['title', 'page', 'line', 'status', 'statusSource', 'statusEvidence', 'justification', 'indicators', 'activities', 'id', 'orientation', 'orientationReason']);
    expect(g.orientation).toBe('organisation');
  });

  it("uses only the document language's rules", () => {
    const [g] = orientGoals([{ ...goal, section: null }], set, 'sv');
    expect(g.orientationReason).toBeNull();
  });
});
