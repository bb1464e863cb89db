import type { IndicatorRule } from '../ruleset/load.js';
import type { IndicatorRole } from '../ruleset/schema.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * The words around an indicator's figures (`rules/<lang>/indicator-values.yaml`), compiled once per vocabulary into
 * the shapes the indicator-values heuristics look for them in: a column header that opens with a label, a label
 * before a figure, a qualifier before a target, a unit after a figure. The rules give the words, unanchored; where
 * they must stand is decided here.
 */
export interface IndicatorWords {
  /** The rule of `role` whose words `text` opens with (as whole words), or null. */
  opens(text: string, role: IndicatorRole): IndicatorRule | null;
  /** The rule of `role` whose words occur anywhere in `text` (as whole words), or null. */
  anywhere(text: string, role: IndicatorRole): IndicatorRule | null;
  /** Alternation of the labels of the four value roles, for composing patterns. */
  labelSource: string;
  /** Alternation of the target labels. */
  targetLabelSource: string;
  /** Alternation of the qualifiers before a target ("minst", "högst", "≤"). */
  qualifierSource: string;
  /** Alternation of every unit's words. */
  unitSource: string;
  /** The one spelling of a unit ("procent" → "%"), or null when the words are no unit. */
  unitOf(words: string): string | null;
  /** The unit rule the whole of `words` is, or null. */
  unitRule(words: string): IndicatorRule | null;
}

const NONE = '(?!)';

/**
 * Whether `rule` fires on `text` where the heuristics look for its role: labels and target bounds opening the text,
 * the better-words anywhere as whole words, a unit as the whole text. For the rule's own examples.
 */
export function indicatorRuleFires(rule: IndicatorRule, text: string, v: Vocabulary): boolean {
  const w = indicatorWords(v);
  if (rule.role === 'higher-is-better' || rule.role === 'lower-is-better') return w.anywhere(text, rule.role)?.id === rule.id;
  if (rule.role === 'unit') return w.unitRule(text)?.id === rule.id;
  return w.opens(text, rule.role)?.id === rule.id;
}

const compiled = new WeakMap<Vocabulary, IndicatorWords>();

export function indicatorWords(v: Vocabulary): IndicatorWords {
  let w = compiled.get(v);
  if (!w) {
    w = compile(v.indicatorWords);
    compiled.set(v, w);
  }
  return w;
}

function compile(rules: IndicatorRule[]): IndicatorWords {
  const of = (role: IndicatorRole) => rules.filter((r) => r.role === role);
  const source = (rs: IndicatorRule[]) => {
    const parts = rs.flatMap((r) => r.regexes.map((re) => `(?:${re.source})`));
    return parts.length ? `(?:${parts.join('|')})` : NONE;
  };
  const cache = new Map<string, { rule: IndicatorRule; opens: RegExp; anywhere: RegExp }[]>();
  const shaped = (role: IndicatorRole) => {
    let list = cache.get(role);
    if (!list) {
      list = of(role).map((rule) => {
        const s = source([rule]);
        // Symbols (≥, %) have no word edges; only letters must not run on.
        return { rule, opens: new RegExp(`^\\s*${s}(?!\\p{L})`, 'iu'), anywhere: new RegExp(`(?<!\\p{L})${s}(?!\\p{L})`, 'iu') };
      });
      cache.set(role, list);
    }
    return list;
  };
  const units = of('unit').map((rule) => ({ rule, whole: new RegExp(`^${source([rule])}$`, 'iu') }));
  return {
    opens: (text, role) => shaped(role).find((x) => x.opens.test(text))?.rule ?? null,
    anywhere: (text, role) => shaped(role).find((x) => x.anywhere.test(text))?.rule ?? null,
    labelSource: source([...of('latest-label'), ...of('previous-label'), ...of('target-label'), ...of('floor-label')]),
    targetLabelSource: source(of('target-label')),
    qualifierSource: source([...of('target-at-least'), ...of('target-at-most')]),
    unitSource: source(of('unit')),
    unitOf: (words) => {
      const t = words.trim();
      return units.find((u) => u.whole.test(t))?.rule.value ?? null;
    },
    unitRule: (words) => units.find((u) => u.whole.test(words.trim()))?.rule ?? null,
  };
}
