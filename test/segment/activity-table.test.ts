import { describe, expect, it } from 'vitest';
import { readActivityTable } from '../../src/segment/activity-table.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, walk } from './build.js';

const status = (x: string) => ({ text: x });

describe('activity-table', () => {
  it("keeps activities as the open goal's, and their comments as its justification", () => {
    const { c, s } = walk('sv');
    const g = c.goals.add('Trygg skola', 1, { status: 'green', statusSource: 'colour', statusEvidence: '' }, '');
    s.current = g;
    const t = grid([['Aktivitet', 'Status', 'Färdiggrad'], ['Trygghetsvandringar', status('Klart'), '100 %'], ['Vandringar hölls på alla', '', ''], ['skolor under våren.', '', '']]);
    readActivityTable(t, readHeader(t, c.v)!, c, s);
    expect(g!.activities).toEqual([{ title: 'Trygghetsvandringar', page: 1, status: 'green' }]);
    expect(g!.justification.map((p) => p.text)).toEqual(['Vandringar hölls på alla skolor under våren.']);
    expect(s.inActivities).toBe(true);
    expect(c.goals.found()).toHaveLength(1);
  });

  it("a row that repeats a goal's title groups the activities after it under that goal", () => {
    const { c, s } = walk('sv');
    const first = c.goals.add('Trygg skola', 1, { status: 'green', statusSource: 'colour', statusEvidence: '' }, '');
    const second = c.goals.add('Fler elever klarar målen', 1, { status: 'yellow', statusSource: 'colour', statusEvidence: '' }, '');
    s.current = second;
    const t = grid([['Aktivitet', 'Status'], ['Trygg skola', ''], ['Trygghetsvandringar', status('Klart')], ['Kommentar: Alla skolor deltog.', '']]);
    readActivityTable(t, readHeader(t, c.v)!, c, s);
    expect(first!.activities.map((a) => a.title)).toEqual(['Trygghetsvandringar']);
    expect(first!.justification.map((p) => p.text)).toEqual(['Alla skolor deltog.']);
    expect(second!.activities).toEqual([]);
  });

  it('a section row ends the group: activities after it belong to no goal', () => {
    const { c, s } = walk('sv');
    const g = c.goals.add('Trygg skola', 1, { status: 'green', statusSource: 'colour', statusEvidence: '' }, '');
    s.current = g;
    const t = grid([['Aktivitet', 'Status'], [{ text: 'Övriga uppdrag', bold: true }, ''], ['Ny webbplats', status('Klart')]]);
    readActivityTable(t, readHeader(t, c.v)!, c, s);
    expect(s.current).toBeNull();
    expect(g!.activities).toEqual([]);
  });
});
