import { describe, expect, it } from 'vitest';
import { isStatusLine, leadingStatusPhrase } from '../../src/segment/status-line.js';
import { vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');

describe('status-line', () => {
  it.each([
    [sv, 'Delvis uppfyllt – utvecklingen går i rätt riktning'],
    [sv, 'Bedömning: ●'],
    [sv, 'Måluppfyllelse'],
    [en, 'On track ↑'],
    [en, 'G = on track'],
    [en, 'A'],
  ])('states a status: %#', (v, text) => {
    expect(isStatusLine(text, v)).toBe(true);
  });

  it.each([
    [sv, 'Fler elever klarar målen'],
    [sv, 'Kommentar: arbetet fortsätter'],
    [en, 'A well-run council'],
    [en, 'Residents can find good jobs'],
  ])('names a goal or says something else: %#', (v, text) => {
    expect(isStatusLine(text, v)).toBe(false);
  });

  it('counts a lone status letter only as a key ("A = at risk"), never as the article', () => {
    expect(leadingStatusPhrase('A = at risk', en)).toBe(true);
    expect(leadingStatusPhrase('R: off track', en)).toBe(true);
    expect(leadingStatusPhrase('A strong local economy', en)).toBe(false);
  });
});
