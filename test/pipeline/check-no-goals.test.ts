/**
 * A draft verkstad cannot read fails `check` (NO_GOALS, exit 2) in every format; `analyze` lists such documents
 * in its summary and does not fail on them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANG_GUARD_MS, root } from '../helpers.js';

const cli = path.join(root, 'dist', 'cli', 'main.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args, '--timeout', '3600'], { cwd, encoding: 'utf8', timeout: HANG_GUARD_MS });

/** A one-page PDF of prose: text a parser reads, but no goal and no status anywhere. */
async function proseOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = ['Inledning', 'Nämnden redovisar här sin budget för året.', 'Kostnaderna fördelas på tre verksamheter.'];
  lines.forEach((text, i) => page.drawText(text, { x: 60, y: 760 - i * 20, size: 11, font }));
  return pdf.save();
}

const GOOD = '## Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n';

describe('check: a document with no goal with a status', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-nogoals-'));
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'prose.md'), '# Utkast\n\nHär kommer texten om målen att stå. Den är inte skriven än.\n');
    fs.writeFileSync(path.join(dir, 'prose.pdf'), await proseOnlyPdf());
    // A goal whose status could not be read is no goal to check either.
    fs.writeFileSync(path.join(dir, 'unknown.txt'), 'Mål: Fler ska ha arbete\nStatus: vet ej\n');
    fs.writeFileSync(path.join(dir, 'good.md'), GOOD);
  });

  for (const name of ['empty.md', 'prose.md', 'prose.pdf']) {
    it(`fails ${name} with exit 2 and NO_GOALS, saying what verkstad looks for`, () => {
      const r = run(['check', name], dir);
      expect(r.status, r.stdout + r.stderr).toBe(2);
      expect(r.stdout).toContain('NO_GOALS');
      expect(r.stdout).toMatch(/verkstad looks for .*status word or symbol/);
    });
  }

  it('fails it next to a good draft, in json, sarif and github formats', () => {
    const json = run(['check', 'good.md', 'prose.md', '--format', 'json'], dir);
    expect(json.status).toBe(2);
    const docs = JSON.parse(json.stdout).documents as { file: string; error: { code: string } | null; goals: unknown[] }[];
    expect(docs.map((d) => [d.file, d.error?.code ?? null])).toEqual([['good.md', null], ['prose.md', 'NO_GOALS']]);
    expect(JSON.parse(json.stdout).summary.failed).toBe(1);

    const sarif = run(['check', 'good.md', 'prose.md', '--format', 'sarif'], dir);
    expect(sarif.status).toBe(2);
    const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.map((x) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([['NO_GOALS', 'error', 'prose.md']]);

    const github = run(['check', 'good.md', 'prose.md', '--format', 'github'], dir);
    expect(github.status).toBe(2);
    expect(github.stdout).toMatch(/^::error file=prose\.md,title=verkstad NO_GOALS::NO_GOALS: No goal with a status found/m);
  });

  it('counts a goal without a readable status as no goal', () => {
    const r = run(['check', 'unknown.txt', '--format', 'json'], dir);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).documents[0].error.code).toBe('NO_GOALS');
  });

  it('passes a good draft (exit 0)', () => {
    expect(run(['check', 'good.md'], dir).status).toBe(0);
  });

  it('says so in check --help', () => {
    const help = spawnSync(process.execPath, [cli, 'check', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/no goal with a status[\s\S]*fails the check \(exit 2, error NO_GOALS/);
  });
});

describe('analyze: documents with no goal with a status', () => {
  it('lists them in its summary (a count and the files) and exits 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-nogoals-'));
    fs.writeFileSync(path.join(dir, 'budget.md'), '# Budget\n\nInga mål här.\n');
    fs.writeFileSync(path.join(dir, 'protokoll.md'), 'Mötet öppnades.\n');
    fs.writeFileSync(path.join(dir, 'good.md'), GOOD);
    const r = run(['analyze', '.', '--out', 'out'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 document(s) with no goal with a status (not counted as failed; `verkstad check` fails on them): budget.md, protokoll.md');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'verkstad.json'), 'utf8'));
    expect(json.summary.failed).toBe(0);
    expect(json.documents.map((d: { error: unknown }) => d.error)).toEqual([null, null, null]);
  });

  it('says so in analyze --help', () => {
    const help = spawnSync(process.execPath, [cli, 'analyze', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/no goal with a status is found is listed in the summary, but does not fail the run/);
  });
});
