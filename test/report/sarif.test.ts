import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { SARIF_RULES, formatSarif } from '../../src/report/sarif.js';
import { expectGolden } from '../golden/expect-golden.js';
import { reportGoldens } from '../golden/goldens.js';
import { hostileResult, sampleResult } from './sample-results.js';

const parse = (text: string): Log => JSON.parse(text) as Log;

describe('sarif', () => {
  for (const golden of reportGoldens('sarif')) {
    it(`matches ${golden.file}`, () => expectGolden(golden));
  }

  it('is SARIF 2.1.0 with one run by verkstad and stable rule ids', () => {
    const log = parse(formatSarif(sampleResult));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('verkstad');
    expect(driver.version).toBe(sampleResult.tool.version);
    expect(driver.rules?.map((r) => r.id)).toEqual(['GREEN_INTERNAL_ONLY', 'GREEN_NO_EVIDENCE', 'DOCUMENT_ERROR', 'GREEN_BELOW_TARGET', 'NO_GOALS']);
    for (const result of log.runs[0].results ?? []) {
      expect(driver.rules?.[result.ruleIndex!].id).toBe(result.ruleId);
    }
  });

  it('has one result per flag and per failed document, located by page', () => {
    const log = parse(formatSarif(sampleResult));
    const results = log.runs[0].results!;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['GREEN_INTERNAL_ONLY', 'warning'],
      ['GREEN_NO_EVIDENCE', 'warning'],
      ['GREEN_INTERNAL_ONLY', 'warning'],
      ['DOCUMENT_ERROR', 'error'],
    ]);
    const first = results[0];
    const location = first.locations![0].physicalLocation!;
    expect(location.artifactLocation!.uri).toBe('rapporter/%C3%85rsredovisning%202025%20V%C3%A5rd%20och%20omsorg.pdf');
    expect(location.region).toEqual({ startLine: 7 });
    expect(first.properties?.page).toBe(7);
    expect(first.message.text).toContain('Invånarna upplever en trygg och tillgänglig hemtjänst');
    expect(first.relatedLocations?.map((l) => l.physicalLocation?.region?.startLine)).toEqual([7, 7, 8, 8]);
    expect(results[3].message.text).toBe('INVALID_PDF: Invalid PDF structure: the cross-reference table could not be read.');
    expect(log.runs[0].artifacts?.[0].hashes?.['sha-256']).toBe(sampleResult.documents[0].sha256);
  });

  it("locates a draft goal by its own line (its sentences, which have only a page, by no region); a PDF goal by its page", () => {
    const result = structuredClone(sampleResult);
    result.documents[0]!.goals[0]!.line = 5;
    const [draft, pdf] = parse(formatSarif(result)).runs[0].results!;
    expect(draft!.locations![0].physicalLocation!.region).toEqual({ startLine: 5 });
    expect(draft!.properties?.line).toBe(5);
    expect(draft!.message.text).toContain('(line 5)');
    expect(draft!.relatedLocations!.length).toBeGreaterThan(0);
    for (const l of draft!.relatedLocations!) expect(l.physicalLocation!.region).toBeUndefined();
    expect(pdf!.locations![0].physicalLocation!.region).toEqual({ startLine: result.documents[0]!.goals[1]!.page });
    expect(pdf!.properties?.line).toBeNull();
  });

  it('reports NO_GOALS as a result on that file under its own rule, whose help says what verkstad looks for', () => {
    const result = structuredClone(sampleResult);
    result.documents[1]!.error = { code: 'NO_GOALS', message: 'No goal with a status found.' };
    result.documents[1]!.goals = [];
    const run = parse(formatSarif(result)).runs[0];
    const noGoals = run.results!.find((r) => r.ruleId === 'NO_GOALS')!;
    expect(noGoals.level).toBe('error');
    expect(noGoals.locations![0].physicalLocation!.artifactLocation!.index).toBe(1);
    expect(run.tool.driver.rules![noGoals.ruleIndex!]!.help!.text).toMatch(/status word or symbol/);
  });

  it('takes the level from the flag', () => {
    const changed = structuredClone(sampleResult);
    changed.documents[0].goals[0].flags[0].level = 'note';
    changed.documents[0].goals[1].flags[0].level = 'error';
    const levels = parse(formatSarif(changed)).runs[0].results!.map((r) => r.level);
    expect(levels.slice(0, 2)).toEqual(['note', 'error']);
  });

  it('keeps fingerprints when pages move and the file is edited, and tells goals apart', () => {
    const fingerprints = (text: string) => parse(text).runs[0].results!.map((r) => r.partialFingerprints);
    const before = fingerprints(formatSarif(sampleResult));
    const edited = structuredClone(sampleResult);
    for (const document of edited.documents) {
      document.sha256 = 'f'.repeat(64);
      for (const goal of document.goals) {
        goal.page += 3;
        goal.title = `  ${goal.title.toUpperCase()}  `;
      }
    }
    expect(fingerprints(formatSarif(edited))).toEqual(before);
    const values = before.map((f) => Object.values(f!)[0]);
    expect(new Set(values).size).toBe(values.length);
    expect(Object.keys(before[0]!)).toEqual(['verkstadGoal/v1']);
    expect(values[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps PDF text as plain JSON strings', () => {
    const log = parse(formatSarif(hostileResult));
    const [flag, error] = log.runs[0].results!;
    expect(flag.level).toBe('error');
    expect(flag.message.text).toContain('<script>alert(1)</script>');
    expect(flag.locations![0].physicalLocation!.artifactLocation!.uri).toMatch(/^javascript%3Aalert\(1\)%3Cimg/);
    expect(error.ruleId).toBe('DOCUMENT_ERROR');
    expect(SARIF_RULES.map((r) => r.id)).toContain(error.ruleId);
  });
});
