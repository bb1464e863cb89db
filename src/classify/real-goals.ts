import type { ClassifiedGoal } from '../model/goal.js';
import { orientationOf } from './orientation.js';
import type { Language, Orientation } from '../model/result.js';
import type { OrientationRule, RuleSet } from '../ruleset/load.js';
import type { ClassifySentence } from './real-eval.js';
import type { RealGoal } from './real-set.js';
import { splitSentences } from './split.js';

/**
 * A goal's orientation from its title alone (the real set gives no section). The segment stage owns the rule
 * (`orientationOf`, moving to `classify/orientation.ts`); it is passed in so that this evaluation runs the same one.
 */
export type OrientationOfTitle = (title: string, language: Language) => { orientation: Orientation; reason: string | null };

/** The assess stage's flag rule on one classified goal: true when it would carry a flag. Passed in (stages never import each other). */
export type FlagRule = (goal: ClassifiedGoal, language: Language) => boolean;

export interface GoalVerdict {
  goal: RealGoal;
  orientation: { orientation: Orientation; reason: string | null };
  sentences: ClassifiedGoal['sentences'];
  flagged: boolean;
}

export interface RealGoalReport {
  language: Language;
  n: number;
  /** Gold flagged and predicted flagged. */
  tp: number; fp: number; fn: number; tn: number;
  precision: number; recall: number;
  orientationCorrect: number;
  wrong: GoalVerdict[];
}

/** A real goal's orientation from its title alone, by the same rules the pipeline uses (no section heading is known). */
export function orientationFromTitleRules(rules: RuleSet): OrientationOfTitle {
  return (title, language) =>
    orientationOf(title, null, rules.rules.filter((r): r is OrientationRule => r.kind === 'orientation' && r.language === language));
}

/** Runs each goal through sentence splitting, classification and the flag rule, and compares the flag with gold. */
export function evaluateRealGoals(
  goals: readonly RealGoal[],
  deps: { classify: ClassifySentence; orientationOf: OrientationOfTitle; flagged: FlagRule },
): RealGoalReport[] {
  const reports: RealGoalReport[] = [];
  for (const language of ['sv', 'en'] as const) {
    const own = goals.filter((g) => g.lang === language);
    if (!own.length) continue;
    const verdicts = own.map((goal, i): GoalVerdict => {
      const orientation = deps.orientationOf(goal.title, language);
      const sentences = splitSentences(goal.justification, language).map((text) => ({ ...deps.classify(text, language), page: 1 }));
      const classified: ClassifiedGoal = {
        id: `real-${language}-${i + 1}`,
        title: goal.title,
        page: 1,
        line: null,
        status: goal.status,
        statusSource: 'word',
        statusEvidence: goal.status_as_written,
        orientation: orientation.orientation,
        orientationReason: orientation.reason,
        justification: [{ text: goal.justification, page: 1 }],
        indicators: [],
        activities: [],
        sentences,
      };
      return { goal, orientation, sentences, flagged: deps.flagged(classified, language) };
    });
    const count = (gold: boolean, predicted: boolean) => verdicts.filter((v) => v.goal.flagged === gold && v.flagged === predicted).length;
    const tp = count(true, true), fp = count(false, true), fn = count(true, false), tn = count(false, false);
    reports.push({
      language,
      n: verdicts.length,
      tp, fp, fn, tn,
      precision: tp + fp ? tp / (tp + fp) : 1,
      recall: tp + fn ? tp / (tp + fn) : 1,
      orientationCorrect: verdicts.filter((v) => v.orientation.orientation === v.goal.orientation).length,
      wrong: verdicts.filter((v) => v.flagged !== v.goal.flagged),
    });
  }
  return reports;
}

export function formatRealGoalReport(r: RealGoalReport): string {
  const lines = [
    `${r.language} — real goals (n=${r.n})`,
    `  flag precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}, tn ${r.tn}); orientation right for ${r.orientationCorrect} of ${r.n}`,
    `  wrong (${r.wrong.length}):`,
  ];
  for (const v of r.wrong) {
    const g = v.goal;
    lines.push(`    ${g.flagged ? 'missed flag' : 'false flag'}: ${g.org}: "${g.title}" (${g.status}, gold ${g.orientation}/${g.evidence}${g.unsure ? ', unsure' : ''}; predicted ${v.orientation.orientation}${v.orientation.reason ? ` by ${v.orientation.reason}` : ''})`);
    for (const s of v.sentences) lines.push(`      ${s.label.padEnd(9)} ${s.confidence.toFixed(2)}  ${s.text}`);
  }
  return lines.join('\n');
}
