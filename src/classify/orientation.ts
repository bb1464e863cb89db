import type { GoalDraft, SegmentedGoal } from '../model/goal.js';
import type { Language, Orientation } from '../model/result.js';
import type { OrientationRule, RuleSet } from '../ruleset/load.js';

/**
 * Whom a goal is about (rules/<lang>/orientation.yaml): most goals are about residents; some are about the
 * organisation itself ("Attraktiv arbetsgivare", "God ekonomisk hushållning", "A well-run council"), and internal
 * evidence is what those should have. Read from the title first, then from the section the goal stands in.
 */
export function orientGoals(goals: SegmentedGoal[], rules: RuleSet, language: Language): GoalDraft[] {
  const own = rules.rules.filter((r): r is OrientationRule => r.kind === 'orientation' && r.language === language);
  return goals.map(({ section, ...goal }) => {
    const o = orientationOf(goal.title, section, own);
    return { ...goal, orientation: o.orientation, orientationReason: o.reason };
  });
}

/**
 * Organisation when the title says so (employer, finances, administration); residents when the title names them;
 * else as the section the goal stands in ("Målområde: Välfungerande organisation"); else residents. The reason is
 * the rule id, with the section where that decided; null for the default.
 */
export function orientationOf(title: string, section: string | null, rules: OrientationRule[]): { orientation: Orientation; reason: string | null } {
  const match = (text: string, o: Orientation) => rules.find((r) => r.orientation === o && r.regexes.some((re) => re.test(text)));
  const org = match(title, 'organisation');
  if (org) return { orientation: 'organisation', reason: org.id };
  const res = match(title, 'residents');
  if (res) return { orientation: 'residents', reason: res.id };
  const sec = section ? match(section, 'organisation') : undefined;
  if (sec) return { orientation: 'organisation', reason: `${sec.id} (section "${section}")` };
  return { orientation: 'residents', reason: null };
}
