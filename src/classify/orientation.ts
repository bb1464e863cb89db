import type { GoalDraft, SegmentedGoal } from '../model/goal.js';
import type { Language, Orientation } from '../model/result.js';
import type { OrientationRule, RuleSet } from '../ruleset/load.js';

/**
 * Whom a goal is about (rules/<lang>/orientation.yaml): most goals are about residents; some are about the
 * organisation itself ("Attraktiv arbetsgivare", "God ekonomisk hushållning", "A well-run council"), and internal
 * evidence is what those should have. Read from the title first, then from the section the goal stands in. The
 * title's own verb and object weigh first: "Söka och utveckla samverkansformer med …" or "Deliver the … plan"
 * asks for the organisation's own work, whoever that work is finally for.
 */
export function orientGoals(goals: SegmentedGoal[], rules: RuleSet, language: Language): GoalDraft[] {
  const own = rules.rules.filter((r): r is OrientationRule => r.kind === 'orientation' && r.language === language);
  return goals.map(({ section, ...goal }) => {
    const o = orientationOf(goal.title, section, own);
    return { ...goal, orientation: o.orientation, orientationReason: o.reason };
  });
}

/**
 * Organisation when the title says so (employer, finances, administration, or its verb and object ask for work
 * inside the organisation); residents when the title names them; else as the section the goal stands in
 * ("Målområde: Välfungerande organisation"); else residents. The reason is the rule id and the words of the title
 * (or section) that decided, `sv/orientation/samverkan-som-mal: "Söka och utveckla samverkansformer"`; null for
 * the default.
 */
export function orientationOf(title: string, section: string | null, rules: OrientationRule[]): { orientation: Orientation; reason: string | null } {
  const match = (text: string, o: Orientation, inSection = false) => {
    for (const r of rules) {
      if (r.orientation !== o || (inSection && r.titleOnly)) continue;
      for (const re of r.regexes) {
        const m = re.exec(text);
        if (m) return `${r.id}: "${wordsAround(text, m.index, m.index + m[0].length)}"`;
      }
    }
    return null;
  };
  const org = match(title, 'organisation');
  if (org) return { orientation: 'organisation', reason: org };
  const res = match(title, 'residents');
  if (res) return { orientation: 'residents', reason: res };
  // A section heading names an area ("Välfungerande organisation"); a verb in it ("Delivering the Council Plan")
  // introduces the goals under it, and says nothing of what each of them asks for.
  const sec = section ? match(section, 'organisation', true) : null;
  if (sec) return { orientation: 'organisation', reason: `${sec} (section "${section}")` };
  return { orientation: 'residents', reason: null };
}

/** The matched text widened to whole words ("arbetsgivar" in "Attraktiv arbetsgivare" → "arbetsgivare"). */
function wordsAround(text: string, from: number, to: number): string {
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}-]/u.test(ch);
  while (from > 0 && isWord(text[from - 1]) && isWord(text[from])) from--;
  while (to < text.length && isWord(text[to]) && isWord(text[to - 1])) to++;
  return text.slice(from, to).trim();
}
