import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/md.js';
import { expectGolden } from '../golden/expect-golden.js';
import { reportGoldens } from '../golden/goldens.js';
import { hostileResult, sampleResult } from './sample-results.js';

describe('md', () => {
  for (const golden of reportGoldens('md')) {
    it(`matches ${golden.file}`, () => expectGolden(golden));
  }

  it('gives each document a heading and puts flagged goals before the table of all goals', () => {
    const md = formatMarkdown(sampleResult);
    const sv = md.indexOf('## rapporter/Årsredovisning 2025 Vård och omsorg.pdf');
    const flagged = md.indexOf('#### Invånarna upplever en trygg och tillgänglig hemtjänst', sv);
    const table = md.indexOf('| Page | Status | Title |', sv);
    expect(sv).toBeGreaterThan(-1);
    expect(flagged).toBeGreaterThan(sv);
    expect(table).toBeGreaterThan(flagged);
    expect(md).toContain('- p. 8, *intention*: “Fokus kommer att läggas på kontinuitet under 2026.”');
    expect(md).toContain('**Could not be analysed:** INVALID_PDF: Invalid PDF structure');
  });

  it('escapes markup from the PDF: no raw HTML, no table breaks, no links', () => {
    const md = formatMarkdown(hostileResult);
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).not.toMatch(/(^|[^\\])\[link\]/);
    expect(md).not.toContain('\u001b');
    for (const row of md.split('\n').filter((line) => line.startsWith('| '))) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect(cells, row).toBe(6);
    }
  });
});
