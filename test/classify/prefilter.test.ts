import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classify/index.js';
import { loadCorpus } from '../../src/classify/corpus.js';
import { lowerCasePattern, OpeningIndex, openingKeys } from '../../src/classify/prefilter.js';
import { loadRules } from '../../src/ruleset/load.js';
import { root } from '../helpers.js';

const WS = '(?<![\\p{L}\\p{N}_])';

describe('the opening-word index of rule patterns', () => {
  it('reads the words a pattern opens with', () => {
    expect(openingKeys(`${WS}(ökade|ökat|minskade)(?![\\p{L}])`)).toEqual({ keys: ['ökade', 'ökat', 'minskade'], atWordStart: true });
    expect(openingKeys('^(målet|syftet) (handlar om|avser)')).toEqual({ keys: ['målet', 'syftet'], atWordStart: true });
    // an optional last letter is not required
    expect(openingKeys(`${WS}(andel(en)?|excludes?)`)).toEqual({ keys: ['andel', 'exclude'], atWordStart: true });
    // a lookaround after the boundary does not move the start
    expect(openingKeys(`${WS}(?<!low )(income|spend)`)).toEqual({ keys: ['income', 'spend'], atWordStart: true });
  });

  it('refuses what it cannot read: an optional opening group, a digit, a one-letter word, a class', () => {
    expect(openingKeys(`${WS}(den )?bedömning`)).toBeNull();
    expect(openingKeys(`${WS}(\\d+|alla) av`)).toBeNull();
    expect(openingKeys(`${WS}(i|på) riket`)).toBeNull();
    expect(openingKeys('[\\p{L}]+ ökade')).toBeNull();
    expect(openingKeys('.')).toBeNull();
    // inside a word: a few long keys are looked for anywhere, short or many are not
    expect(openingKeys('compared (with|to)')).toEqual({ keys: ['compared'], atWordStart: false });
    expect(openingKeys('(pris|priset)\\b')).toEqual({ keys: ['pris', 'priset'], atWordStart: false });
    expect(openingKeys('(av|på) riket')).toBeNull();
  });

  it('marks a pattern only when a word of the sentence opens with one of its keys', () => {
    const index = new OpeningIndex([`${WS}(ökade|minskade)`, `${WS}(budget)`, '.']);
    const out = new Uint8Array(3);
    index.candidates('andelen ökade till 40 procent.', out);
    expect([...out]).toEqual([1, 0, 1]);
    index.candidates('budgetavvikelsen blev liten.', out);
    expect([...out]).toEqual([0, 1, 1]);
  });

  it('compiles a pattern for lower-cased text, escapes kept', () => {
    expect(lowerCasePattern(/\bSFS\b \p{Lu}\S(?<Ab>X)/iu).source).toBe('\\bsfs\\b \\p{Lu}\\S(?<Ab>x)');
    expect(lowerCasePattern(/\bSFS\b/iu).flags).toBe('u');
  });

  it.each(['sv', 'en'] as const)('never changes which rules fire on any %s corpus sentence', (lang) => {
    const rules = loadRules(path.join(root, 'rules'));
    const indexed = new Classifier(rules, {});
    const plain = new Classifier(rules, {}, { prefilter: false });
    const differ = loadCorpus(path.join(root, 'corpora'), lang)
      .map((e) => e.text)
      .filter((t) => indexed.evidence(t, lang).hits.map((h) => h.id).join() !== plain.evidence(t, lang).hits.map((h) => h.id).join());
    expect(differ).toEqual([]);
  }, 60_000);
});
