import type { IdentityRule, RuleSet } from '../ruleset/load.js';
import type { IdentityField } from '../ruleset/schema.js';

/**
 * The identity words of every language (`rules/<lang>/identity.yaml`), compiled to find them as whole words
 * anywhere in a line. A name (an organisation, a committee) must look like one: it opens with a capital, and every
 * word after it is capitalised too, a small joining word ("och", "of"), or the word that says what it is
 * ("kommun", "fritidsnämnden", "council"). That keeps "inom Lunds kommun" to "Lunds kommun" and "the council" out.
 */
export interface Found {
  value: string;
  rule: IdentityRule;
}

/** Small words that join the parts of a name. */
const JOINING = /^(och|of|and|the|&)$/;
/** A capitalised word opening a sentence that no name opens with ("The Council", "Varje kommun"). */
const NOT_A_NAME = /^(the|a|an|our|this|each|every|any|all|your|varje|hela|vår|denna|detta|den|det|en|ett|samma|annan|alla|vilken|inom|i|och|of|and)$/iu;
/** The last word of a name may be the lower-case word that says what it is. */
const KIND_OF_BODY = /(kommun|stad|nämnd(en)?|styrelsen?|regionen|council|committee)$/iu;

interface Compiled {
  rule: IdentityRule;
  patterns: RegExp[];
}

const compiled = new WeakMap<RuleSet, Map<IdentityField, Compiled[]>>();

function byField(rules: RuleSet): Map<IdentityField, Compiled[]> {
  let m = compiled.get(rules);
  if (!m) {
    m = new Map();
    for (const r of rules.rules) {
      if (r.kind !== 'identity') continue;
      const list = m.get(r.field) ?? [];
      list.push({ rule: r, patterns: r.regexes.map((re) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${re.source})(?![\\p{L}\\p{N}])`, 'giu')) });
      m.set(r.field, list);
    }
    compiled.set(rules, m);
  }
  return m;
}

/** A name as the rule found it, or null when it does not look like a name ("inom Lunds kommun" is not one). */
export function asName(text: string): string | null {
  let words = text.trim().split(/\s+/);
  if (!/^\p{Lu}/u.test(words[0] ?? '') || NOT_A_NAME.test(words[0]!)) return null;
  const ok = words.every((w, i) => i === 0 || /^\p{Lu}/u.test(w) || JOINING.test(w) || (i === words.length - 1 && KIND_OF_BODY.test(w)));
  if (!ok) return null;
  // A cover in capitals ("NORRBACKA KOMMUN", "KOMMUNSTYRELSEN") names the same body as the text does.
  if (words.every((w) => w === w.toUpperCase())) words = words.map(titleCase);
  // "Socialnämndens delårsrapport": the genitive names the same committee.
  return words.join(' ').replace(/(en)s$/u, '$1');
}

/** Swedish words for a kind of body, written in lower case after a name ("Norrbacka kommun", "Kultur- och fritidsnämnden"). */
const SWEDISH_KIND_OF_BODY = /(kommun|stad|nämnd(en)?|styrelsen?|regionen)$/u;

/** "NORRBACKA" → "Norrbacka"; Swedish kinds of body and joining words after the first word stay lower case, as they are written. */
function titleCase(w: string, i: number): string {
  const lower = w.toLowerCase();
  if (i > 0 && (SWEDISH_KIND_OF_BODY.test(lower) || JOINING.test(lower))) return lower;
  return lower.replace(/^\p{L}/u, (c) => c.toUpperCase()).replace(/(-)(\p{L})/gu, (_m, d: string, c: string) => d + c.toUpperCase());
}

/** The first value of `field` in `line`: for names the first that looks like one, for kinds and parts the rule's value. */
export function findIn(line: string, field: IdentityField, rules: RuleSet): Found | null {
  let best: (Found & { at: number }) | null = null;
  for (const c of byField(rules).get(field) ?? []) {
    for (const re of c.patterns) {
      for (const m of line.matchAll(re)) {
        const value = field === 'organisation' || field === 'committee' ? asName(m[0]) : (c.rule.value ?? m[0].toLowerCase().replace(/\s+/g, ' '));
        if (value === null || (field === 'organisation' && findIn(value, 'kind', rules))) continue;
        // The earliest match in the line wins; at one place, the rule listed first (the longer pattern).
        if (!best || m.index! < best.at) best = { value, rule: c.rule, at: m.index! };
        break;
      }
    }
  }
  return best ? { value: best.value, rule: best.rule } : null;
}

/** Whether `rule` fires on `text` as the identify stage reads it: for the rule's own examples. */
export function identityRuleFires(rule: IdentityRule, text: string, rules: RuleSet): boolean {
  return findIn(text, rule.field, { ...rules, rules: [rule] })?.rule.id === rule.id;
}
