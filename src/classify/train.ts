import { createRequire } from 'node:module';
import { LABELS, type Label, type Language } from '../model/result.js';
import type { Classifier } from './index.js';
import { corpusHash, type LabelledExample } from './corpus.js';
import type { NaiveBayesModel } from './model.js';

const require = createRequire(import.meta.url);

interface NaturalBayes {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  features: Record<string, number>;
  classifier: { classFeatures: Record<string, Record<string, number>>; classTotals: Record<string, number>; totalExamples: number; smoothing: number };
}

/**
 * Trains natural's BayesClassifier on the examples' tokens (stems + fired rule ids) and exports its counts by
 * feature name. Deterministic: same corpus and rules, same model.
 */
export function trainModel(examples: LabelledExample[], language: Language, classifier: Classifier): NaiveBayesModel {
  const { BayesClassifier } = require('natural/lib/natural/classifiers') as { BayesClassifier: new (stemmer?: unknown, smoothing?: number) => NaturalBayes };
  const bayes = new BayesClassifier(undefined, 1);
  for (const e of examples) {
    const { features } = classifier.evidence(e.text, language);
    // natural reads arrays as ready-made tokens (no re-stemming with its English default).
    bayes.addDocument([...new Set(classifier.modelTokens(e.text, language, features))], e.label);
  }
  bayes.train();
  const names = Object.keys(bayes.features);
  const counts: NaiveBayesModel['counts'] = {};
  const inner = bayes.classifier;
  for (const label of LABELS) {
    const cf = inner.classFeatures[label] ?? {};
    for (const [idx, n] of Object.entries(cf)) {
      const name = names[Number(idx)];
      if (name === undefined) continue;
      (counts[name] ??= {})[label as Label] = n;
    }
  }
  const sorted = Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]]));
  return {
    kind: 'natural-bayes',
    language,
    smoothing: inner.smoothing,
    totalExamples: inner.totalExamples,
    classTotals: Object.fromEntries(LABELS.map((l) => [l, inner.classTotals[l] ?? 1])) as NaiveBayesModel['classTotals'],
    counts: sorted,
    trainedOn: { sentences: examples.length, corpusHash: corpusHash(examples) },
  };
}
