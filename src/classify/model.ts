import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Label, Language } from '../model/result.js';
import type { FeatureOptions } from './features.js';
import type { SoftmaxOptions, SoftmaxWeights } from './softmax.js';

/** The trained model as we ship it: a softmax regression's weights by feature name, and how its features are made. */
export interface SentenceModel extends SoftmaxWeights {
  kind: 'softmax';
  language: Language;
  features: FeatureOptions;
  training: SoftmaxOptions;
  /** The label shares the bias was moved to (`train.ts`); absent in model files from before. */
  priors?: Partial<Record<Label, number>>;
  trainedOn: { sentences: number; corpusHash: string };
}

export function modelPath(rulesDir: string, language: Language): string {
  return path.join(rulesDir, 'model', `${language}.json`);
}

export function loadModels(rulesDir: string): { models: Partial<Record<Language, SentenceModel>>; hash: string } {
  const models: Partial<Record<Language, SentenceModel>> = {};
  const hash = createHash('sha256');
  for (const lang of ['sv', 'en'] as const) {
    const p = modelPath(rulesDir, lang);
    if (!fs.existsSync(p)) continue;
    const text = fs.readFileSync(p, 'utf8');
    hash.update(text);
    const model = JSON.parse(text) as SentenceModel;
    // A model file from before the softmax (natural's Bayes counts) is not read: retrain with `verkstad train`.
    if (model.kind === 'softmax') models[lang] = model;
  }
  return { models, hash: hash.digest('hex').slice(0, 16) };
}
