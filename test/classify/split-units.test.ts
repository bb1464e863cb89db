import { describe, expect, it } from 'vitest';
import { splitSentencesSv } from '../../src/classify/split.js';

describe('Swedish money units', () => {
  it('end a sentence: "mnkr." before a capital is a full stop', () => {
    expect(splitSentencesSv('Resultatet uppgick till 48 mnkr. Nämnderna redovisar ett underskott på 12 tkr. Det är bra.')).toEqual([
      'Resultatet uppgick till 48 mnkr.',
      'Nämnderna redovisar ett underskott på 12 tkr.',
      'Det är bra.',
    ]);
  });
});
