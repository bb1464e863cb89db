import { describe, expect, it } from 'vitest';
import { splitSentencesEn, splitSentencesSv } from '../../src/classify/split.js';

describe('sentence splitting', () => {
  it('keeps Swedish abbreviations, numbers and dates inside sentences', () => {
    expect(splitSentencesSv('Arbetet sker bl.a. Region Skåne och t.ex. Skolverket. Andelen var 12,5 % och 1 250 hushåll fick stöd den 2025-06-30. Det var bra m.m.')).toEqual([
      'Arbetet sker bl.a. Region Skåne och t.ex. Skolverket.',
      'Andelen var 12,5 % och 1 250 hushåll fick stöd den 2025-06-30.',
      'Det var bra m.m.',
    ]);
  });
  it('splits English with compromise', () => {
    expect(splitSentencesEn('Dr. Smith said it rose to 5.5%. Work will continue.')).toEqual(['Dr. Smith said it rose to 5.5%.', 'Work will continue.']);
  });
});
