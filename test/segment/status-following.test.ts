import { describe, expect, it } from 'vitest';
import { emptyLegend } from '../../src/segment/status.js';
import { statusFollowing } from '../../src/segment/status-following.js';
import { grid, heading, mark, paragraph, tableUnit, vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');
const legend = emptyLegend();

describe('status-following', () => {
  it('reads "Status: Uppfyllt" on the line under the heading', () => {
    const us = [heading('Trygg skola'), paragraph(['Status: Uppfyllt', 'Tryggheten har ökat.'])];
    expect(statusFollowing(us, 0, sv, legend)).toMatchObject({ status: 'green', statusSource: 'word', statusEvidence: expect.stringContaining('Status: Uppfyllt') });
  });

  it('reads a first sentence that states the status ("Målet bedöms uppnås.")', () => {
    const us = [heading('Trygg skola'), paragraph(['Målet bedöms uppnås. Tryggheten har ökat.'])];
    expect(statusFollowing(us, 0, sv, legend)?.status).toBe('green');
  });

  it('looks past a "Kommentar" label heading', () => {
    const us = [heading('Trygg skola'), heading('Kommentar'), paragraph(['Bedömning: Delvis uppfyllt'])];
    expect(statusFollowing(us, 0, sv, legend)?.status).toBe('yellow');
  });

  it('reads a drawn status beside a status label ("Måluppfyllelse: ●") or a status phrase ("⬤ On track")', () => {
    expect(statusFollowing([heading('Trygg skola'), paragraph(['Måluppfyllelse:'], { marks: [mark('red')] })], 0, sv, legend)).toMatchObject({ status: 'red', statusSource: 'colour' });
    expect(statusFollowing([heading('Residents feel safe'), paragraph(['⬤ On track ↑'], { marks: [mark('green', { kind: 'glyph', shape: '⬤' })] })], 0, en, legend)?.status).toBe('green');
  });

  it('finds nothing in commentary, after a table or another heading, or beyond the next two units', () => {
    expect(statusFollowing([heading('Trygg skola'), paragraph(['Tryggheten har ökat enligt enkäten.'])], 0, sv, legend)).toBeNull();
    expect(statusFollowing([heading('Trygg skola'), tableUnit(grid([['Status: Uppfyllt']])), paragraph(['Status: Uppfyllt'])], 0, sv, legend)).toBeNull();
    expect(statusFollowing([heading('Trygg skola'), heading('Förskola'), paragraph(['Status: Uppfyllt'])], 0, sv, legend)).toBeNull();
    expect(statusFollowing([heading('Trygg skola'), heading('Kommentar'), paragraph(['Inget.']), paragraph(['Status: Uppfyllt'])], 0, sv, legend)).toBeNull();
  });

  it('takes no status from a marked line that is a goal of its own', () => {
    expect(statusFollowing([heading('Målområde'), paragraph(['Fler elever klarar målen'], { marks: [mark('green')] })], 0, sv, legend)).toBeNull();
  });

  it('counts "Målet …" as a status sentence only with a status phrase of three words or more', () => {
    expect(statusFollowing([heading('Trygg skola'), paragraph(['Målet har följts upp. Uppfyllt.'])], 0, sv, legend)).toBeNull();
  });
});
