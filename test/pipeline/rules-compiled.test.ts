/** The compiled rules snapshot (src/ruleset/compiled.ts): the same rules as the YAML, used only while it matches. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileRules, loadRules, type Rule } from '../../src/ruleset/load.js';
import { root } from '../helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'verkstad-rules-compiled-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A rule as data, its keys in one order and its expressions as text. */
const plain = (r: Rule) =>
  JSON.stringify(Object.fromEntries(Object.entries({ ...r, ...('regexes' in r ? { regexes: r.regexes.map(String) } : {}) }).sort()));

describe('the compiled rules snapshot', () => {
  const rulesDir = path.join(root, 'rules');
  const snapshot = path.join(tmp, 'rules.compiled.json');
  const fromYaml = compileRules(rulesDir, snapshot);

  it('gives the rules the YAML gives, with the same hash', () => {
    const fromSnapshot = loadRules(rulesDir, snapshot);
    expect(fromSnapshot.hash).toBe(fromYaml.hash);
    expect(fromSnapshot.rules.map(plain)).toEqual(fromYaml.rules.map(plain));
  });

  it('is what is read while the files match it, its patterns compiled at first use', () => {
    const data = JSON.parse(readFileSync(snapshot, 'utf8')) as { rules: { id: string; description: string }[] };
    data.rules[0]!.description = 'read from the snapshot';
    const marked = path.join(tmp, 'marked.json');
    writeFileSync(marked, JSON.stringify(data));
    const rules = loadRules(rulesDir, marked).rules;
    expect(rules[0]!.description).toBe('read from the snapshot');
    const withPatterns = rules.find((r) => r.kind === 'pattern')!;
    expect(Object.getOwnPropertyDescriptor(withPatterns, 'regexes')?.get).toBeTypeOf('function');
    expect(withPatterns.kind === 'pattern' && withPatterns.regexes[0]).toBeInstanceOf(RegExp);
    expect(Object.getOwnPropertyDescriptor(withPatterns, 'regexes')?.value).toBeInstanceOf(Array);
  });

  it('is passed over once a rule file changes: the YAML is read, errors and all', () => {
    const edited = path.join(tmp, 'edited', 'rules');
    cpSync(rulesDir, edited, { recursive: true });
    appendFileSync(path.join(edited, 'sv', 'status.yaml'), '\n  trasig:\n    description: ett fel\n');
    expect(() => loadRules(edited, snapshot)).toThrow(/status\.yaml/);
  });
});
