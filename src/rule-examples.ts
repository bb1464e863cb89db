/**
 * Every rule carries its own examples; this runs them all (`verkstad rules check`, and test/pipeline/rules.test.ts).
 * It sits beside pipeline.ts, where stages are composed, because a rule fires in the stage that uses it: lexicon
 * and pattern rules in classify/, status words in segment/. The rule set itself (ruleset/) knows no stage.
 */
import type { Classifier } from './classify/index.js';
import type { RuleSet } from './ruleset/load.js';
import { identityRuleFires } from './identify/words.js';
import { indicatorRuleFires } from './segment/indicator-values-words.js';
import { vocabularyFor, statusOfText } from './segment/vocabulary.js';

export interface ExampleFailure { id: string; file: string; line: number; message: string }

/** Runs every rule's own examples: `match` must fire the rule, `noMatch` must not. */
export function runRuleExamples(rules: RuleSet, classifier: Classifier): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const r of rules.rules) {
    const fires = (text: string, matching: boolean): boolean => {
      switch (r.kind) {
        case 'pattern':
        case 'lexicon':
          return classifier.evidence(text, r.language).hits.some((h) => h.id === r.id);
        case 'status':
          // A status-column word is tried in a status column for `match`, in free text for `noMatch`.
          return statusOfText(text, vocabularyFor(rules, r.language), matching && r.onlyInStatusColumn)?.ruleId === r.id;
        case 'indicator':
          return indicatorRuleFires(r, text, vocabularyFor(rules, r.language));
        case 'identity':
          return identityRuleFires(r, text, rules);
        case 'orientation':
        case 'structure':
          return r.regexes.some((re) => re.test(text));
      }
    };
    for (const m of r.examples.match) if (!fires(m, true)) failures.push({ id: r.id, file: r.file, line: r.line, message: `expected to match ${JSON.stringify(m)}, but it does not` });
    for (const m of r.examples.noMatch) if (fires(m, false)) failures.push({ id: r.id, file: r.file, line: r.line, message: `expected not to match ${JSON.stringify(m)}, but it does` });
  }
  return failures;
}
