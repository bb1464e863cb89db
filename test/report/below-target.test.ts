/**
 * GREEN_BELOW_TARGET in every format: the figures and the page reach the reader, and the flag quotes its
 * indicator instead of sentences (it rests on figures, not on the justification).
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, DocumentResult, Goal } from '../../src/model/result.js';
import { formatGithub, formatHtml, formatMarkdown, formatSarif, formatText } from '../../src/report/index.js';
import { indicator } from './sample-results.js';

const missed = indicator({ name: 'Väntetid till särskilt boende, dagar', page: 12, values: ['52', 'högst 45'], status: 'unknown', residentFacing: true, latest: 52, target: 45, unit: 'dagar', better: 'lower', betterReason: 'sv/indicator-values/hogst', meetsTarget: false });

const goal: Goal = {
  id: 'g1', title: 'Väntetiden till särskilt boende ska minska', page: 11, status: 'green', statusSource: 'colour', statusEvidence: 'icon', orientation: 'residents',
  orientationReason: null, evidence: 'mixed', activities: [], notFlaggedBecause: null, indicators: [missed],
  sentences: [{ text: 'Väntetiden minskade till 52 dagar.', page: 11, label: 'outcome', residentFacing: true, confidence: 0.9, reasons: [] }],
  flags: [{
    code: 'GREEN_BELOW_TARGET', level: 'warning', sentences: [],
    message: 'Målet är grönt, men indikatorn ”Väntetid till särskilt boende, dagar” når inte sitt eget målvärde: utfall 52 dagar mot målvärdet 45 dagar, lägre är bättre (s. 12).',
    indicators: [{ name: missed.name, page: 12, values: missed.values, latest: 52, target: 45, floor: null, unit: 'dagar', better: 'lower' }],
  }],
};
const document: DocumentResult = {
  file: 'arsredovisning.pdf', sha256: 'a'.repeat(64), pages: 20, language: 'sv', organisation: null, kind: null, period: null, error: null, goals: [goal],
  summary: { goals: 1, byStatus: { green: 1, yellow: 0, red: 0, unknown: 0 }, green: 1, flaggedGreen: 1, greenWithResidentEvidence: 1 },
  goalsOverTime: [],
};
const result: AnalysisResult = {
  schemaVersion: 1, tool: { name: 'verkstad', version: '0.0.0-test' }, documents: [document],
  summary: { documents: 1, failed: 0, goals: 1, byStatus: document.summary.byStatus, green: 1, flaggedGreen: 1, greenWithResidentEvidence: 1 },
  goalsOverTime: [],
};

describe('GREEN_BELOW_TARGET in the formats', () => {
  it('text and md print the message and the indicator the flag rests on, not the goal’s sentences', () => {
    const text = formatText(result, { colour: false, why: false });
    expect(text).toContain('warning GREEN_BELOW_TARGET: Målet är grönt, men indikatorn');
    expect(text).toContain('p. 12 Väntetid till särskilt boende, dagar: 52 | högst 45');
    expect(text).not.toContain('“Väntetiden minskade till 52 dagar.”');
    expect(formatMarkdown(result)).toContain('- p. 12 Väntetid till särskilt boende, dagar: 52 \\| högst 45');
  });

  it('sarif has the rule and points at the indicator’s page; github carries the message', () => {
    const sarif = JSON.parse(formatSarif(result));
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('GREEN_BELOW_TARGET');
    expect(run.results[0].ruleId).toBe('GREEN_BELOW_TARGET');
    expect(run.results[0].relatedLocations[0].physicalLocation.region.startLine).toBe(12);
    expect(formatGithub(result)).toMatch(/^::warning .*title=verkstad GREEN_BELOW_TARGET%3A .*::Målet är grönt, men indikatorn .*\(s\. 12\)\./m);
  });

  it('html lists the indicator with its page link under the flag', () => {
    const html = formatHtml(result);
    expect(html).toMatch(/<span class="code">GREEN_BELOW_TARGET<\/span>/);
    expect(html).toMatch(/<ul class="indicators">\n<li>Väntetid till särskilt boende, dagar: <span class="figures">52 \| högst 45<\/span> <a href="arsredovisning\.pdf#page=12">/);
  });
});
