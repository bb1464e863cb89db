/**
 * A flag's message agrees with the sentences it lists: where a sentence labelled outcome or output is quoted but
 * falls below the confidence threshold, the message says so, instead of "none of its sentences shows a result".
 */
import { describe, expect, it } from 'vitest';
import { assessGoals } from '../../src/assess/index.js';
import { defaultConfig } from '../../src/assess/config.js';
import type { ClassifiedGoal } from '../../src/model/goal.js';
import type { Label, Sentence } from '../../src/model/result.js';

const sentence = (text: string, label: Label, confidence: number): Sentence => ({
  text, label, residentFacing: label === 'outcome' || label === 'output', confidence, reasons: [], page: 4,
});

const goal = (title: string, sentences: Sentence[]): ClassifiedGoal => ({
  id: 'g1', title, page: 4, status: 'green', statusSource: 'word', statusEvidence: '"Uppfyllt"',
  orientation: 'residents', orientationReason: null, justification: [], indicators: [], activities: [], sentences,
});

const flagOf = (g: ClassifiedGoal, lang: 'sv' | 'en') => assessGoals([g], lang, defaultConfig())[0].flags[0];

describe('flag message', () => {
  it('Swedish: says that a quoted output sentence is below the confidence threshold', () => {
    const f = flagOf(goal('Fler besökare på biblioteken', [
      sentence('En ny organisation för biblioteken har införts.', 'internal', 0.9),
      sentence('Meröppet har införts på två filialer.', 'output', 0.41),
    ]), 'sv');
    expect(f.code).toBe('GREEN_INTERNAL_ONLY');
    expect(f.message).toContain('1 mening läses som ett resultat för invånarna men under säkerhetströskeln 0.5');
    expect(f.message).not.toMatch(/allt handlar om internt arbete/);
    expect(f.sentences.map((s) => s.label)).toEqual(['internal', 'output']);
  });

  it('English: counts every such sentence, and does not claim the rest is internal when there is no rest', () => {
    const two = flagOf(goal('Residents recycle more of their waste', [
      sentence('Food waste collections were extended to flats.', 'output', 0.44),
      sentence('Recycling rose slightly in the north of the borough.', 'outcome', 0.38),
    ]), 'en');
    expect(two.message).toContain('2 sentences read as a result for residents but below the confidence threshold 0.5.');
    expect(two.message).not.toMatch(/the rest is/);
    const one = flagOf(goal('Residents recycle more of their waste', [
      sentence('A waste strategy board has been set up.', 'internal', 0.95),
      sentence('Food waste collections were extended to flats.', 'output', 0.44),
    ]), 'en');
    expect(one.message).toContain('1 sentence reads as a result for residents but below the confidence threshold 0.5; the rest is internal work');
  });

  it('keeps the plain message where no sentence reads as a result for residents', () => {
    expect(flagOf(goal('Trygg skola', [sentence('En handlingsplan har tagits fram.', 'internal', 0.9)]), 'sv').message).toMatch(/allt handlar om internt arbete, planer eller bakgrund\.$/);
    expect(flagOf(goal('Safe streets', [sentence('A working group was formed.', 'internal', 0.9)]), 'en').message).toMatch(/all of it is internal work, plans or background\.$/);
  });

  it('follows the configured threshold', () => {
    const g = goal('Trygg skola', [sentence('Fler elever känner sig trygga.', 'outcome', 0.6)]);
    const [strict] = assessGoals([g], 'sv', { ...defaultConfig(), minResidentConfidence: 0.7 });
    expect(strict.flags[0].message).toContain('under säkerhetströskeln 0.7');
    expect(assessGoals([g], 'sv', defaultConfig())[0].flags).toEqual([]);
  });
});
