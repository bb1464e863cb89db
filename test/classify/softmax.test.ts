import { describe, expect, it } from 'vitest';
import { LABELS, type Label } from '../../src/model/result.js';
import { softmaxLogits, trainSoftmax } from '../../src/classify/softmax.js';

const docs: { features: string[]; label: Label }[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ features: ['andel', 'ökade', `n${i % 3}`], label: 'outcome' as Label })),
  ...Array.from({ length: 6 }, (_, i) => ({ features: ['styrgrupp', 'bildats', `n${i % 3}`], label: 'internal' as Label })),
  ...Array.from({ length: 6 }, (_, i) => ({ features: ['ska', 'planeras', `n${i % 3}`], label: 'intention' as Label })),
  { features: ['ensam'], label: 'context' },
];
const opts = { l2: 0.002, steps: 200, learningRate: 0.05, minCount: 2 };
const argmax = (z: number[]) => LABELS[z.indexOf(Math.max(...z))];

describe('the softmax regression', () => {
  it('learns which words go with which label', () => {
    const m = trainSoftmax(docs, opts);
    expect(argmax(softmaxLogits(m, ['andel', 'ökade']))).toBe('outcome');
    expect(argmax(softmaxLogits(m, ['styrgrupp']))).toBe('internal');
    expect(argmax(softmaxLogits(m, ['planeras', 'n1']))).toBe('intention');
  });

  it('is deterministic: the same examples give the same weights', () => {
    expect(JSON.stringify(trainSoftmax(docs, opts))).toBe(JSON.stringify(trainSoftmax(docs, opts)));
  });

  it('drops features seen in fewer sentences than minCount, and a word shared by every label weighs little', () => {
    const m = trainSoftmax(docs, opts);
    expect(m.weights.ensam).toBeUndefined();
    const spread = (f: string) => Math.max(...m.weights[f]!) - Math.min(...m.weights[f]!);
    expect(spread('n0')).toBeLessThan(spread('andel'));
  });

  it('the penalty shrinks the weights', () => {
    const loose = trainSoftmax(docs, { ...opts, l2: 0 });
    const tight = trainSoftmax(docs, { ...opts, l2: 0.1 });
    expect(Math.max(...tight.weights.andel!.map(Math.abs))).toBeLessThan(Math.max(...loose.weights.andel!.map(Math.abs)));
  });
});
