import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANG_GUARD_MS, root } from '../helpers.js';

const cli = path.join(root, 'dist', 'cli', 'main.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8', timeout: HANG_GUARD_MS });
// The per-document time limit is not what these tests check: out of the way, so that a busy machine cannot hit it.
const NO_TIME_LIMIT = ['--timeout', '3600'];
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-cli-'));

describe('CLI contract', () => {
  it('--version and --help (ends with examples)', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Examples:[\s\S]*verkstad check/);
  });

  it('exit 0: a draft with no findings', () => {
    const d = tmp();
    const f = path.join(d, 'draft.md');
    fs.writeFileSync(f, '# Fler elever ska klara målen\nStatus: grön\n\nAndelen elever med godkända betyg ökade från 78 till 84 procent jämfört med förra året.\n');
    const r = run(['check', f]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('exit 1: check fails on a flagged green goal (and writing --out does not change that)', () => {
    const d = tmp();
    const f = path.join(d, 'draft.md');
    fs.writeFileSync(f, '# Barn och unga ska få tidigt stöd\nStatus: grön\n\nEn ny samverkansstruktur har inrättats. All personal har genomgått utbildning i det nya arbetssättet. Fokus kommer att läggas på implementering under nästa år.\n');
    const r = run(['check', f, '--format', 'sarif', '--out', path.join(d, 'out.sarif')]);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(d, 'out.sarif'), 'utf8')).runs[0].results[0].ruleId).toBe('GREEN_INTERNAL_ONLY');
  });

  it('exit 2: usage error, and a document that cannot be analysed (the others still are)', () => {
    expect(run(['analyze']).status).toBe(2);
    const d = tmp();
    fs.writeFileSync(path.join(d, 'empty.pdf'), '');
    fs.writeFileSync(path.join(d, 'ok.md'), '# Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n');
    const r = run(['analyze', d, '--format', 'json', ...NO_TIME_LIMIT]);
    expect(r.status).toBe(2);
    const json = JSON.parse(r.stdout);
    const empty = json.documents.find((x: { file: string }) => x.file.endsWith('empty.pdf'));
    expect(empty.error.code).toBe('EMPTY');
    expect(json.documents.find((x: { file: string }) => x.file.endsWith('ok.md')).goals).toHaveLength(1);
  });

  it('analyze --out writes, from the store a document at a time, the same bytes the formats print from memory', () => {
    const d = tmp();
    const docs = path.join(d, 'in');
    fs.mkdirSync(docs);
    for (const name of fs.readdirSync(path.join(root, 'corpora', 'samples')).filter((n) => n.endsWith('.pdf'))) {
      fs.copyFileSync(path.join(root, 'corpora', 'samples', name), path.join(docs, name));
    }
    const first = fs.readdirSync(docs)[0]!;
    fs.copyFileSync(path.join(docs, first), path.join(docs, `copy-${first}`)); // same content twice
    fs.writeFileSync(path.join(docs, 'empty.pdf'), '');
    fs.writeFileSync(path.join(docs, 'ok.md'), '# Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n');
    const out = path.join(d, 'out');
    // Absolute links: report.html's relative ones start from --out, a printed report's from the working directory.
    const r = run(['analyze', docs, '--out', out, '--jobs', '2', '--quiet', '--links', 'absolute', ...NO_TIME_LIMIT]);
    expect(r.status, r.stderr).toBe(2); // empty.pdf
    for (const [format, file] of [['json', 'verkstad.json'], ['csv', 'summary.csv'], ['html', 'report.html']] as const) {
      const printed = run(['analyze', docs, '--format', format, '--links', 'absolute', ...NO_TIME_LIMIT]);
      expect(fs.readFileSync(path.join(out, file), 'utf8'), file).toBe(printed.stdout);
    }
    const all = JSON.parse(fs.readFileSync(path.join(out, 'verkstad.json'), 'utf8'));
    expect(all.documents).toHaveLength(fs.readdirSync(docs).length - 1); // the copy is the same document
    for (const doc of all.documents) {
      const own = JSON.parse(fs.readFileSync(path.join(out, 'documents', path.basename(doc.file) + '.json'), 'utf8'));
      expect(own.documents).toEqual([doc]);
      expect(own.summary.goals).toBe(doc.summary.goals);
    }
  });

  it('exit 2: a bad configuration names file:line:column and what was expected', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'verkstad.config.yaml'), 'levels:\n  GREEN_INTERNAL_ONLY: loud\n');
    fs.writeFileSync(path.join(d, 'draft.md'), '# Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n');
    const r = spawnSync(process.execPath, [cli, 'check', 'draft.md'], { cwd: d, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/verkstad\.config\.yaml:2:\d+ ✖ levels\.GREEN_INTERNAL_ONLY: expected one of error\|warning\|note, got "loud"/);
  });

  it('classify reads stdin and prints only the contract', () => {
    const r = run(['classify', '--lang', 'sv'], 'Genom den nya organisationen har väntetiden minskat till sex dagar.\nKontaktcenter tilldelades pris för bästa service.\n');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: { label: string }) => x.label)).toEqual(['outcome', 'internal']);
    expect(Object.keys(out[0]).sort()).toEqual(['confidence', 'label', 'reasons', 'residentFacing', 'text']);
  });

  it('rules check validates every file and runs every example', () => {
    const r = run(['rules', 'check']);
    expect(r.status, r.stderr).toBe(0);
  });
});
