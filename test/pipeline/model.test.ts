import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classify/index.js';
import { loadCorpus, splitOf } from '../../src/classify/corpus.js';
import { modelPath } from '../../src/classify/model.js';
import { trainModel } from '../../src/classify/train.js';
import { loadRules } from '../../src/ruleset/load.js';
import { root } from '../helpers.js';

describe('the committed model', () => {
  const rulesDir = path.join(root, 'rules');
  const rules = loadRules(rulesDir);
  it.each(['sv', 'en'] as const)('%s is what `verkstad train` makes from corpora/ and rules/ (deterministic)', (lang) => {
    const examples = loadCorpus(path.join(root, 'corpora'), lang).filter((e) => splitOf(e.text) !== 'test');
    const model = trainModel(examples, lang, new Classifier(rules, {}));
    const committed = JSON.parse(fs.readFileSync(modelPath(rulesDir, lang), 'utf8'));
    expect(model.trainedOn).toEqual(committed.trainedOn);
    expect(JSON.parse(JSON.stringify(model))).toEqual(committed);
  });

  it('keeps the Swedish letters and negations', () => {
    const committed = JSON.parse(fs.readFileSync(modelPath(rulesDir, 'sv'), 'utf8'));
    expect(Object.keys(committed.weights)).toContain('NEG');
    expect(Object.keys(committed.weights).some((k) => /[åäö]/.test(k))).toBe(true);
  });
});
