import { describe, expect, it } from 'vitest';
import { GoalList } from '../../src/segment/goal-list.js';
import type { StatusFound } from '../../src/segment/status.js';
import { vocab } from './build.js';

const green: StatusFound = { status: 'green', statusSource: 'word', statusEvidence: '"GREEN"' };

describe('GoalList', () => {
  it('gives each goal a stable id from its page and title, in the public key order', () => {
    const a = new GoalList(vocab('sv')).add('Trygg skola', 3, green, 'Målområde: Trygghet')!;
    const b = new GoalList(vocab('sv')).add('Trygg skola', 3, green, '')!;
    expect(a.id).toMatch(/^[0-9a-f]{12}$/);
    expect(a.id).toBe(b.id);
    expect(b.section).toBeNull();
    expect(a.line).toBeNull(); // a PDF's goal: its page is its place
    expect(new GoalList(vocab('sv')).add('Trygg skola', 1, green, '', false, 5)!.line).toBe(5);
    expect(Object.keys(a)).toEqual(['title', 'page', 'line', 'status', 'statusSource', 'statusEvidence', 'justification', 'indicators', 'activities', 'id', 'section']);
  });

  it('finds a title once, however it is written', () => {
    const goals = new GoalList(vocab('sv'));
    expect(goals.add('Trygg skola', 1, green, '')).not.toBeNull();
    expect(goals.add('"Trygg skola."', 2, green, '')).toBeNull();
    expect(goals.byTitle('trygg skola')?.page).toBe(1);
  });

  it('a KPI from another table under other wording is the one found before; within one table it is not', () => {
    const goals = new GoalList(vocab('en'));
    goals.enterTable(4);
    goals.add('% of calls answered in time', 1, green, '', true);
    expect(goals.add('Proportion of calls answered in time', 1, green, '', true)).not.toBeNull();
    goals.enterTable(9);
    expect(goals.add('Percentage of calls answered in time', 5, green, '', true)).toBeNull();
    expect(goals.add('Percentage of calls answered in time', 5, green, '')).not.toBeNull(); // a heading: exact repeats only
  });

  it('leaves out titles too short to be one', () => {
    const goals = new GoalList(vocab('en'));
    goals.add('1.', 1, green, '');
    goals.add('Residents feel safe', 1, green, '');
    expect(goals.found().map((g) => g.title)).toEqual(['Residents feel safe']);
  });
});
