import { describe, expect, it } from 'vitest';
import { goalTitle, withoutGoalNumber } from '../../src/segment/goal-number.js';
import { vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('goal-number', () => {
  it.each([
    ['Mål 2: Fler äldre deltar i föreningslivet', 'Fler äldre deltar i föreningslivet'],
    ['Mål 1. Fler arbetssökande går till arbete', 'Fler arbetssökande går till arbete'],
    ['Nämndmål 3 – Trygg och säker skolmiljö', 'Trygg och säker skolmiljö'],
    ['KF-mål 4.2: Bostäder för alla', 'Bostäder för alla'],
    ['Delmål 12 Barn ska känna sig trygga', 'Barn ska känna sig trygga'],
  ])('takes the goal number off a Swedish title: %s', (title, want) => {
    expect(withoutGoalNumber(title, sv)).toBe(want);
  });

  it.each([
    ['Goal 3: Residents can find good jobs close to home', 'Residents can find good jobs close to home'],
    ['Priority 2 - Clean and green neighbourhoods', 'Clean and green neighbourhoods'],
    ['Well-being Objective 1: Children get the best start in life', 'Children get the best start in life'],
    ['Outcome 4) Fewer households are homeless', 'Fewer households are homeless'],
  ])('and off an English one: %s', (title, want) => {
    expect(withoutGoalNumber(title, en)).toBe(want);
  });

  it('takes an outline number of two levels or more off a heading, and keeps one of one level', () => {
    expect(withoutGoalNumber('1.2 Fler ska resa kollektivt, gå eller cykla', sv)).toBe('Fler ska resa kollektivt, gå eller cykla');
    expect(withoutGoalNumber('2.1.3 Residents feel safe in their neighbourhood', en)).toBe('Residents feel safe in their neighbourhood');
    expect(withoutGoalNumber('3 Fler ska resa kollektivt', sv)).toBe('3 Fler ska resa kollektivt');
    expect(withoutGoalNumber('1 000 nya bostäder ska byggas', sv)).toBe('1 000 nya bostäder ska byggas');
    expect(withoutGoalNumber('2.5 procent fler invånare ska ha arbete', sv)).toBe('2.5 procent fler invånare ska ha arbete');
  });

  it('keeps a number that is not a goal number, a year, or a number inside the title', () => {
    expect(withoutGoalNumber('Kapitel 3: Ekonomisk översikt', sv)).toBe('Kapitel 3: Ekonomisk översikt');
    expect(withoutGoalNumber('Mål 2030: Klimatneutral kommun', sv)).toBe('Mål 2030: Klimatneutral kommun');
    expect(withoutGoalNumber('Fler än 3 av 4 elever når målen', sv)).toBe('Fler än 3 av 4 elever når målen');
    expect(withoutGoalNumber('Appendix 2: Council Plan measures', en)).toBe('Appendix 2: Council Plan measures');
    expect(withoutGoalNumber('Mål 2:', sv)).toBe('Mål 2:');
  });

  it('goalTitle also takes the status symbols off (title-text)', () => {
    expect(goalTitle('● Mål 5: Trygg skola', sv)).toBe('Trygg skola');
  });
});
