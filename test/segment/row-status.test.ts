import { describe, expect, it } from 'vitest';
import { rowStatus } from '../../src/segment/row-status.js';
import { emptyLegend } from '../../src/segment/status.js';
import { readHeader } from '../../src/segment/table-header.js';
import { grid, mark, vocab } from './build.js';

const sv = vocab('sv'), en = vocab('en');
const legend = emptyLegend();

describe('row-status', () => {
  it('reads an icon in the Bedömning column (Word/Stratsys: no status word at all)', () => {
    const t = grid([['Nämndmål', 'Bedömning'], ['Trygg skola', { marks: [mark('green', { kind: 'image', shape: 'rect' })] }]]);
    expect(rowStatus(t.rows[1], readHeader(t, sv), legend, sv)).toMatchObject({ status: 'green', statusSource: 'colour', statusEvidence: expect.stringMatching(/^icon/) });
  });

  it('reads a status word in a filled cell and says so', () => {
    const t = grid([['Indicator', 'RAG'], ['% of calls answered', { text: 'AMBER', fill: 'yellow' }]]);
    expect(rowStatus(t.rows[1], readHeader(t, en), legend, en)?.statusEvidence).toMatch(/"AMBER" in a #\w+ cell/);
  });

  it('takes the Latest column, never Previous or a trend', () => {
    const t = grid([['Indicator', 'Latest', 'Previous', 'DoT'], ['% of calls answered', { text: 'RED', fill: 'red' }, { text: 'GREEN', fill: 'green' }, { marks: [mark('green', { shape: 'triangle' })] }]]);
    expect(rowStatus(t.rows[1], readHeader(t, en), legend, en)?.status).toBe('red');
  });

  it('reads "Met" as a status only in the status column', () => {
    const t = grid([['Indicator', 'Status'], ['Number of homes delivered', 'Met']]);
    expect(rowStatus(t.rows[1], readHeader(t, en), legend, en)?.status).toBe('green');
    expect(rowStatus(grid([['Number of homes delivered', 'Met']]).rows[0], null, legend, en)).toBeNull();
  });

  it('reads no status from last period’s column alone, a trend column or a grey cell', () => {
    const t = grid([['Indicator', 'Latest', 'Previous', 'DoT'], ['% of calls answered', '', { text: 'GREEN', fill: 'green' }, '']]);
    expect(rowStatus(t.rows[1], readHeader(t, en), legend, en)).toBeNull();
    const trend = grid([['KPI', 'DoT'], ['% of calls answered', { marks: [mark('green')] }]]);
    expect(rowStatus(trend.rows[1], readHeader(trend, en), legend, en)).toBeNull();
    expect(rowStatus(grid([['Trygg skola', { fill: 'grey' }]]).rows[0], null, legend, sv)).toBeNull();
  });

  it('two different status words and no Latest column: no guess', () => {
    expect(rowStatus(grid([['Trygg skola', 'Uppfyllt', 'Ej uppfyllt']]).rows[0], null, legend, sv)).toBeNull();
  });
});
