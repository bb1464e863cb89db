/**
 * An archive across time (issue 18): two made-up committees' reports over 2023-2025 (test/fixtures/overtime/, our
 * own text), some goal titles reworded between years, one goal green in every report on internal work only.
 * `analyze --out` gives goalsOverTime in verkstad.json, goals_over_time.csv and the store's goals_over_time table,
 * and `--format json` on stdout the same goalsOverTime.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GoalsOverTime } from '../../src/model/result.js';
import { HANG_GUARD_MS, root } from '../helpers.js';

const cli = path.join(root, 'dist', 'cli', 'main.js');
const fixtures = path.join('test', 'fixtures', 'overtime');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args, '--timeout', '3600', '--jobs', '1'], { cwd: root, encoding: 'utf8', timeout: HANG_GUARD_MS });
const file = (name: string) => path.join(fixtures, name);

let out: string;
let overTime: GoalsOverTime;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-overtime-'));
  const r = run(['analyze', fixtures, '--out', out, '--quiet']);
  expect(r.status, r.stderr).toBe(0);
  overTime = JSON.parse(fs.readFileSync(path.join(out, 'verkstad.json'), 'utf8')).goalsOverTime;
}, HANG_GUARD_MS);

describe('goals over time in an archive', () => {
  it('groups the reports by organisation and orders each one\'s reports by period', () => {
    expect(overTime.map((o) => [o.organisation, o.periods.map((p) => `${p.period} ${p.kind}`)])).toEqual([
      ['Dalby kommun, Kulturnämnden', ['2024 årsredovisning', '2025 årsredovisning']],
      ['Ekby kommun, Fritidsnämnden', ['2023 årsredovisning', '2024 T2 delårsrapport', '2024 årsredovisning', '2025 T2 delårsrapport']],
    ]);
    expect(overTime[1]!.periods[1]!.file).toBe(file('ekby-fritid-delarsrapport-2024.md'));
  });

  it('matches reworded goals across the years, shows each title and score, and keeps a new goal apart', () => {
    const ekby = overTime[1]!;
    expect(ekby.goals.map((g) => g.periods.map((p) => `${p.period}: ${p.title} (${p.match}) ${p.status}`))).toEqual([
      [
        '2023: Fler invånare ska besöka simhallen (1) green',
        '2024 T2: Fler invånare besöker simhallen (1) green',
        '2024: Fler invånare besöker simhallen (1) yellow',
        '2025 T2: Fler besök i simhallen av kommunens invånare (0.89) green',
      ],
      [
        '2023: Barn och unga ska ha tillgång till en meningsfull fritid (1) green',
        '2024 T2: Barn och unga ska ha tillgång till meningsfull fritid (1) green',
        '2024: Barn och unga ska ha tillgång till meningsfull fritid (1) green',
        '2025 T2: Alla barn och unga ska ha tillgång till en meningsfull fritid (1) green',
      ],
      ['2023: Idrottsanläggningarna ska vara trygga (1) yellow', '2024 T2: Trygga idrottsanläggningar (1) red', '2024: Trygga idrottsanläggningar (1) yellow'],
      ['2025 T2: Spontanidrott i varje stadsdel (1) green'],
    ]);
    expect(ekby.goals[0]!.title).toBe('Fler besök i simhallen av kommunens invånare');
  });

  it('picks out only the goal green in report after report on internal work', () => {
    const picked = overTime.flatMap((o) => o.goals.filter((g) => g.persistentlyGreenWithoutEvidence).map((g) => `${o.organisation}: ${g.title}`));
    expect(picked).toEqual(['Ekby kommun, Fritidsnämnden: Alla barn och unga ska ha tillgång till en meningsfull fritid']);
    const library = overTime[0]!.goals[0]!;
    expect(library.periods.map((p) => [p.status, p.evidence, p.flags])).toEqual([
      ['green', 'resident-facing', []],
      ['green', 'internal-only', ['GREEN_INTERNAL_ONLY']],
    ]);
  });

  it('writes goals_over_time.csv beside summary.csv: one row per goal per report, files named as in summary.csv', () => {
    const csv = fs.readFileSync(path.join(out, 'goals_over_time.csv'), 'utf8');
    expect(csv.startsWith('\uFEFForganisation,goal,goal_title,period,kind,file,page,title,match,status,flag,evidence,resident_facing_sentences,persistently_green_without_evidence\n')).toBe(true);
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + 4 + 12);
    expect(lines).toContain(
      '"Ekby kommun, Fritidsnämnden",2,Alla barn och unga ska ha tillgång till en meningsfull fritid,2024 T2,delårsrapport,ekby-fritid-delarsrapport-2024.md,1,Barn och unga ska ha tillgång till meningsfull fritid,1,green,GREEN_INTERNAL_ONLY,internal-only,0,yes',
    );
    expect(lines).toContain(
      '"Ekby kommun, Fritidsnämnden",1,Fler besök i simhallen av kommunens invånare,2025 T2,delårsrapport,ekby-fritid-delarsrapport-2025.md,1,Fler besök i simhallen av kommunens invånare,0.89,green,,mixed,1,',
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(out, '.verkstad-outputs.json'), 'utf8'));
    expect(manifest.documents).toHaveLength(6);
  });

  it('fills the store\'s goals_over_time table with the same rows', () => {
    const db = new Database(path.join(out, 'verkstad.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM goals_over_time').pluck().get()).toBe(16);
      const persistent = db
        .prepare('SELECT DISTINCT organisation, goal, goal_title FROM goals_over_time WHERE persistently_green_without_evidence')
        .all();
      expect(persistent).toEqual([{ organisation: 'Ekby kommun, Fritidsnämnden', goal: 2, goal_title: 'Alla barn och unga ska ha tillgång till en meningsfull fritid' }]);
      const pool = db.prepare("SELECT period_order, period, title, match, status FROM goals_over_time WHERE organisation LIKE 'Ekby%' AND goal = 1 ORDER BY period_order").all();
      expect(pool.map((r) => Object.values(r as object).join(' | '))).toEqual([
        '0 | 2023 | Fler invånare ska besöka simhallen | 1 | green',
        '1 | 2024 T2 | Fler invånare besöker simhallen | 1 | green',
        '2 | 2024 | Fler invånare besöker simhallen | 1 | yellow',
        '3 | 2025 T2 | Fler besök i simhallen av kommunens invånare | 0.89 | green',
      ]);
    } finally {
      db.close();
    }
  });

  it('gives the same goalsOverTime with --format json on stdout', () => {
    const r = run(['analyze', fixtures, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).goalsOverTime).toEqual(overTime);
  });
});

describe('report.html across time', () => {
  it('compares the organisations and shows each one\'s goals × reports, the persistently green goal picked out', () => {
    const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('<section id="over-time"'), html.indexOf('</section>', html.indexOf('<section id="over-time"')));
    expect(section).toContain('<a href="#org-1">Ekby kommun, Fritidsnämnden</a></td><td class="num">4</td><td class="num">4</td><td class="num">8</td>');
    expect(section.match(/<details class="over-time"/g)).toHaveLength(2);
    expect(section.match(/<tr class="persistent">/g)).toHaveLength(1);
    expect(section).toContain('<ul class="persistent">\n<li>Alla barn och unga ska ha tillgång till en meningsfull fritid</li>\n</ul>');
  });
});
