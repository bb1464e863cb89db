import { describe, expect, it } from 'vitest';
import { statusInHeading, stripStatusLabel } from '../../src/segment/status-in-heading.js';
import { vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('status-in-heading', () => {
  it('reads a status after a dash where the heading names a status label elsewhere', () => {
    expect(statusInHeading('Trygg skola (bedömning) – Uppfyllt', sv)).toMatchObject({ status: 'green', statusSource: 'word' });
    expect(statusInHeading('Residents feel safe (RAG) - Amber', en)?.status).toBe('yellow');
  });

  it('reads a status right after its label, where a title stands before the label', () => {
    expect(statusInHeading('Trygg skola – Status: Uppfyllt', sv)).toMatchObject({ status: 'green', statusEvidence: '"Uppfyllt" in the heading (sv/status/uppfyllt)' });
    expect(statusInHeading('Trygg skola – Bedömning: Delvis uppfyllt', sv)?.status).toBe('yellow');
    expect(statusInHeading('Residents feel safe - RAG: Green', en)?.status).toBe('green');
  });

  it('reads nothing without a label, without a status at the end, or from a label and status alone (a status line)', () => {
    expect(statusInHeading('Trygg skola – Uppfyllt', sv)).toBeNull();
    expect(statusInHeading('Bedömning – trygg skola', sv)).toBeNull();
    expect(statusInHeading('Status: Uppfyllt', sv)).toBeNull();
    expect(statusInHeading('Bedömning – Uppfyllt', sv)).toBeNull();
  });

  it("uses only the report language's labels", () => {
    expect(statusInHeading('Trygg skola (RAG) – Uppfyllt', sv)).toBeNull();
  });

  it('takes a trailing "– Status: <status>" off a title', () => {
    expect(stripStatusLabel('Trygg skola – Status: Uppfyllt', sv)).toBe('Trygg skola');
    expect(stripStatusLabel('Residents feel safe - RAG: Green', en)).toBe('Residents feel safe');
  });

  it('keeps a title whose labelled end states no status, or that has no label', () => {
    expect(stripStatusLabel('Trygg skola – Status: se bilaga', sv)).toBe('Trygg skola – Status: se bilaga');
    expect(stripStatusLabel('Trygg skola – Uppfyllt', sv)).toBe('Trygg skola – Uppfyllt');
  });
});
