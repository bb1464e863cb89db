import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalsOverTime } from '../../src/model/result.js';
import { openStore } from '../../src/store/sqlite.js';

const entry = (period: string, file: string, status: 'green' | 'red') => ({
  period, kind: 'årsredovisning', file, title: `Renare sjöar ${period}`, page: 3, status, flags: [], evidence: 'none' as const, residentFacingSentences: 0, match: period === '2023' ? 1 : 0.8,
});
const twoYears: GoalsOverTime = [
  {
    organisation: 'Ekby kommun',
    periods: [{ period: '2023', kind: 'årsredovisning', file: 'a.pdf' }, { period: '2024', kind: 'årsredovisning', file: 'b.pdf' }],
    goals: [{ title: 'Renare sjöar 2024', persistentlyGreenWithoutEvidence: false, periods: [entry('2023', 'a.pdf', 'green'), entry('2024', 'b.pdf', 'red')] }],
  },
];

describe('the goals_over_time table', () => {
  it('is rewritten whole with each archive\'s goals over time', () => {
    const store = openStore(fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-store-')));
    try {
      store.replaceGoalsOverTime(twoYears);
      const rows = () => store.db.prepare('SELECT organisation, goal, goal_title, period_order, period, file, title, match, status, flag_codes FROM goals_over_time ORDER BY period_order').all();
      expect(rows()).toEqual([
        { organisation: 'Ekby kommun', goal: 1, goal_title: 'Renare sjöar 2024', period_order: 0, period: '2023', file: 'a.pdf', title: 'Renare sjöar 2023', match: 1, status: 'green', flag_codes: '' },
        { organisation: 'Ekby kommun', goal: 1, goal_title: 'Renare sjöar 2024', period_order: 1, period: '2024', file: 'b.pdf', title: 'Renare sjöar 2024', match: 0.8, status: 'red', flag_codes: '' },
      ]);
      store.replaceGoalsOverTime([{ ...twoYears[0]!, organisation: null, goals: [{ ...twoYears[0]!.goals[0]!, periods: [entry('2024', 'b.pdf', 'red')] }] }]);
      expect(rows()).toHaveLength(1);
      expect(rows()[0]).toMatchObject({ organisation: null, period_order: 1 });
    } finally {
      store.close();
    }
  });
});
