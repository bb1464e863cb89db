import type { EvidenceRule } from '../ruleset/load.js';

/**
 * The order in which rules are tried on a sentence: first every rule without conditions, then the conditional ones
 * (`requires`/`unless`) so that a rule comes after every rule that can produce a feature it names. Then "unless
 * measure" sees the outcome rules' `measure` whatever file they are in. Otherwise the files' order is kept; rules
 * that name each other in a cycle keep it too.
 */
export function evaluationOrder(rules: readonly EvidenceRule[]): number[] {
  const conditional = (r: EvidenceRule) => r.requires.length > 0 || r.unless.length > 0;
  const first = rules.map((_, i) => i).filter((i) => !conditional(rules[i]!));
  const rest = rules.map((_, i) => i).filter((i) => conditional(rules[i]!));
  const producers = new Map<string, number[]>();
  for (const i of rest) {
    const r = rules[i]!;
    for (const f of [r.id, r.feature]) if (f) producers.set(f, [...(producers.get(f) ?? []), i]);
  }
  const placed = new Set<number>();
  const visiting = new Set<number>();
  const ordered: number[] = [];
  const visit = (i: number) => {
    if (placed.has(i) || visiting.has(i)) return;
    visiting.add(i);
    const r = rules[i]!;
    for (const f of [...r.requires, ...r.unless]) for (const p of producers.get(f) ?? []) if (p !== i) visit(p);
    visiting.delete(i);
    placed.add(i);
    ordered.push(i);
  };
  for (const i of rest) visit(i);
  return [...first, ...ordered];
}
