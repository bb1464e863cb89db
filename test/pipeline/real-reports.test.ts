import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBytes, runStages } from '../../src/pipeline.js';
import { missing, realReports, sharedContext, suiteName } from '../helpers.js';

// Skips, saying so in its name, without ../shared/real-reports; in CI it must run.
const skip = missing('real-reports');

describe.skipIf(skip)(suiteName('real reports (../shared/real-reports)', skip), () => {
  it('Bokslut_2025.pdf: 11 goals, all green from raster icons, Kommentar text as justification, footers set aside', async () => {
    const file = path.join(realReports, 'Bokslut_2025.pdf');
    const out = await runStages(file, fs.readFileSync(file), await sharedContext());
    const goals = out.result.goals;
    expect(goals).toHaveLength(11);
    expect(goals.every((g) => g.status === 'green')).toBe(true);
    expect(goals.every((g) => g.statusEvidence.startsWith('icon'))).toBe(true);
    expect(goals.every((g) => g.page >= 25 && g.page <= 32)).toBe(true);
    expect(goals.every((g) => g.sentences.length > 0)).toBe(true);
    expect(goals.some((g) => /Erbjuda föreläsning/.test(g.title))).toBe(false); // an activity, not a goal
    const p25 = out.layout.pages[24];
    expect(p25.furniture.map((f) => f.text)).toContain('SID 24 (36)');
    expect(p25.furniture.every((f) => f.role === 'footer')).toBe(true);
  });

  it('QPR Q3 appendix: 38 rated KPIs, 17 green / 12 amber / 9 red, each with directorate commentary', async () => {
    const file = path.join(realReports, 'QPR Q3 Cabinet appendix 1.pdf');
    const r = await analyzeBytes(file, fs.readFileSync(file), await sharedContext());
    expect(r.language).toBe('en');
    expect(r.goals).toHaveLength(38);
    expect(r.summary.byStatus).toEqual({ green: 17, yellow: 12, red: 9, unknown: 0 });
    expect(r.goals.every((g) => g.statusSource === 'word' && /cell/.test(g.statusEvidence))).toBe(true);
    expect(r.goals.filter((g) => g.sentences.length > 0).length).toBe(38);
  });

  it('QPR Q3 appendix: every KPI carries its panel’s figures; green exactly where the target is met, so no green is GREEN_BELOW_TARGET', async () => {
    const file = path.join(realReports, 'QPR Q3 Cabinet appendix 1.pdf');
    const r = await analyzeBytes(file, fs.readFileSync(file), await sharedContext());
    const own = r.goals.map((g) => g.indicators.find((i) => i.source === 'detail-line'));
    expect(own.every((i) => i && i.latest !== null && i.target !== null && i.floor !== null && i.previous !== null)).toBe(true);
    expect(own.every((i) => i!.page > 8)).toBe(true); // the panels, after the directorate tables
    // Kent rates green when the target is met, amber or red when not: every KPI's direction is read (its floor).
    expect(r.goals.map((g, k) => [g.status === 'green', own[k]!.meetsTarget])).toEqual(r.goals.map((g) => [g.status === 'green', g.status === 'green']));
    expect(r.goals.filter((g) => g.flags.some((f) => f.code === 'GREEN_BELOW_TARGET'))).toEqual([]);
    const ghg = r.goals.find((g) => /^Greenhouse Gas/.test(g.title))!.indicators[0]!;
    expect(ghg).toMatchObject({ latest: 10323, target: 10797, better: 'lower', betterReason: 'floor', meetsTarget: true });
  });
});
