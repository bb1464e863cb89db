import { describe, expect, it } from 'vitest';
import { diceSimilarity, matchGoalsOverTime, OVER_TIME, titleStems, type GoalSighting, type ReportSighting } from '../../src/overtime/index.js';

function goal(title: string, over: Partial<GoalSighting> = {}): GoalSighting {
  return { title, page: 1, status: 'green', flags: [], evidence: 'resident-facing', orientation: 'residents', residentFacingSentences: 1, ...over };
}

function report(period: string | null, goals: GoalSighting[], over: Partial<ReportSighting> = {}): ReportSighting {
  return { organisation: 'Ekby kommun, Fritidsnämnden', period, kind: 'årsredovisning', file: `${period ?? 'okänd'}.md`, order: 0, goals, ...over };
}

const titlesOf = (r: ReturnType<typeof matchGoalsOverTime>) => r.goals.map((g) => g.periods.map((p) => `${p.period}: ${p.title}`));

describe('title similarity', () => {
  it('ignores numbering, case, punctuation and inflection', () => {
    const a = titleStems('Mål 2.1: Invånarna ska vara nöjda med badhusen.');
    const b = titleStems('2.1 Invånare nöjda med badhuset');
    expect(diceSimilarity(a, b)).toBe(1);
  });

  it('scores a rewording above the threshold and two goals of one committee below it', () => {
    const s = (x: string, y: string) => diceSimilarity(titleStems(x), titleStems(y));
    expect(s('Fler invånare ska vara nöjda med kollektivtrafiken', 'Andelen invånare nöjda med kollektivtrafiken ska öka')).toBeGreaterThanOrEqual(OVER_TIME.matchThreshold);
    expect(s('Andelen elever som når kunskapsmålen ska öka', 'Andelen invånare nöjda med kollektivtrafiken ska öka')).toBeLessThan(OVER_TIME.matchThreshold);
    expect(diceSimilarity(titleStems('1.'), titleStems('1.'))).toBe(0);
  });
});

describe('goals matched across reports', () => {
  it('keeps a reworded goal one goal, with each title as printed and its score', () => {
    const r = matchGoalsOverTime('Ekby', [
      report('2024', [goal('Fler besökare i simhallen'), goal('Andelen barn som kan simma ska öka')], { order: 1 }),
      report('2023', [goal('Fler besökare till simhallen')], { order: 0 }),
    ]);
    expect(r.periods.map((p) => p.period)).toEqual(['2023', '2024']);
    expect(titlesOf(r)).toEqual([['2023: Fler besökare till simhallen', '2024: Fler besökare i simhallen'], ['2024: Andelen barn som kan simma ska öka']]);
    expect(r.goals[0]!.periods.map((p) => p.match)).toEqual([1, 1]);
    expect(r.goals[0]!.title).toBe('Fler besökare i simhallen');
  });

  it('does not match different goals, and never two goals of one report to one goal', () => {
    const r = matchGoalsOverTime('Ekby', [
      report('2023', [goal('Fler besökare i simhallen')]),
      report('2024', [goal('Fler besökare i simhallen'), goal('Fler besökare i simhallen på helger'), goal('Lägre energiförbrukning i idrottshallarna')]),
    ]);
    expect(titlesOf(r)).toEqual([
      ['2023: Fler besökare i simhallen', '2024: Fler besökare i simhallen'],
      ['2024: Fler besökare i simhallen på helger'],
      ['2024: Lägre energiförbrukning i idrottshallarna'],
    ]);
  });

  it('matches a title drifting over three reports through its latest wording', () => {
    const r = matchGoalsOverTime('Ekby', [
      report('2023', [goal('Trygga och tillgängliga lekplatser i alla stadsdelar')]),
      report('2024', [goal('Trygga lekplatser i alla stadsdelar')]),
      report('2025', [goal('Trygga lekplatser nära hemmet i stadsdelarna')]),
    ]);
    expect(r.goals).toHaveLength(1);
    expect(r.goals[0]!.periods.map((p) => p.match)).toEqual([1, 0.86, 0.75]);
  });

  it('keeps two reports of the same kind and period apart, in input order, and puts an unknown period last', () => {
    const r = matchGoalsOverTime('Ekby', [
      report(null, [goal('Fler besökare i simhallen', { status: 'yellow' })], { order: 0, file: 'utan-period.md' }),
      report('2024', [goal('Fler besökare i simhallen', { status: 'red' })], { order: 2, file: 'b.md' }),
      report('2024', [goal('Fler besökare i simhallen', { status: 'green' })], { order: 1, file: 'a.md' }),
    ]);
    expect(r.periods).toEqual([
      { period: '2024', kind: 'årsredovisning', file: 'a.md' },
      { period: '2024', kind: 'årsredovisning', file: 'b.md' },
      { period: null, kind: 'årsredovisning', file: 'utan-period.md' },
    ]);
    expect(r.goals[0]!.periods.map((p) => [p.file, p.status])).toEqual([['a.md', 'green'], ['b.md', 'red'], ['utan-period.md', 'yellow']]);
  });

  it('picks out a goal green in reports in a row without resident-facing evidence', () => {
    const bare = { evidence: 'internal-only' as const, flags: ['GREEN_INTERNAL_ONLY' as const] };
    const r = matchGoalsOverTime('Ekby', [
      report('2023', [goal('Fler besökare i simhallen', bare), goal('Digital bokning av lokaler', { ...bare, orientation: 'organisation' }), goal('Renare sjöar', bare)]),
      report('2024', [goal('Fler besökare i simhallen', { evidence: 'none' }), goal('Digital bokning av lokaler', { ...bare, orientation: 'organisation' }), goal('Renare sjöar')]),
      report('2025', [goal('Fler besökare i simhallen', bare), goal('Renare sjöar', bare)]),
    ]);
    expect(r.goals.map((g) => [g.title, g.persistentlyGreenWithoutEvidence])).toEqual([
      ['Fler besökare i simhallen', true],
      ['Digital bokning av lokaler', false],
      ['Renare sjöar', false],
    ]);
    expect(r.goals[0]!.periods.map((p) => p.flags)).toEqual([['GREEN_INTERNAL_ONLY'], [], ['GREEN_INTERNAL_ONLY']]);
  });
});
