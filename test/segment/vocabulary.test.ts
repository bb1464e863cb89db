import { describe, expect, it } from 'vitest';
import { statusInSentence, statusOfText } from '../../src/segment/vocabulary.js';
import { vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('vocabulary: status labels from rules/<lang>/structure.yaml', () => {
  it('reads the status after a label of the language ("Bedömning: Delvis uppfyllt", "RAG: Amber")', () => {
    expect(statusOfText('Bedömning: Delvis uppfyllt', sv)?.status).toBe('yellow');
    expect(statusOfText('Bedömd måluppfyllelse = Uppfyllt', sv)?.status).toBe('green');
    expect(statusOfText('RAG status: Amber', en)?.status).toBe('yellow');
  });

  it("reads a status-column word after a label, not alone; and no other language's label", () => {
    expect(statusOfText('Status: Met', en)?.status).toBe('green');
    expect(statusOfText('Met', en)).toBeNull();
    expect(statusOfText('RAG: Uppfyllt', sv)).toBeNull();
  });

  it('counts a one-word status inside a sentence only after a label ("Bedömningen: uppfyllt")', () => {
    expect(statusInSentence('Bedömningen är uppfyllt', sv)?.status).toBe('green');
    expect(statusInSentence('Arbetet är uppfyllt', sv)).toBeNull();
    expect(statusInSentence('Arbetet visar att målet bedöms uppnås', sv)?.status).toBe('green');
  });
});
