import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Label, Language } from '../model/result.js';

/** The trained model as we ship it: natural's BayesClassifier counts, keyed by feature instead of vocabulary index. */
export interface NaiveBayesModel {
  kind: 'natural-bayes';
  language: Language;
  smoothing: number;
  totalExamples: number;
  classTotals: Partial<Record<Label, number>>;
  counts: Record<string, Partial<Record<Label, number>>>;
  trainedOn: { sentences: number; corpusHash: string };
}

export function modelPath(rulesDir: string, language: Language): string {
  return path.join(rulesDir, 'model', `${language}.json`);
}

export function loadModels(rulesDir: string): { models: Partial<Record<Language, NaiveBayesModel>>; hash: string } {
  const models: Partial<Record<Language, NaiveBayesModel>> = {};
  const hash = createHash('sha256');
  for (const lang of ['sv', 'en'] as const) {
    const p = modelPath(rulesDir, lang);
    if (!fs.existsSync(p)) continue;
    const text = fs.readFileSync(p, 'utf8');
    hash.update(text);
    models[lang] = JSON.parse(text) as NaiveBayesModel;
  }
  return { models, hash: hash.digest('hex').slice(0, 16) };
}
