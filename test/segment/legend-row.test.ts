import { describe, expect, it } from 'vitest';
import { isLegendLine, learnLegendRows, legendRowEntries, withoutLegendRows } from '../../src/segment/legend-row.js';
import { emptyLegend, statusOfMark } from '../../src/segment/status.js';
import { grid, line, mark, tableUnit, vocab } from './build.js';

const sv = vocab('sv');
// Three smiley icons, all yellow faces: told apart only by their own average colour.
const happy = mark('yellow', { kind: 'image', shape: 'icon', colour: '#f3bf32' });
const neutral = mark('yellow', { kind: 'image', shape: 'icon', colour: '#f5c430' });
const sad = mark('yellow', { kind: 'image', shape: 'icon', colour: '#f4c230' });

describe('legend-row', () => {
  const keyRow = () => grid([['Teckenförklaring:', { marks: [happy] }, 'Uppfyllt', { marks: [neutral] }, 'Delvis uppfyllt', { marks: [sad] }, 'Ej uppfyllt'], ['Nämndmål', 'Bedömning']]);

  it('reads a key laid out along a table row, and teaches each icon its own meaning', () => {
    const t = keyRow();
    expect(legendRowEntries(t.rows[0], sv)?.map((e) => e.text)).toEqual(['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt']);
    const legend = emptyLegend();
    learnLegendRows([tableUnit(t)], legend, sv);
    expect([happy, neutral, sad].map((m) => statusOfMark(m, legend)?.status)).toEqual(['green', 'yellow', 'red']);
    expect(withoutLegendRows(t, sv).rows.map((r) => r.cells[0].text)).toEqual(['Nämndmål']);
  });

  it('reads the same key as a line of pieces', () => {
    const l = { ...line('Uppfyllt Delvis uppfyllt Ej uppfyllt', { marks: [happy, neutral, sad].map((m, k) => ({ ...m, bbox: [50 + k * 100, 100, 58 + k * 100, 108] as [number, number, number, number] })) }),
      spans: [{ text: 'Uppfyllt', x0: 60, x1: 100 }, { text: 'Delvis uppfyllt', x0: 160, x1: 230 }, { text: 'Ej uppfyllt', x0: 260, x1: 300 }] };
    expect(isLegendLine([l], sv)).toBe(true);
  });

  it('a goal row with an icon is no key: one symbol, or words that are no status', () => {
    const t = grid([['Trygg skola', { marks: [happy] }, 'Fler elever känner sig trygga.']]);
    expect(legendRowEntries(t.rows[0], sv)).toBeNull();
    expect(legendRowEntries(grid([[{ marks: [happy] }, 'Trygg skola', { marks: [sad] }, 'Uppfyllt']]).rows[0], sv)).toBeNull();
  });
});
