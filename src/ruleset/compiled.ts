/**
 * The rules as the build compiled them: a JSON snapshot of the loaded rule set, written next to this module by
 * `npm run build`, and read instead of the YAML when the rule files are byte for byte those it was made from.
 *
 * Loading rules/ from YAML was the largest single cost of starting a command: parsing the 120 KB of YAML took
 * 130-300 ms (the yaml package, still cold at start-up), validating and compiling the 400 patterns another 60-90
 * ms, in the CLI and again in every batch worker. The snapshot is read in a few milliseconds; its patterns are
 * compiled when a rule is first used (a Swedish report never compiles the English ones). The YAML stays the
 * source: edited rules (or another --rules folder) no longer match the snapshot's hash and are read from YAML,
 * with every error reported as before; the snapshot was validated when it was written.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Rule } from './load.js';

/** Where the build writes the snapshot and the loader looks for it. */
export const COMPILED_RULES_FILE = new URL('./rules.compiled.json', import.meta.url);

/** A rule as stored: its regular expressions as source and flags. */
type StoredRule = Omit<Rule, 'regexes'> & { patterns?: { source: string; flags: string }[] };

interface Snapshot {
  format: 1;
  /** RuleSet.hash of the files it was made from. */
  hash: string;
  rules: StoredRule[];
}

/** The snapshot's rules when it exists and was made from files hashing to `hash`; null otherwise. */
export function readCompiledRules(file: string | URL, hash: string): Rule[] | null {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  } catch {
    return null; // none written (a build by bare tsc), or unreadable: the YAML is read
  }
  if (snapshot.format !== 1 || snapshot.hash !== hash || !Array.isArray(snapshot.rules)) return null;
  return snapshot.rules.map(restore);
}

/** Writes the snapshot of a rule set loaded (and so validated) from YAML. */
export function writeCompiledRules(ruleSet: { rules: readonly Rule[]; hash: string }, file: string | URL = COMPILED_RULES_FILE): void {
  const snapshot: Snapshot = {
    format: 1,
    hash: ruleSet.hash,
    rules: ruleSet.rules.map((rule) => {
      if (!('regexes' in rule)) return rule;
      const { regexes, ...rest } = rule;
      return { ...rest, patterns: regexes.map((re) => ({ source: re.source, flags: re.flags })) };
    }),
  };
  const target = file instanceof URL ? file : pathToFileURL(file);
  const temporary = new URL(`${target.href}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, JSON.stringify(snapshot));
  fs.renameSync(temporary, target);
}

/** A stored rule with its `regexes` compiled at first use, then kept as a plain property. */
function restore(stored: StoredRule): Rule {
  const { patterns, ...rule } = stored;
  if (!patterns) return rule as Rule;
  return Object.defineProperty(rule, 'regexes', {
    configurable: true,
    enumerable: true,
    get(this: Rule) {
      const regexes = patterns.map((p) => new RegExp(p.source, p.flags));
      Object.defineProperty(this, 'regexes', { value: regexes, enumerable: true, writable: true, configurable: true });
      return regexes;
    },
  }) as Rule;
}
