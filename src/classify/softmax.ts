import { LABELS, type Label } from '../model/result.js';

/**
 * Multinomial logistic regression over sparse binary features, trained by full-batch gradient descent (Adam) with
 * an L2 penalty. Ours rather than natural's LogisticRegressionClassifier: that one trains super-linearly (1 000
 * sentences ≈ 10 s) and has no penalty. Full batch and a fixed number of steps in a fixed order make training
 * deterministic: the same examples give the same weights, bit for bit.
 */

export interface SoftmaxOptions {
  /** L2 penalty per example on every weight except the biases. */
  l2: number;
  /** Full-batch steps. */
  steps: number;
  /** Adam's step size. */
  learningRate: number;
  /** Features seen in fewer training sentences are dropped (they only memorise). */
  minCount: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = { l2: 0.002, steps: 300, learningRate: 0.05, minCount: 2 };

export interface SoftmaxWeights {
  bias: number[];
  /** Per feature, one weight per label in LABELS order. */
  weights: Record<string, number[]>;
}

const K = LABELS.length;

export function trainSoftmax(docs: readonly { features: readonly string[]; label: Label }[], opts: SoftmaxOptions = DEFAULT_SOFTMAX): SoftmaxWeights {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of new Set(d.features)) df.set(f, (df.get(f) ?? 0) + 1);
  const names = [...df.keys()].filter((f) => df.get(f)! >= opts.minCount).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = docs.map((d) => Int32Array.from(new Set(d.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined))));
  const gold = docs.map((d) => LABELS.indexOf(d.label));
  const F = names.length;
  const w = new Float64Array(F * K);
  const b = new Float64Array(K);
  const gw = new Float64Array(F * K), gb = new Float64Array(K);
  const mw = new Float64Array(F * K), vw = new Float64Array(F * K), mb = new Float64Array(K), vb = new Float64Array(K);
  const beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  const n = docs.length;
  const z = new Float64Array(K);
  for (let step = 1; step <= opts.steps; step++) {
    gw.fill(0);
    gb.fill(0);
    for (let d = 0; d < n; d++) {
      const row = rows[d]!;
      for (let k = 0; k < K; k++) z[k] = b[k]!;
      for (const f of row) for (let k = 0; k < K; k++) z[k] += w[f * K + k]!;
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (z[k]! > max) max = z[k]!;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += (z[k] = Math.exp(z[k]! - max));
      for (let k = 0; k < K; k++) {
        const g = z[k]! / sum - (k === gold[d] ? 1 : 0);
        gb[k] += g;
        for (const f of row) gw[f * K + k] += g;
      }
    }
    for (let i = 0; i < F * K; i++) gw[i] = gw[i]! / n + opts.l2 * w[i]!;
    for (let k = 0; k < K; k++) gb[k] = gb[k]! / n;
    const c1 = 1 - beta1 ** step, c2 = 1 - beta2 ** step;
    for (let i = 0; i < F * K; i++) {
      mw[i] = beta1 * mw[i]! + (1 - beta1) * gw[i]!;
      vw[i] = beta2 * vw[i]! + (1 - beta2) * gw[i]! * gw[i]!;
      w[i] -= (opts.learningRate * (mw[i]! / c1)) / (Math.sqrt(vw[i]! / c2) + eps);
    }
    for (let k = 0; k < K; k++) {
      mb[k] = beta1 * mb[k]! + (1 - beta1) * gb[k]!;
      vb[k] = beta2 * vb[k]! + (1 - beta2) * gb[k]! * gb[k]!;
      b[k] -= (opts.learningRate * (mb[k]! / c1)) / (Math.sqrt(vb[k]! / c2) + eps);
    }
  }
  // Four decimals: the model file stays small and reads the same on every machine.
  const round = (x: number) => Math.round(x * 1e4) / 1e4 || 0;
  const weights: Record<string, number[]> = {};
  names.forEach((name, f) => {
    const ws = Array.from({ length: K }, (_, k) => round(w[f * K + k]!));
    if (ws.some((x) => x !== 0)) weights[name] = ws;
  });
  return { bias: Array.from(b, round), weights };
}

/** The unnormalised scores of each label (LABELS order) for a sentence's features. */
export function softmaxLogits(model: SoftmaxWeights, features: Iterable<string>): number[] {
  const z = [...model.bias];
  for (const f of new Set(features)) {
    const ws = model.weights[f];
    if (ws) for (let k = 0; k < K; k++) z[k] += ws[k]!;
  }
  return z;
}
