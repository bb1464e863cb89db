import { describe, expect, it } from 'vitest';
import { isMarkedTitle } from '../../src/segment/marked-title.js';
import { emptyLegend } from '../../src/segment/status.js';
import { mark, paragraph } from './build.js';

const legend = emptyLegend();

describe('marked-title', () => {
  it('a short paragraph with a status mark on its first line is a goal title', () => {
    expect(isMarkedTitle(paragraph(['Fler elever klarar målen'], { marks: [mark('green')] }), legend)).toBe(true);
    expect(isMarkedTitle(paragraph(['Fler elever klarar', 'kunskapskraven i årskurs 9'], { marks: [mark('red', { kind: 'image', shape: 'rect' })] }), legend)).toBe(true);
  });

  it('is not a title without a status mark, with only a cell fill, or when it runs long', () => {
    expect(isMarkedTitle(paragraph(['Fler elever klarar målen']), legend)).toBe(false);
    expect(isMarkedTitle(paragraph(['Fler elever klarar målen'], { marks: [mark('grey')] }), legend)).toBe(false);
    expect(isMarkedTitle(paragraph(['Fler elever klarar målen'], { marks: [mark('green', { kind: 'cell', shape: 'rect' })] }), legend)).toBe(false);
    expect(isMarkedTitle(paragraph(['Rad ett', 'rad två', 'rad tre', 'rad fyra'], { marks: [mark('green')] }), legend)).toBe(false);
    const long = Array.from({ length: 31 }, (_, k) => `ord${k}`).join(' ');
    expect(isMarkedTitle(paragraph([long], { marks: [mark('green')] }), legend)).toBe(false);
  });
});
