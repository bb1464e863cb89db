import { describe, expect, it } from 'vitest';
import { isSymbolTitle, statusSymbolInTitle } from '../../src/segment/status-symbol-in-title.js';
import { paragraph, vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('status-symbol-in-title', () => {
  it('reads a smiley before or after the title by its face, and keeps the rest as the title', () => {
    expect(statusSymbolInTitle('☺ Fler hushåll sorterar sitt matavfall', 3, sv)).toEqual({
      status: { status: 'green', statusSource: 'word', statusEvidence: '"☺" beside the title on page 3 (sv/status/glad-gubbe)' },
      title: 'Fler hushåll sorterar sitt matavfall',
    });
    expect(statusSymbolInTitle('Trygg skola 😐', 1, sv)?.status.status).toBe('yellow');
    expect(statusSymbolInTitle('☹ Kortare väntetid till särskilt boende', 1, sv)?.status.status).toBe('red');
    expect(statusSymbolInTitle('🙂 Residents feel safe at night', 1, en)?.status.status).toBe('green');
  });

  it('reads nothing from a key of several smileys, a key entry, a smiley inside the title, or a title of one symbol', () => {
    expect(statusSymbolInTitle('☺ Uppfyllt 😐 Delvis uppfyllt ☹ Ej uppfyllt', 1, sv)).toBeNull();
    expect(statusSymbolInTitle('☺ Målet är uppfyllt', 1, sv)).toBeNull();
    expect(statusSymbolInTitle('Trygg ☺ skola', 1, sv)).toBeNull();
    expect(statusSymbolInTitle('☺', 1, sv)).toBeNull();
    expect(statusSymbolInTitle('Trygg skola', 1, sv)).toBeNull();
  });

  it('a short paragraph with a smiley is a title; a long one is commentary', () => {
    expect(isSymbolTitle(paragraph(['😊 Fler besökare på biblioteken']), sv)).toBe(true);
    expect(isSymbolTitle(paragraph(['Besöken ökade med tio procent och fler lånade e-böcker än året innan, vilket vi är glada över, och', 'utlåningen till barn ökade mest av alla grupper under hela året som gick i kommunen 😊']), sv)).toBe(false);
  });
});
