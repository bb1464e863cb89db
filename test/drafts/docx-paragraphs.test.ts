import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '../../src/io/drafts/docx-paragraphs.js';

describe('matching mammoth\'s paragraphs to the Word file\'s', () => {
  it('skips the paragraphs mammoth leaves out (merged cells, a text box\'s second copy)', () => {
    const inFile = ['Mål', 'Status', 'Trygg kommun', 'Fler ska känna sig trygga', 'Grön', '', 'Färre inbrott', 'Gul', 'Rutan', 'Rutan', 'Efter'];
    const written = ['Mål', 'Status', 'Trygg kommun', 'Fler ska känna sig trygga', 'Grön', 'Färre inbrott', 'Gul', 'Rutan', 'Efter'];
    expect(alignParagraphs(written, inFile)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 11]);
  });

  it('ignores white space and the symbols of fields, and gives empty paragraphs no place', () => {
    expect(alignParagraphs(['Status:\tgrön', '', 'Sidan 3'], ['Status: grön', '', 'Sidan3'])).toEqual([1, undefined, 3]);
  });

  it('places a paragraph whose text differs (a joined tracked change, a note mark) at the next one with text', () => {
    const inFile = ['Rubrik', 'Första delen ', 'andra delen.', 'Sista.'];
    const written = ['Rubrik', 'Första delen andra delen.[1]', 'Sista.'];
    expect(alignParagraphs(written, inFile)).toEqual([1, 2, 4]);
  });

  it('gives what follows the body (footnotes) no place', () => {
    expect(alignParagraphs(['Text', 'En fotnot.'], ['Text'])).toEqual([1, undefined]);
  });
});
