import { describe, expect, it } from 'vitest';
import { opensWithLabel, stripLabel, textAfterLabelHeading } from '../../src/segment/justification-label.js';
import { vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('justification-label', () => {
  it.each([
    [sv, 'Kommentar: Arbetet har fortsatt.', 'Arbetet har fortsatt.'],
    [sv, 'Analys', ''],
    [en, 'Commentary: Performance improved.', 'Performance improved.'],
  ])('takes the label off: %#', (v, text, rest) => {
    expect(stripLabel(text, v)).toBe(rest);
  });

  it.each([
    [sv, 'Analysen visar att andelen har ökat.'],
    [sv, 'Resultat 2025: andelen ökade till 84 procent'],
    [en, 'Commentary on this page is limited'],
  ])('leaves text that only starts like a label: %#', (v, text) => {
    expect(stripLabel(text, v)).toBe(text);
  });

  it('tells a label row from a comment row', () => {
    expect(opensWithLabel('Kommentar:', sv)).toBe(true);
    expect(opensWithLabel('Kommentar: Arbetet har fortsatt.', sv)).toBe(true);
    expect(opensWithLabel('Arbetet har fortsatt: tre träffar hölls.', sv)).toBe(false);
  });

  it('reads the text after a label set as a heading', () => {
    expect(textAfterLabelHeading('Kommentar: Arbetet har fortsatt.')).toBe('Arbetet har fortsatt.');
    expect(textAfterLabelHeading('Kommentar:')).toBeNull();
    expect(textAfterLabelHeading('Kommentar')).toBeNull();
  });
});
