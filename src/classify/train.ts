import type { Language } from '../model/result.js';
import type { Classifier } from './index.js';
import { corpusHash, type LabelledExample } from './corpus.js';
import { DEFAULT_FEATURES, type FeatureOptions } from './features.js';
import type { SentenceModel } from './model.js';
import { DEFAULT_SOFTMAX, trainSoftmax, type SoftmaxOptions } from './softmax.js';

/**
 * Trains the softmax regression on the examples' features (stems, word pairs, the rules that fired). Deterministic:
 * same corpus and rules, same model.
 */
export function trainModel(
  examples: LabelledExample[],
  language: Language,
  classifier: Classifier,
  opts: { features?: FeatureOptions; training?: SoftmaxOptions } = {},
): SentenceModel {
  const features = opts.features ?? DEFAULT_FEATURES;
  const training = opts.training ?? DEFAULT_SOFTMAX;
  const docs = examples.map((e) => ({ features: classifier.modelInput(e.text, language, features), label: e.label }));
  const { bias, weights } = trainSoftmax(docs, training);
  const sorted = Object.fromEntries(Object.keys(weights).sort().map((k) => [k, weights[k]!]));
  return { kind: 'softmax', language, features, training, bias, weights: sorted, trainedOn: { sentences: examples.length, corpusHash: corpusHash(examples) } };
}
