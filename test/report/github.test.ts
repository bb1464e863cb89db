import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { expectGolden } from '../golden/expect-golden.js';
import { reportGoldens } from '../golden/goldens.js';
import { hostileResult, sampleResult } from './sample-results.js';

describe('github', () => {
  for (const golden of reportGoldens('github')) {
    it(`matches ${golden.file}`, () => expectGolden(golden));
  }

  it('escapes as @actions/core does', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
  });

  it('writes one command per flag and per failed document', () => {
    const lines = formatGithub(sampleResult).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^::warning file=rapporter\/Årsredovisning 2025 Vård och omsorg\.pdf,line=7,title=verkstad GREEN_INTERNAL_ONLY%3A Invånarna upplever en trygg och tillgänglig hemtjänst::Målet är grönt/,
    );
    expect(lines[0]).toContain('%0Ap. 7 internal: “Under året har förvaltningen');
    expect(lines[3]).toBe(
      '::error file=reports/broken.pdf,title=verkstad DOCUMENT_ERROR::INVALID_PDF: Invalid PDF structure: the cross-reference table could not be read.',
    );
  });

  it("puts an annotation on a draft goal's own line, and on the page of a PDF goal (which has no lines)", () => {
    const result = structuredClone(sampleResult);
    result.documents[0]!.goals[0]!.line = 5;
    const lines = formatGithub(result).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::warning file=[^,]*,line=5,title=/);
    expect(result.documents[0]!.goals[1]!.line).toBeNull();
    expect(lines[1]).toMatch(new RegExp(`^::warning file=[^,]*,line=${result.documents[0]!.goals[1]!.page},`));
  });

  it('reports a document with no goal with a status (check) as an ::error on the file, titled NO_GOALS', () => {
    const result = structuredClone(sampleResult);
    result.documents[1]!.error = { code: 'NO_GOALS', message: 'No goal with a status found.' };
    result.documents[1]!.goals = [];
    expect(formatGithub(result)).toContain(`::error file=${result.documents[1]!.file},title=verkstad NO_GOALS::NO_GOALS: No goal with a status found.`);
  });

  it('keeps every command on one line and escapes commas and colons in properties', () => {
    const out = formatGithub(hostileResult);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\r');
    const [, properties] = /^::error ([^:]*)::/.exec(lines[0])!;
    expect(properties.split(',').map((p) => p.split('=')[0])).toEqual(['file', 'line', 'title']);
    expect(properties).toContain('file=javascript%3Aalert(1)<img src=x onerror=alert(1)> "report" & co%2C 50%25.pdf');
    expect(properties).toContain('100%25 done');
    expect(lines[1]).toBe(
      '::error file=uploads/</script><script>alert(1)</script>.pdf,title=verkstad DOCUMENT_ERROR::INTERNAL: <img src=x onerror=alert(1)> crashed second line',
    );
  });
});
