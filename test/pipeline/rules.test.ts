import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, RuleLoadError } from '../../src/ruleset/load.js';
import { runRuleExamples } from '../../src/rule-examples.js';
import { root, sharedContext } from '../helpers.js';

describe('rules as data', () => {
  it('every rule example holds', async () => {
    const ctx = await sharedContext();
    expect(runRuleExamples(ctx.rules, ctx.classifier)).toEqual([]);
  });

  it('errors name file:line:column and what was expected, all collected', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-rules-'));
    fs.mkdirSync(path.join(d, 'sv'));
    fs.writeFileSync(path.join(d, 'sv', 'bad.yaml'), 'kind: pattern\nlanguage: sv\ndescription: x\nentries:\n  a:\n    label: outcom\n    description: y\n    patterns: ["("]\n    examples: {}\n');
    fs.writeFileSync(path.join(d, 'sv', 'worse.yaml'), 'kind: nope\n');
    try {
      loadRules(d);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleLoadError);
      const msgs = (e as RuleLoadError).errors.map((x) => `${x.file}:${x.line}:${x.column} ${x.message}`);
      expect(msgs.some((m) => /bad\.yaml:6:\d+ .*outcome\|output\|internal\|intention\|context/.test(m))).toBe(true);
      expect(msgs.some((m) => /worse\.yaml:1:\d+/.test(m))).toBe(true);
    }
  });

  it('rule ids come from file and key', () => {
    const ids = loadRules(path.join(root, 'rules')).rules.map((r) => r.id);
    expect(ids).toContain('sv/status/uppfyllt');
    expect(new Set(ids).size).toBe(ids.length);
  });
});
