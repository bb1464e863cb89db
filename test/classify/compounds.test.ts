import { describe, expect, it } from 'vitest';
import { CompoundIndex, compoundPart } from '../../src/classify/compounds.js';

describe('compound parts in lexicons', () => {
  it('reads "-x" as a head and "x-" as a first part; other words are words', () => {
    expect(compoundPart('-tagare')).toEqual({ kind: 'head', part: 'tagare' });
    expect(compoundPart('lärar-')).toEqual({ kind: 'modifier', part: 'lärar' });
    expect(compoundPart('hemtjänst')).toBeNull();
    expect(compoundPart('gång- och cykelväg')).toBeNull();
    expect(compoundPart('-')).toBeNull();
    expect(compoundPart('-x-')).toBeNull();
  });

  it('finds a Swedish head under its plural, definite and genitive endings, alone or compounded', () => {
    const index = new CompoundIndex('sv');
    index.add({ kind: 'head', part: 'elev' }, 1);
    index.add({ kind: 'head', part: 'plan' }, 2);
    for (const w of ['elev', 'elever', 'eleverna', 'gymnasieelever', 'gymnasieelevernas']) expect(index.match(w), w).toEqual([1]);
    for (const w of ['handlingsplan', 'handlingsplanen', 'verksamhetsplanerna']) expect(index.match(w), w).toEqual([2]);
    // the head must end the word, up to an ending: not inside it
    for (const w of ['elevhälsan', 'planering', 'explanation']) expect(index.match(w), w).toEqual([]);
  });

  it('finds a first part only where something follows it', () => {
    const index = new CompoundIndex('sv');
    index.add({ kind: 'modifier', part: 'lärar' }, 7);
    expect(index.match('lärartätheten')).toEqual([7]);
    expect(index.match('lärarbehörighet')).toEqual([7]);
    expect(index.match('lärare')).toEqual([]);
    expect(index.match('lärarna')).toEqual([]);
  });

  it('uses English endings for English heads', () => {
    const index = new CompoundIndex('en');
    index.add({ kind: 'head', part: 'user' }, 3);
    expect(index.match('users')).toEqual([3]);
    expect(index.match('library-users')).toEqual([3]);
    expect(index.match('usersna')).toEqual([]);
  });

  it('gives every id whose part matches, once', () => {
    const index = new CompoundIndex('sv');
    index.add({ kind: 'head', part: 'besökare' }, 1);
    index.add({ kind: 'modifier', part: 'simhall' }, 2);
    index.add({ kind: 'head', part: 'besökare' }, 3);
    expect([...index.match('simhallsbesökare')].sort()).toEqual([1, 2, 3]);
  });
});
