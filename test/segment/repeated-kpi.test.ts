import { describe, expect, it } from 'vitest';
import { sameKpi } from '../../src/segment/repeated-kpi.js';
import { titleWords } from '../../src/segment/title-words.js';
import { vocab } from './build.js';

const en = vocab('en');
const same = (a: string, b: string) => sameKpi(titleWords(a, en), titleWords(b, en));

describe('repeated-kpi', () => {
  it('a title that shares three quarters of the shorter one’s words names the same KPI', () => {
    expect(same('% of calls answered in time', 'Proportion of calls answered in time by the contact centre')).toBe(true);
    expect(same('Homes delivered this year', 'Number of homes delivered this year')).toBe(true);
  });

  it('different KPIs, or titles of fewer than three words, are not the same', () => {
    expect(same('% of calls answered in time', '% of complaints upheld after review')).toBe(false);
    expect(same('Sickness absence', 'Sickness absence')).toBe(false);
  });

  it('is words, not meaning: three of four words in common is the same KPI (a limit, written down)', () => {
    expect(same('% of calls answered in time', '% of complaints answered in time')).toBe(true);
  });
});
