import { describe, expect, it } from 'vitest';
import { distributeCommentary } from '../../src/segment/commentary-before-table.js';
import { vocab } from './build.js';
import { goal } from './goals.js';

const en = vocab('en');

describe('commentary-before-table', () => {
  it("a paragraph that opens by naming one KPI is that KPI's alone, without the naming sentence", () => {
    const ehc = goal('% of EHC plans issued within 20 weeks'), exclusions = goal('% of pupils permanently excluded from school');
    distributeCommentary([ehc, exclusions], [{ text: 'EHC plans issued within 20 weeks. Timeliness rose to 61% as two new caseworkers started.', page: 4 }], en);
    expect(ehc.justification).toEqual([{ text: 'Timeliness rose to 61% as two new caseworkers started.', page: 4 }]);
    expect(exclusions.justification).toEqual([]);
  });

  it("the directorate's running commentary goes to every KPI without a comment of its own", () => {
    const a = goal('% of calls answered'), b = goal('% of complaints responded to in time', { justification: [{ text: 'Own comment.', page: 3 }] });
    const general = { text: 'Demand across the directorate stayed high through the quarter, and recruitment remains difficult in several teams.', page: 3 };
    distributeCommentary([a, b], [general], en);
    expect(a.justification).toEqual([general]);
    expect(b.justification).toEqual([{ text: 'Own comment.', page: 3 }]);
  });

  it('an opening sentence that names two KPIs equally belongs to neither', () => {
    const a = goal('Calls answered on time'), b = goal('Calls answered on time by partners');
    distributeCommentary([a, b], [{ text: 'Calls answered. Both measures improved.', page: 2 }], en);
    expect(a.justification.map((p) => p.text)).toEqual(['Calls answered. Both measures improved.']);
    expect(b.justification.map((p) => p.text)).toEqual(['Calls answered. Both measures improved.']);
  });
});
