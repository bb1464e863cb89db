import { describe, expect, it } from 'vitest';
import type { SegmentedGoal } from '../../src/model/goal.js';
import { isStatusParagraph, withoutStatusLine } from '../../src/segment/status-line-not-evidence.js';
import { paragraph, vocab } from './build.js';
import { goal as makeGoal } from './goals.js';

const sv = vocab('sv');
const goal = (justification: SegmentedGoal['justification'] = []) => makeGoal('Trygg skola', { justification });

describe('status-line-not-evidence', () => {
  it('drops a status line at the head of a paragraph', () => {
    expect(withoutStatusLine(paragraph(['Bedömning: Uppfyllt', 'Tryggheten har ökat till', '84 procent.']), sv)).toBe('Tryggheten har ökat till 84 procent.');
  });

  it('keeps a paragraph that opens with anything else, and a one-line status paragraph whole', () => {
    expect(withoutStatusLine(paragraph(['Tryggheten har ökat', 'till 84 procent.']), sv)).toBe('Tryggheten har ökat till 84 procent.');
    expect(withoutStatusLine(paragraph(['Uppfyllt']), sv)).toBe('Uppfyllt');
  });

  it('a status alone before any justification is the status line', () => {
    expect(isStatusParagraph('Delvis uppfyllt', goal(), sv)).toBe(true);
    expect(isStatusParagraph('Delvis uppfyllt', goal([{ text: 'Tryggheten har ökat.', page: 1 }]), sv)).toBe(false);
    expect(isStatusParagraph('Tryggheten har ökat.', goal(), sv)).toBe(false);
  });

  it('a labelled status sentence ("Bedömning: Målet är uppnått.") before any justification is the status line', () => {
    expect(isStatusParagraph('Bedömning: Målet är uppnått.', goal(), sv)).toBe(true);
    expect(isStatusParagraph('Bedömning: Målet är delvis uppnått.', goal(), sv)).toBe(true);
    expect(isStatusParagraph('Bedömning: Arbetet med bostäderna har gått bra.', goal(), sv)).toBe(false);
  });
});
