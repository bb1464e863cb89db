import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/layout.js';
import { segmentDocument } from '../../src/segment/index.js';
import { document, grid, headingBlock, line, mark, paragraphBlock, ruleSet, tableBlock } from './build.js';

const segment = (blocks: Block[], language: 'sv' | 'en' = 'sv') => segmentDocument(document(blocks), ruleSet(), language);
const brief = (blocks: Block[], language?: 'sv' | 'en') =>
  segment(blocks, language).goals.map((g) => ({ title: g.title, status: g.status, section: g.section, justification: g.justification.map((p) => p.text) }));

describe('segmentDocument (the walker)', () => {
  it('a marked heading is a goal; the paragraphs under it its justification; the heading above its section', () => {
    expect(brief([
      headingBlock('Välfungerande organisation', { level: 1 }),
      headingBlock('Snabb handläggning', { marks: [mark('green')] }),
      paragraphBlock('Handläggningstiden har minskat', 'till tolv dagar.'),
      paragraphBlock('Kommentar: Fler ärenden hanteras digitalt.'),
    ])).toEqual([{ title: 'Snabb handläggning', status: 'green', section: 'Välfungerande organisation', justification: ['Handläggningstiden har minskat till tolv dagar.', 'Fler ärenden hanteras digitalt.'] }]);
  });

  it('a heading with its status on the next line; the status line is no evidence', () => {
    expect(brief([headingBlock('Trygg skola'), paragraphBlock('Status: Delvis uppfyllt'), paragraphBlock('Fler elever känner sig trygga.')])).toEqual([
      { title: 'Trygg skola', status: 'yellow', section: null, justification: ['Fler elever känner sig trygga.'] },
    ]);
  });

  it('a heading of the same or a higher level closes the goal; a source note is nobody’s evidence', () => {
    const goals = brief([
      headingBlock('Trygg skola', { marks: [mark('green')] }),
      paragraphBlock('Källa: elevenkäten 2025.'),
      headingBlock('Ekonomi'),
      paragraphBlock('Nämnden redovisar ett överskott.'),
    ]);
    expect(goals).toEqual([{ title: 'Trygg skola', status: 'green', section: null, justification: [] }]);
  });

  it('a legend is learnt, not a goal, and decides what its colours mean', () => {
    const legend: Block = {
      kind: 'legend', page: 1, bbox: [50, 700, 300, 730],
      lines: [line('Uppfyllt', { marks: [mark('other', { colour: '#2e75b6' })] }), line('Ej uppfyllt', { marks: [mark('other', { colour: '#c55a11' })] })],
      entries: [{ colourClass: 'other', shape: 'circle', text: 'Uppfyllt' }, { colourClass: 'other', shape: 'circle', text: 'Ej uppfyllt' }],
    };
    expect(brief([headingBlock('Trygg skola', { marks: [mark('other', { colour: '#c55a11' })] }), legend]).map((g) => g.status)).toEqual(['red']);
  });

  it('a goal table after commentary: RAG rows are goals, the commentary theirs; a key table is no goal', () => {
    const goals = brief([
      paragraphBlock('Demand stayed high across the directorate through the quarter.'),
      tableBlock(grid([
        ['Indicator', 'Latest', 'Previous'],
        ['% of calls answered within two minutes', { text: 'GREEN', fill: 'green' }, { text: 'RED', fill: 'red' }],
      ])),
      headingBlock('Key'),
      tableBlock(grid([[{ text: 'GREEN', fill: 'green' }, 'On target'], [{ text: 'AMBER', fill: 'yellow' }, 'Near target'], [{ text: 'RED', fill: 'red' }, 'Off target']])),
    ], 'en');
    expect(goals).toEqual([{ title: '% of calls answered within two minutes', status: 'green', section: null, justification: ['Demand stayed high across the directorate through the quarter.'] }]);
  });

  it('an indicator table under a goal becomes its indicators, not its justification', () => {
    const { goals } = segment([
      headingBlock('Trygg skola', { marks: [mark('green')] }),
      paragraphBlock('Tryggheten har ökat.'),
      tableBlock(grid([['Nyckeltal', '2024', '2025'], ['Andel trygga elever, %', '81', '84']])),
    ]);
    expect(goals[0].indicators.map((i) => [i.name, i.values])).toEqual([['Andel trygga elever, %', ['81', '84']]]);
    expect(goals[0].justification.map((p) => p.text)).toEqual(['Tryggheten har ökat.']);
  });

  it('detects the language when it is not given', () => {
    expect(segmentDocument(document([paragraphBlock('Målet är att alla barn och elever ska känna sig trygga i skolan.')]), ruleSet()).language).toBe('sv');
    expect(segmentDocument(document([paragraphBlock('The council will work with residents to improve the service this year.')]), ruleSet()).language).toBe('en');
  });
});
