/**
 * Options and configuration are checked when they are read: a number that is not a whole number in its range, or a
 * configuration value of the wrong kind, is a usage error (exit 2) naming what was expected and what was given
 * (configuration problems as file:line:column), before any document is read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANG_GUARD_MS, root } from '../helpers.js';

const cli = path.join(root, 'dist', 'cli', 'main.js');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: HANG_GUARD_MS });
const draft = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-options-'));
  fs.writeFileSync(path.join(d, 'draft.md'), '# Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n');
  return d;
};

describe('numeric options', () => {
  const bad: [string, string, string][] = [
    ['--jobs', 'abc', 'from 1 to 256'],
    ['--jobs', '1.5', 'from 1 to 256'],
    ['--jobs', '0', 'from 1 to 256'],
    ['--jobs', '-5', 'from 1 to 256'],
    ['--jobs', '1e3', 'from 1 to 256'],
    ['--jobs', '100000', 'from 1 to 256'],
    ['--timeout', 'abc', 'from 1 to 86400'],
    ['--timeout', '0', 'from 1 to 86400'],
    ['--timeout', '-5', 'from 1 to 86400'],
    ['--max-pages', '2.5', 'from 1 to 1000000'],
    ['--max-pages', 'abc', 'from 1 to 1000000'],
    ['--memory', 'abc', 'from 128 to 1048576'],
    ['--memory', '64', 'from 128 to 1048576'],
    ['--max-bytes', 'abc', 'from 1 to 2047'],
    ['--max-bytes', '0.5', 'from 1 to 2047'],
    ['--shard', '3/2', 'k/n with 1 ≤ k ≤ n'],
    ['--shard', 'a/b', 'k/n'],
  ];
  for (const [option, value, expected] of bad) {
    it(`analyze ${option} ${value}: exit 2, "${expected}"`, () => {
      const d = draft();
      const r = run(['analyze', path.join(d, 'draft.md'), option, value, '--format', 'json']);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`argument '${value}' is invalid`);
      expect(r.stderr).toContain(expected);
    });
  }

  it('check reads its numbers the same way', () => {
    const d = draft();
    for (const [option, value] of [['--jobs', '2.5'], ['--timeout', '-1'], ['--max-pages', '0']]) {
      const r = run(['check', path.join(d, 'draft.md'), option!, value!]);
      expect(r.status, `${option} ${value}`).toBe(2);
      expect(r.stderr).toContain('Expected a whole number');
    }
  });

  it('extract --pages takes numbers and ranges from 1, low-high', () => {
    const pdf = path.join(root, 'corpora', 'samples', 'sv-kultur-bokslut.pdf');
    for (const value of ['abc', '3-1', '0', '2,,3', '1.5']) {
      const r = run(['extract', pdf, '--pages', value]);
      expect(r.status, value).toBe(2);
      expect(r.stderr).toContain('Expected pages as a list');
    }
    const ok = run(['extract', pdf, '--pages', '1, 2-3', '--format', 'json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).pages.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);
  });

  it('values in range are taken', () => {
    const d = draft();
    const r = run(['analyze', path.join(d, 'draft.md'), '--jobs', '1', '--timeout', '3600', '--max-pages', '10', '--memory', '2048', '--max-bytes', '5', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('configuration values', () => {
  it('verkstad.config.yaml: a value out of range or of the wrong kind names file:line:column', () => {
    const d = draft();
    fs.writeFileSync(path.join(d, 'verkstad.config.yaml'), 'flagOrganisationGoals: false\nminResidentConfidence: 1.5\nindicatorsCountAsEvidence: maybe\n');
    const r = run(['check', 'draft.md'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/verkstad\.config\.yaml:2:\d+ ✖ minResidentConfidence: .*<=1/);
    expect(r.stderr).toMatch(/verkstad\.config\.yaml:3:\d+ ✖ indicatorsCountAsEvidence: /);
  });

  it('package.json: the `verkstad` field is checked the same way, with its lines (it used to be ignored when wrong)', () => {
    const d = draft();
    fs.writeFileSync(
      path.join(d, 'package.json'),
      JSON.stringify({ name: 'reports', version: '1.0.0', verkstad: { minResidentConfidence: 'high', levels: { GREEN_NO_EVIDENCE: 'loud' } } }, null, 2) + '\n',
    );
    const r = run(['check', 'draft.md'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/package\.json:5:\d+ ✖ verkstad\.minResidentConfidence: .*number/);
    expect(r.stderr).toMatch(/package\.json:7:\d+ ✖ verkstad\.levels\.GREEN_NO_EVIDENCE: expected one of error\|warning\|note, got "loud"/);
  });

  it('package.json without a `verkstad` field, or one that is not JSON, is not ours: the defaults apply', () => {
    const d = draft();
    fs.writeFileSync(path.join(d, 'package.json'), '{ "name": "reports" }\n');
    expect(run(['check', 'draft.md'], d).status).toBe(0);
    fs.writeFileSync(path.join(d, 'package.json'), '{ not json\n');
    expect(run(['check', 'draft.md'], d).status).toBe(0);
  });
});
