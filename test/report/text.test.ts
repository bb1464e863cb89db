import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { expectGolden } from '../golden/expect-golden.js';
import { reportGoldens } from '../golden/goldens.js';
import { hostileResult, sampleResult } from './sample-results.js';

describe('text', () => {
  for (const golden of [...reportGoldens('text'), ...reportGoldens('text-colour'), ...reportGoldens('text-why')]) {
    it(`matches ${golden.file}`, () => expectGolden(golden));
  }

  it('writes no escape character at all without colour, even when the PDF holds one', () => {
    expect(hostileResult.documents[0].goals[0].sentences.some((s) => s.text.includes('\u001b'))).toBe(true);
    for (const why of [false, true]) expect(formatText(hostileResult, { colour: false, why })).not.toContain('\u001b');
  });

  it('with colour, writes only its own SGR sequences', () => {
    const text = formatText(hostileResult, { colour: true, why: true });
    expect(text).toContain('\u001b[1m');
    expect(text.match(/\u001b[^[]/g)).toBeNull();
    expect(text.match(/\u001b\[[0-9;]*[^0-9;m]/g)).toBeNull();
    expect(text).not.toContain('\u001b[31mred');
  });

  it('lists flagged goals first, then the others, then a summary', () => {
    const text = formatText(sampleResult, { colour: false });
    const block = text.slice(0, text.indexOf('reports/QPR Q3 2025.pdf'));
    const flaggedAt = block.indexOf('Invånarna upplever en trygg och tillgänglig hemtjänst');
    const noEvidenceAt = block.indexOf('Fler äldre ska kunna bo kvar hemma med stöd');
    const othersAt = block.indexOf('Other goals (4)');
    expect(flaggedAt).toBeGreaterThan(-1);
    expect(noEvidenceAt).toBeGreaterThan(flaggedAt);
    expect(othersAt).toBeGreaterThan(noEvidenceAt);
    expect(block).toContain('warning GREEN_INTERNAL_ONLY: Målet är grönt');
    expect(block).toContain('p. 8    intention  “Fokus kommer att läggas på kontinuitet under 2026.”');
    expect(block).toContain('6 goals (4 green, 1 yellow, 1 red); 2 of 4 green flagged; 25% of green goals have resident-facing evidence');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '3 documents (1 could not be analysed); 10 goals (6 green, 2 yellow, 1 red, 1 unknown); 3 of 6 green flagged; 17% of green goals have resident-facing evidence',
    );
  });

  it('with why, gives the rule ids per sentence and how the status was read', () => {
    const plain = formatText(sampleResult, { colour: false });
    const why = formatText(sampleResult, { colour: false, why: true });
    expect(plain).not.toContain('sv/internal/organisation');
    expect(why).toContain('why: sv/internal/utbildning-personal, sv/internal/system (confidence 0.90)');
    expect(why).toContain('status green from colour: image mark #99cb03 in column Bedömning');
    expect(why).toContain('orientation organisation (sv/orientation/attraktiv-arbetsgivare)');
    expect(why).toContain('not flagged: Målet gäller organisationen själv');
  });
});
