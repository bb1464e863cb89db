import { describe, expect, it } from 'vitest';
import type { GoalOverTime, GoalsOverTime, OrganisationOverTime } from '../../src/model/result.js';
import { formatHtml } from '../../src/report/html.js';
import { OVER_TIME_ROWS } from '../../src/report/html-over-time.js';
import { sampleResult } from './sample-results.js';

const period = (p: string) => ({ period: p, kind: 'årsredovisning', file: `${p}<x>.pdf` });
function goal(title: string, statuses: ('green' | 'red')[]): GoalOverTime {
  return {
    title,
    persistentlyGreenWithoutEvidence: false,
    periods: statuses.map((status, i) => ({ ...period(`202${i}`), title, page: 2, status, flags: [], evidence: 'none', residentFacingSentences: 0, match: 1 })),
  };
}
const org = (organisation: string | null, goals: GoalOverTime[], periods = 2): OrganisationOverTime => ({
  organisation,
  periods: Array.from({ length: periods }, (_, i) => period(`202${i}`)),
  goals,
});
const html = (overTime: GoalsOverTime) => formatHtml({ ...sampleResult, goalsOverTime: overTime });
const section = (text: string) => text.slice(text.indexOf('<section id="over-time"'), text.indexOf('</section>', text.indexOf('<section id="over-time"')));

describe('report.html across time', () => {
  it('is left out when no organisation has two reports, and leaves out reports whose organisation was not read', () => {
    expect(html([org('Ekby', [goal('A', ['green'])], 1), org(null, [goal('B', ['green', 'red'])])])).not.toContain('id="over-time"');
    const s = section(html([org('Ekby', [goal('A', ['green', 'red'])]), org(null, [goal('B', ['green', 'red'])])]));
    expect(s).toContain('2 reports whose organisation was not read are left out');
    expect(s.match(/<details/g)).toHaveLength(1);
  });

  it('escapes what the documents say: organisation, titles and paths', () => {
    const s = section(html([org('<img src=x onerror=alert(1)>', [goal('<script>alert(1)</script>', ['green', 'green'])])]));
    expect(s).not.toMatch(/<img|<script/);
    expect(s).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(s).toContain('title="2020&lt;x&gt;.pdf"');
  });

  it('shows at most OVER_TIME_ROWS goals of an organisation and counts the rest', () => {
    const goals = Array.from({ length: OVER_TIME_ROWS + 3 }, (_, i) => goal(`Mål ${i}`, ['green', 'red']));
    const s = section(html([org('Ekby', goals)]));
    expect(s.match(/<tr><td>Mål /g)).toHaveLength(OVER_TIME_ROWS);
    expect(s).toContain('3 more goals: see goals_over_time.csv.');
  });
});
