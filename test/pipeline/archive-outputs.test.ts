/**
 * What the journalist and the analyst ran into with an archive's output folder (issue 17): copies counted twice,
 * page links that did not open, --quiet that printed every goal, summary.csv for Swedish Excel with absolute paths,
 * and a reused folder that kept the last run's per-document files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HANG_GUARD_MS, root } from '../helpers.js';

const cli = path.join(root, 'dist', 'cli', 'main.js');
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cli, ...args, '--timeout', '3600', '--jobs', '1'], { cwd, encoding: 'utf8', timeout: HANG_GUARD_MS });

const FLAGGED = '## Barn och unga ska få tidigt stöd\nStatus: grön\n\nEn ny samverkansstruktur har inrättats. All personal har genomgått utbildning.\n';
const GOOD = '## Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-outputs-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const read = (dir: string, ...p: string[]) => fs.readFileSync(path.join(dir, ...p), 'utf8');
const hrefs = (html: string) => [...new Set([...html.matchAll(/href="([^"#]*)#page=\d+"/g)].map((m) => m[1]!))].sort();

describe('analyze --out: the output folder', () => {
  it('counts two identical files once: one document listed with both paths, in JSON, summary.csv and report.html', () => {
    const dir = workspace({ 'arkiv/a/utkast.md': FLAGGED, 'arkiv/b/kopia.md': FLAGGED, 'arkiv/bra.md': GOOD });
    const r = run(['analyze', 'arkiv', '--out', 'out'], dir);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(read(dir, 'out', 'verkstad.json'));
    expect(json.documents.map((d: { file: string; paths: string[] }) => [d.file, d.paths])).toEqual([
      [path.join('arkiv', 'a', 'utkast.md'), [path.join('arkiv', 'a', 'utkast.md'), path.join('arkiv', 'b', 'kopia.md')]],
      [path.join('arkiv', 'bra.md'), [path.join('arkiv', 'bra.md')]],
    ]);
    expect(json.summary).toMatchObject({ documents: 2, goals: 2, green: 2, flaggedGreen: 1 });
    const csv = read(dir, 'out', 'summary.csv').replace(/^\uFEFF/, '').trim().split('\n');
    expect(csv).toHaveLength(3); // header and one row per goal: the copy's goal is not repeated
    const paths = csv[0]!.split(',').indexOf('paths');
    expect(paths).toBeGreaterThan(0);
    expect(csv[1]).toMatch(/^a\/utkast\.md,/);
    expect(csv[1]!.split(',')[paths]).toBe('a/utkast.md | b/kopia.md');
    const html = read(dir, 'out', 'report.html');
    expect(html.match(/<article /g)).toHaveLength(1); // one flagged card
    expect(html).toContain('även i: arkiv/b/kopia.md'); // the report is in Swedish: every document is
    // One per-document file per document: none for the copy.
    expect(fs.readdirSync(path.join(dir, 'out', 'documents')).sort()).toEqual(['a__utkast.md.json', 'bra.md.json']);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.md.json'))).toEqual([]);
  });

  it("links each page from where report.html was written to the input, unique for same-named files; or as file: URLs", () => {
    const dir = workspace({ '2024/Bokslut 2025.md': FLAGGED, '2025/Bokslut 2025.md': FLAGGED.replace('Barn och unga', 'Äldre') });
    const out = path.join(dir, 'rapporter', 'ut');
    expect(run(['analyze', '2024', '2025', '--out', out], dir).status).toBe(0);
    const relative = hrefs(read(out, 'report.html'));
    expect(relative).toEqual(['../../2024/Bokslut%202025.md', '../../2025/Bokslut%202025.md']);
    const reportUrl = pathToFileURL(path.join(out, 'report.html'));
    for (const href of relative) expect(fs.existsSync(fileURLToPath(new URL(href, reportUrl))), href).toBe(true);

    expect(run(['analyze', '2024', '2025', '--out', out, '--links', 'absolute'], dir).status).toBe(0);
    const absolute = hrefs(read(out, 'report.html'));
    expect(absolute).toEqual([pathToFileURL(path.join(dir, '2024', 'Bokslut 2025.md')).href, pathToFileURL(path.join(dir, '2025', 'Bokslut 2025.md')).href]);
    for (const href of absolute) expect(fs.existsSync(fileURLToPath(href)), href).toBe(true);
  });

  it('--quiet prints nothing when all goes well, and one line when a document could not be analysed', () => {
    const dir = workspace({ 'in/a.md': FLAGGED, 'in/b.md': GOOD });
    const quiet = run(['analyze', 'in', '--out', 'out', '-q'], dir);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
    fs.writeFileSync(path.join(dir, 'in', 'trasig.pdf'), 'inte en pdf');
    const failing = run(['analyze', 'in', '--out', 'out', '-q'], dir);
    expect(failing.status).toBe(2);
    expect(failing.stdout).toBe('');
    expect(failing.stderr.trimEnd().split('\n')).toEqual([
      `verkstad: 1 of 3 document(s) could not be analysed: ${path.join('in', 'trasig.pdf')} (NOT_PDF) — see ${path.join('out', 'report.html')}`,
    ]);
    // Without --quiet the same run prints its goals and where it wrote them.
    const loud = run(['analyze', 'in', '--out', 'out'], dir);
    expect(loud.stdout).toContain('Barn och unga ska få tidigt stöd');
  });

  it("writes summary.csv for Swedish Excel: --csv-delimiter ';', or csv: in the configuration; file names relative to the input root", () => {
    const dir = workspace({ 'arkiv/sv/utkast.md': FLAGGED, 'arkiv/bra.md': GOOD });
    const abs = path.join(dir, 'arkiv');
    expect(run(['analyze', abs, '--out', 'out', '--csv-delimiter', ';'], dir).status).toBe(0);
    const csv = read(dir, 'out', 'summary.csv');
    expect(csv.startsWith('\uFEFFfile;page;title;status;')).toBe(true);
    expect(csv).toContain('\nsv/utkast.md;1;Barn och unga ska få tidigt stöd;green;');
    expect(csv).toContain('\nbra.md;1;Trygg äldreomsorg;green;');
    expect(csv).not.toContain(dir); // no path of the analyst's machine
    // The JSON keeps the paths as given: the store and reruns go by them.
    expect(JSON.parse(read(dir, 'out', 'verkstad.json')).documents[0].file).toBe(path.join(abs, 'bra.md'));

    fs.writeFileSync(path.join(dir, 'verkstad.config.yaml'), 'csv:\n  delimiter: "\\t"\n  bom: false\n');
    expect(run(['analyze', 'arkiv', '--out', 'out'], dir).status).toBe(0);
    expect(read(dir, 'out', 'summary.csv').startsWith('file\tpage\ttitle\t')).toBe(true);
    // A flag given on the command line wins over the configuration.
    expect(run(['analyze', 'arkiv', '--out', 'out', '--csv-delimiter', ';', '--csv-bom'], dir).status).toBe(2); // no such flag: only --no-csv-bom
    expect(run(['analyze', 'arkiv', '--out', 'out', '--csv-delimiter', ';'], dir).status).toBe(0);
    expect(read(dir, 'out', 'summary.csv').startsWith('file;page;')).toBe(true);
    // --format csv on stdout follows the same options.
    expect(run(['analyze', 'arkiv', '--format', 'csv', '--csv-delimiter', ','], dir).stdout.startsWith('file,page,')).toBe(true);
  });

  it('rejects a delimiter it does not offer, and a bad csv: in the configuration, with exit 2', () => {
    const dir = workspace({ 'a.md': GOOD });
    const bad = run(['analyze', 'a.md', '--csv-delimiter', 'x'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Expected one of , ; | tab, got "x"');
    fs.writeFileSync(path.join(dir, 'verkstad.config.yaml'), 'csv:\n  delimiter: ":"\n');
    const config = run(['analyze', 'a.md', '--out', 'out'], dir);
    expect(config.status).toBe(2);
    expect(config.stderr).toMatch(/verkstad\.config\.yaml:2:\d+/);
  });

  it('a reused output folder holds only what its summary lists: the last run’s per-document files are removed, the user’s are kept', () => {
    const dir = workspace({ 'gammal/a.md': FLAGGED, 'gammal/b.md': GOOD, 'ny/c.md': GOOD.replace('äldreomsorg', 'skola') });
    const documents = (): string[] => fs.readdirSync(path.join(dir, 'out', 'documents')).sort();
    expect(run(['analyze', 'gammal', '--out', 'out'], dir).status).toBe(0);
    expect(documents()).toEqual(['a.md.json', 'b.md.json']);
    fs.writeFileSync(path.join(dir, 'out', 'anteckningar.json'), '{}'); // not verkstad's
    fs.writeFileSync(path.join(dir, 'out', 'documents', 'mina.json'), '{}'); // not verkstad's either
    expect(run(['analyze', 'ny', '--out', 'out'], dir).status).toBe(0);
    const left = fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort();
    expect(left).toEqual(['anteckningar.json', 'verkstad.json']);
    expect(documents()).toEqual(['c.md.json', 'mina.json']);
    expect(JSON.parse(read(dir, 'out', 'verkstad.json')).documents.map((d: { file: string }) => d.file)).toEqual([path.join('ny', 'c.md')]);
    // The store keeps every result: the old inputs again write their files again, from it.
    const again = run(['analyze', 'gammal', '--out', 'out'], dir);
    expect(again.status).toBe(0);
    expect(documents()).toEqual(['a.md.json', 'b.md.json', 'mina.json']);
  });

  it('rewrites outputs from the store when only the output options changed', () => {
    const dir = workspace({ 'in/a.md': GOOD });
    expect(run(['analyze', 'in', '--out', 'out'], dir).status).toBe(0);
    const second = run(['analyze', 'in', '--out', 'out', '--csv-delimiter', ';'], dir);
    expect(second.stderr).toContain('Wrote 1 document result(s)');
    expect(read(dir, 'out', 'summary.csv').startsWith('\uFEFFfile;page;')).toBe(true);
    expect(run(['analyze', 'in', '--out', 'out', '--csv-delimiter', ';'], dir).stderr).toContain('are up to date');
  });
});
