import { describe, expect, it } from 'vitest';
import type { EvidenceRule } from '../../src/ruleset/load.js';
import { evaluationOrder } from '../../src/classify/rule-order.js';

const rule = (id: string, over: Partial<EvidenceRule> = {}): EvidenceRule => ({
  id, kind: 'pattern', language: 'sv', description: id, examples: { match: [], noMatch: [] }, file: 'x', line: 1,
  weight: 1, requires: [], unless: [], regexes: [], words: [], ...over,
});

describe('the order rules are tried in', () => {
  it('plain rules first, then each conditional rule after the rules that produce what it names', () => {
    const rules = [
      rule('timeless', { unless: ['measure'] }), // names a feature produced further down
      rule('resident', { feature: 'resident' }),
      rule('level', { feature: 'measure', unless: ['staff'] }),
      rule('for-residents', { requires: ['measure', 'resident'] }),
    ];
    const order = evaluationOrder(rules).map((i) => rules[i]!.id);
    expect(order).toEqual(['resident', 'level', 'timeless', 'for-residents']);
  });

  it('keeps the files order where nothing depends, and survives a cycle', () => {
    const rules = [rule('a', { unless: ['b'], feature: 'a' }), rule('b', { unless: ['a'], feature: 'b' }), rule('c', { requires: ['x'] })];
    const order = evaluationOrder(rules);
    expect(order).toHaveLength(3);
    expect(new Set(order).size).toBe(3);
    expect(order[2]).toBe(2);
  });
});
