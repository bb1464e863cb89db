import { describe, expect, it } from 'vitest';
import { titleWords } from '../../src/segment/title-words.js';
import { vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('title-words', () => {
  it("drops the language's small words and one-letter words, lower-cases the rest", () => {
    expect([...titleWords('% of Calls to the Contact Point answered', en)]).toEqual(['percentage', 'calls', 'contact', 'point', 'answered']);
    expect([...titleWords('Andel elever i årskurs 9 som är behöriga till gymnasiet', sv)]).toEqual(['andel', 'elever', 'årskurs', 'är', 'behöriga', 'gymnasiet']);
  });

  it('makes "%" and "proportion" one word', () => {
    expect(titleWords('Proportion of calls answered', en)).toEqual(titleWords('% of calls answered', en));
  });

  it("keeps the other language's small words and share words", () => {
    expect(titleWords('Callers till the point', sv).has('the')).toBe(true);
    expect(titleWords('Proportion of calls', sv).has('proportion')).toBe(true);
  });
});
