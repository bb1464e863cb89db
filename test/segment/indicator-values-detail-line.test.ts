import { describe, expect, it } from 'vitest';
import { attachDetailLines, detailLineValues } from '../../src/segment/indicator-values-detail-line.js';
import { indicatorOfRow } from '../../src/segment/indicator-values.js';
import { goal } from './goals.js';
import { grid, heading, paragraph, tableUnit, vocab } from './build.js';

const en = vocab('en');
const sv = vocab('sv');

describe('indicator-values-detail-line', () => {
  it('reads the labelled figures of a KPI panel’s line, with or without colons and commas', () => {
    expect(detailLineValues('Latest: 81% Target: 80%, Floor: 75% Previous: 79% (Amber)', en)).toEqual({ latest: '81%', target: '80%', floor: '75%', previous: '79%' });
    expect(detailLineValues('Latest:0.07% Target: 0.05%, Floor 0.09% Previous 0.06% (Amber)', en)).toEqual({ latest: '0.07%', target: '0.05%', floor: '0.09%', previous: '0.06%' });
    expect(detailLineValues('Latest: 12,450 Target:12,000 Floor: 11,000 Previous 12,101 (Green)', en)).toMatchObject({ latest: '12,450', target: '12,000' });
    expect(detailLineValues('Utfall 2025: 412 Målvärde 2025: 450', sv)).toEqual({ latest: '412', target: '450' });
  });

  it('a line without both a latest value and a target is no detail line', () => {
    expect(detailLineValues('Latest: 81% Previous: 79%', en)).toBeNull();
    expect(detailLineValues('The target of 80% was met for the third quarter running.', en)).toBeNull();
  });

  it('gives the figures to the KPI its panel title names, the best match among similar titles', () => {
    const blank = (name: string, status: 'green' | 'yellow' = 'green') => indicatorOfRow({ name, page: 3, status, cells: [] }, null, en);
    const pothole = goal('% of routine pothole repairs completed within 28 days', { indicators: [blank('% of routine pothole repairs completed within 28 days')] });
    const highway = goal('% of routine highway repairs reported by residents completed within 28 days', { status: 'yellow', indicators: [blank('% of routine highway repairs reported by residents completed within 28 days', 'yellow')] });
    attachDetailLines(
      [
        heading('Key Performance Indicators', { page: 9 }),
        paragraph(['Percentage of routine highway repairs reported by residents completed within 28 days'], { page: 9 }),
        tableUnit(grid([['Latest: 88% | Target: 90%, Floor: 80% | Previous: 91% (Green)'], ['Percentage of routine pothole repairs completed within 28 days', 'GREEN']], { page: 9 })),
        paragraph(['Latest: 93% Target: 90%, Floor: 80% Previous: 95% (Green)'], { page: 10 }),
      ],
      [pothole, highway],
      en,
    );
    expect(highway.indicators[0]).toMatchObject({ latest: 88, target: 90, floor: 80, previous: 91, meetsTarget: false, page: 9, status: 'yellow', source: 'detail-line' });
    expect(pothole.indicators[0]).toMatchObject({ latest: 93, target: 90, meetsTarget: true, page: 10 });
  });

  it('a KPI that has figures already keeps them; a line with no title before it goes nowhere', () => {
    const g = goal('Homes delivered through the empty homes scheme', { indicators: [indicatorOfRow({ name: 'x', page: 1, status: 'green', cells: [] }, null, en)] });
    attachDetailLines([paragraph(['Latest: 40 Target: 50'])], [g], en);
    expect(g.indicators[0]!.latest).toBeNull();
  });
});
