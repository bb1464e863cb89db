import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessGoals } from '../../src/assess/index.js';
import { defaultConfig } from '../../src/assess/config.js';
import { evaluateRealSentences } from '../../src/classify/real-eval.js';
import { evaluateRealGoals, orientationFromTitleRules } from '../../src/classify/real-goals.js';
import { readRealSet } from '../../src/classify/real-set.js';
import { root, sharedContext } from '../helpers.js';

// The development set of real sentences and goals (issue 15). CI has ../shared; elsewhere this says why it skips.
const realText = path.resolve(root, '..', 'shared', 'real-text');
const hasRealText = fs.existsSync(path.join(realText, 'sentences.tsv'));

/**
 * What the shipped rules and model reach on the real set (`verkstad eval --real ../shared/real-text`), a little
 * below the measured figures so that a change that loses ground fails here. Raise them when the classifier improves.
 */
const FLOOR = {
  sv: { accuracy: 0.65, residentFacingMacroF1: 0.78 }, // measured 0.667 and 0.800
  // en's macro-F1 fell from 0.794 when the real-register corpus was added (0.743 retrained without word classes)
  en: { accuracy: 0.69, residentFacingMacroF1: 0.74 }, // measured 0.708 and 0.758
  flags: { precision: 0.7, recall: 0.99 }, // measured 5 of 7 (0.714) and 5 of 5
} as const;

describe.skipIf(!hasRealText)(
  hasRealText ? 'the real development set (../shared/real-text)' : 'SKIPPED: ../shared/real-text is absent, so the classifier is not scored on real sentences',
  () => {
    it.each(['sv', 'en'] as const)('%s sentences: five-label accuracy and resident-facing macro-F1 hold their floor', async (lang) => {
      const ctx = await sharedContext();
      const set = readRealSet(realText);
      const [r] = evaluateRealSentences(set.sentences.filter((s) => s.lang === lang), (t, l) => ctx.classifier.classify(t, l));
      expect(r!.scores.n).toBeGreaterThan(50);
      expect(r!.scores.accuracy).toBeGreaterThanOrEqual(FLOOR[lang].accuracy);
      expect(r!.scores.residentFacing.macroF1).toBeGreaterThanOrEqual(FLOOR[lang].residentFacingMacroF1);
    });

    it('goals: the flag rule on classified justifications holds its precision and recall', async () => {
      const ctx = await sharedContext();
      const set = readRealSet(realText);
      const reports = evaluateRealGoals(set.goals ?? [], {
        classify: (t, l) => ctx.classifier.classify(t, l),
        orientationOf: orientationFromTitleRules(ctx.rules),
        flagged: (g, l) => assessGoals([g], l, defaultConfig())[0]!.flags.length > 0,
      });
      const tp = reports.reduce((s, r) => s + r.tp, 0), fp = reports.reduce((s, r) => s + r.fp, 0), fn = reports.reduce((s, r) => s + r.fn, 0);
      expect(tp + fn).toBeGreaterThan(0);
      expect(tp / Math.max(1, tp + fp)).toBeGreaterThanOrEqual(FLOOR.flags.precision);
      expect(tp / (tp + fn)).toBeGreaterThanOrEqual(FLOOR.flags.recall);
    });
  },
);
