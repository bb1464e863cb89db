/**
 * `--shard auto`: the shard from a Kubernetes Indexed Job's environment (JOB_COMPLETION_INDEX, counted from 0) and
 * the count from --shard-count or VERKSTAD_SHARD_COUNT; ours counts from 1 (k/n). Bad or missing values are usage
 * errors (exit 2) that say what to set.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveShard, shard } from '../../src/io/inputs.js';
import { HANG_GUARD_MS, root } from '../helpers.js';

describe('resolveShard', () => {
  it('k/n as before; auto: pod index 0 is shard 1', () => {
    expect(resolveShard('2/3', {})).toEqual({ k: 2, n: 3 });
    expect(resolveShard('auto', { JOB_COMPLETION_INDEX: '0', VERKSTAD_SHARD_COUNT: '4' })).toEqual({ k: 1, n: 4 });
    expect(resolveShard('auto', { JOB_COMPLETION_INDEX: '3', VERKSTAD_SHARD_COUNT: '4' })).toEqual({ k: 4, n: 4 });
    // --shard-count wins over the environment.
    expect(resolveShard('auto', { JOB_COMPLETION_INDEX: '2', VERKSTAD_SHARD_COUNT: '4' }, '8')).toEqual({ k: 3, n: 8 });
  });

  it('a missing or bad index or count is an error that says what to set', () => {
    const error = (spec: string, env: Record<string, string>, count?: string) => (resolveShard(spec, env, count) as { error: string }).error;
    expect(error('auto', { VERKSTAD_SHARD_COUNT: '4' })).toMatch(/JOB_COMPLETION_INDEX.*not set.*--shard k\/n/);
    expect(error('auto', { JOB_COMPLETION_INDEX: '', VERKSTAD_SHARD_COUNT: '4' })).toMatch(/not set/);
    expect(error('auto', { JOB_COMPLETION_INDEX: 'one', VERKSTAD_SHARD_COUNT: '4' })).toBe('Expected JOB_COMPLETION_INDEX to be a whole number from 0, got "one"');
    expect(error('auto', { JOB_COMPLETION_INDEX: '-1', VERKSTAD_SHARD_COUNT: '4' })).toMatch(/whole number from 0/);
    expect(error('auto', { JOB_COMPLETION_INDEX: '0' })).toMatch(/--shard-count N or set VERKSTAD_SHARD_COUNT/);
    expect(error('auto', { JOB_COMPLETION_INDEX: '0', VERKSTAD_SHARD_COUNT: '0' })).toBe('Expected VERKSTAD_SHARD_COUNT to be a whole number greater than 0, got "0"');
    expect(error('auto', { JOB_COMPLETION_INDEX: '0' }, '2.5')).toBe('Expected --shard-count to be a whole number greater than 0, got "2.5"');
    // Counted from 0: index 4 of 4 shards does not exist.
    expect(error('auto', { JOB_COMPLETION_INDEX: '4', VERKSTAD_SHARD_COUNT: '4' })).toBe(
      'JOB_COMPLETION_INDEX is 4 (counted from 0), but VERKSTAD_SHARD_COUNT says there are only 4 shard(s)',
    );
    expect(error('1/2', {}, '2')).toMatch(/--shard-count goes with --shard auto/);
    expect(error('0/2', {})).toMatch(/1 ≤ k ≤ n/);
  });
});

describe('verkstad analyze --shard auto', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verkstad-shard-auto-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'archive'));
  const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `archive/${n}.md`);
  for (const n of names) writeFileSync(path.join(dir, n), `# Mål ${n}\nStatus: grön\n\nAndelen nöjda ökade till 90 procent.\n`);

  const run = (args: string[], env: Record<string, string>) => {
    const clean = { ...process.env };
    delete clean.JOB_COMPLETION_INDEX;
    delete clean.VERKSTAD_SHARD_COUNT;
    return spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), 'analyze', 'archive', '--format', 'json', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...clean, ...env },
      timeout: HANG_GUARD_MS,
    });
  };
  const filesOf = (stdout: string) => (JSON.parse(stdout) as { documents: { file: string }[] }).documents.map((d) => d.file);

  it('each pod of a 3-pod Job analyses the shard --shard k/3 names, counted from 1', () => {
    for (const index of [0, 1, 2]) {
      const r = run(['--shard', 'auto'], { JOB_COMPLETION_INDEX: String(index), VERKSTAD_SHARD_COUNT: '3' });
      expect(r.status, r.stderr).toBe(0);
      const expected = shard(names, index + 1, 3, dir);
      expect(filesOf(r.stdout)).toEqual(expected);
      const explicit = run(['--shard', `${index + 1}/3`], {});
      if (expected.length) expect(filesOf(explicit.stdout)).toEqual(expected);
    }
  });

  it('exits 2 with the reason when the index or the count is missing or bad', () => {
    const missing = run(['--shard', 'auto'], { VERKSTAD_SHARD_COUNT: '3' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/JOB_COMPLETION_INDEX/);
    const noCount = run(['--shard', 'auto'], { JOB_COMPLETION_INDEX: '1' });
    expect(noCount.status).toBe(2);
    expect(noCount.stderr).toMatch(/--shard-count/);
    const outside = run(['--shard', 'auto', '--shard-count', '2'], { JOB_COMPLETION_INDEX: '2' });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/counted from 0/);
    const countAlone = run(['--shard-count', '2'], {});
    expect(countAlone.status).toBe(2);
    expect(countAlone.stderr).toMatch(/--shard-count goes with --shard auto/);
  });
});
