/**
 * action.yml and .pre-commit-hooks.yaml must not drift from the CLI: each test reads the file, takes the exact
 * command it runs, and runs it against a draft in a temporary folder with this build of verkstad.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HANG_GUARD_MS, root } from '../helpers.js';

const FLAGGED_DRAFT = [
  '# Delårsrapport 2025', //                                                                         1
  '', //                                                                                             2
  'Nämndens uppföljning.', //                                                                        3
  '', //                                                                                             4
  '## Barn och unga ska få tidigt stöd', //                                                          5
  'Status: grön', //                                                                                 6
  '', //                                                                                             7
  'En ny samverkansstruktur har inrättats. All personal har genomgått utbildning i det nya arbetssättet.',
  '',
].join('\n');

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-ci-'));

interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** `${{ inputs.x }}` and `${{ github.action_path }}` as GitHub fills them in. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.action_path') return root;
    const m = /^inputs\.([\w-]+)$/.exec(expr);
    if (!m) throw new Error(`an expression the test does not know: ${expr}`);
    if (!(m[1]! in inputs)) throw new Error(`action.yml uses an input it does not declare: ${m[1]}`);
    return inputs[m[1]!]!;
  });
}

describe('action.yml (composite GitHub Action)', () => {
  const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;
  const inputsWith = (given: Record<string, string>) => {
    const values: Record<string, string> = {};
    for (const [name, input] of Object.entries(action.inputs)) values[name] = given[name] ?? input.default ?? '';
    return values;
  };
  const checkStep = action.runs.steps.find((s) => s.id === 'check')!;

  /** Runs the check step's script as the runner would: bash, its env with the inputs filled in, in the workspace. */
  function runCheckStep(workspace: string, given: Record<string, string>) {
    const inputs = inputsWith(given);
    const env = Object.fromEntries(Object.entries(checkStep.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', checkStep.run!], {
      cwd: workspace,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: HANG_GUARD_MS,
    });
  }

  it('is a composite action with the inputs files, fail-on, format and sarif', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['files', 'fail-on', 'format', 'sarif']));
    expect(action.inputs.files!.required).toBe(true);
    expect(action.inputs['fail-on']!.default).toBe('warning');
    expect(action.inputs.sarif!.default).toBe('no');
    expect(checkStep.shell).toBe('bash');
    expect(checkStep.run).toMatch(/npx .*verkstad check/);
    // Inputs reach the script only through the environment: a file name must not become part of the script.
    expect(checkStep.run).not.toMatch(/\$\{\{/);
  });

  it('uploads SARIF with github/codeql-action/upload-sarif only when asked, from the file the check writes', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload).toBeDefined();
    expect(upload.if).toMatch(/inputs\.sarif == 'yes'/);
    expect(upload.if).toMatch(/always\(\)/); // a failing check is when the alerts matter most
    expect(upload.with?.sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(checkStep.env?.VERKSTAD_SARIF_FILE).toBe('${{ inputs.sarif-file }}');
  });

  it('runs the check: annotations on the goal line, exit 1 on a flagged goal, SARIF written when asked', () => {
    const workspace = tmp();
    fs.mkdirSync(path.join(workspace, 'rapporter'));
    fs.writeFileSync(path.join(workspace, 'rapporter', 'delår.md'), FLAGGED_DRAFT);
    const r = runCheckStep(workspace, { files: 'rapporter/*.md', sarif: 'yes' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::warning file=rapporter\/delår\.md,line=5,title=verkstad GREEN_INTERNAL_ONLY/m);
    const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'verkstad.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(5);
  });

  it('passes the inputs through: fail-on error lets a warning pass; several files on separate lines', () => {
    const workspace = tmp();
    fs.writeFileSync(path.join(workspace, 'a.md'), FLAGGED_DRAFT);
    fs.writeFileSync(path.join(workspace, 'b.md'), FLAGGED_DRAFT.replace('Barn och unga', 'Äldre'));
    const r = runCheckStep(workspace, { files: 'a.md\nb.md', 'fail-on': 'error', format: 'json' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).documents.map((d: { file: string }) => d.file)).toEqual(['a.md', 'b.md']);
    expect(fs.existsSync(path.join(workspace, 'verkstad.sarif'))).toBe(false);
  });

  it('fails a draft it cannot read (NO_GOALS, exit 2)', () => {
    const workspace = tmp();
    fs.writeFileSync(path.join(workspace, 'notes.md'), 'Bara anteckningar, inga mål.\n');
    const r = runCheckStep(workspace, { files: 'notes.md' });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error file=notes\.md,title=verkstad NO_GOALS::NO_GOALS: /m);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  interface Hook { id: string; entry: string; language: string; files: string; args?: string[]; pass_filenames?: boolean }
  const hooks = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'verkstad-check')!;
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  /** The hook's command as pre-commit runs it: entry, args, then the staged files its `files` pattern matches. */
  function runHook(cwd: string, staged: string[]) {
    const [bin, ...entryArgs] = hook.entry.split(/\s+/);
    // language: node installs this package, whose bin of that name is this file.
    const script = path.join(root, pkg.bin[bin!]!);
    const files = staged.filter((f) => new RegExp(hook.files).test(f));
    return spawnSync(process.execPath, [script, ...entryArgs, ...(hook.args ?? []), ...(hook.pass_filenames === false ? [] : files)], {
      cwd,
      encoding: 'utf8',
      timeout: HANG_GUARD_MS,
    });
  }

  it('is a node hook running `verkstad check` on .md, .docx, .pdf and .txt files only', () => {
    expect(hook).toBeDefined();
    expect(hook.language).toBe('node');
    expect(hook.entry).toBe('verkstad check');
    expect(pkg.bin.verkstad).toBeDefined();
    const re = new RegExp(hook.files);
    for (const f of ['a.md', 'rapporter/b.docx', 'c.pdf', 'd.txt']) expect(re.test(f), f).toBe(true);
    for (const f of ['src/x.ts', 'bild.png', 'data.json']) expect(re.test(f), f).toBe(false);
  });

  it('runs on the staged drafts: exit 1 on a flagged green goal, 0 on a good one, other files not passed', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'delår.md'), FLAGGED_DRAFT);
    fs.writeFileSync(path.join(d, 'script.ts'), 'export {};\n');
    const flagged = runHook(d, ['delår.md', 'script.ts']);
    expect(flagged.status, flagged.stderr).toBe(1);
    expect(flagged.stdout).toContain('GREEN_INTERNAL_ONLY');
    fs.writeFileSync(path.join(d, 'bra.md'), '## Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n');
    const good = runHook(d, ['bra.md', 'script.ts']);
    expect(good.status, good.stdout + good.stderr).toBe(0);
  });
});
