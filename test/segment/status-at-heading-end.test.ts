import { describe, expect, it } from 'vitest';
import { statusAtHeadingEnd } from '../../src/segment/status-at-heading-end.js';
import { line, spannedLine, vocab } from './build.js';

const en = vocab('en'), sv = vocab('sv');

describe('status-at-heading-end', () => {
  it('reads a rating word set apart at the heading’s right end, and joins the wrapped title without it', () => {
    const found = statusAtHeadingEnd([
      spannedLine([['Percentage of household waste sent for reuse, recycling', 50], ['GREEN', 490]]),
      line('and composting', { bold: true, fontSize: 14, y: 116 }),
    ], en);
    expect(found?.title).toBe('Percentage of household waste sent for reuse, recycling and composting');
    expect(found?.status).toMatchObject({ status: 'green', statusSource: 'word', statusEvidence: expect.stringContaining('"GREEN" at the heading\'s right end') });
    expect(statusAtHeadingEnd([spannedLine([['Fly-tipping cleared within two days', 50], ['RED', 500]])], en)?.status.status).toBe('red');
    expect(statusAtHeadingEnd([spannedLine([['Trygg och säker skolmiljö', 50], ['Delvis uppfyllt', 420]])], sv)?.status.status).toBe('yellow');
  });

  it('reads nothing from a heading of one piece, a last piece that is no status, or a lone letter', () => {
    expect(statusAtHeadingEnd([line('Residents feel safe GREEN', { bold: true })], en)).toBeNull();
    expect(statusAtHeadingEnd([spannedLine([['Waste and recycling', 50], ['Page 4', 500]])], en)).toBeNull();
    expect(statusAtHeadingEnd([spannedLine([['Appendix', 50], ['A', 500]])], en)).toBeNull();
  });

  it('reads a rating word that layout left as a line of its own on the title’s baseline, right of it', () => {
    const found = statusAtHeadingEnd([line('New affordable homes delivered', { bold: true }), line('GREEN', { bold: true, x: 506 })], en);
    expect(found).toMatchObject({ title: 'New affordable homes delivered', status: { status: 'green', statusSource: 'word' } });
    // A status word on the next line down, or left of the title's end, is no box at the heading's end.
    expect(statusAtHeadingEnd([line('New affordable homes delivered', { bold: true }), line('GREEN', { bold: true, x: 50, y: 114 })], en)).toBeNull();
  });
});
