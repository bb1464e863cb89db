import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/pipeline.js';
import { sharedContext } from '../helpers.js';

/** A minimal Word document: headings by style, paragraphs by text. */
async function docx(paragraphs: { style?: string; text: string }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paragraphs
    .map((p) => `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(p.text)}</w:t></w:r></w:p>`)
    .join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('drafts that are not PDFs yet', () => {
  it('reads a .docx draft with the status written as a word', async () => {
    const bytes = await docx([
      { style: 'Heading1', text: 'Delårsrapport 2025' },
      { style: 'Heading2', text: 'Fler invånare ska ha nära till grönområden' },
      { text: 'Status: grön' },
      { text: 'En grönplan har tagits fram och en arbetsgrupp har bildats. Arbetet kommer att fortsätta under 2026.' },
      { style: 'Heading2', text: 'Fler elever ska klara kunskapskraven' },
      { text: 'Status: gul' },
      { text: 'Andelen elever med godkända betyg ökade från 76 till 79 procent.' },
    ]);
    const r = await analyzeBytes('utkast.docx', bytes, await sharedContext());
    expect(r.error).toBeNull();
    expect(r.goals.map((g) => [g.title, g.status, g.flags[0]?.code ?? null])).toEqual([
      ['Fler invånare ska ha nära till grönområden', 'green', 'GREEN_INTERNAL_ONLY'],
      ['Fler elever ska klara kunskapskraven', 'yellow', null],
    ]);
  });

  it('reads a Markdown draft', async () => {
    const md = '# Trygg uppväxt\n\nBedömning: Uppfyllt\n\nSe indikatorer.\n\n# Attraktiv arbetsgivare\n\nStatus: grön\n\nEn ny rekryteringsprocess har införts.\n';
    const r = await analyzeBytes('utkast.md', new TextEncoder().encode(md), await sharedContext());
    expect(r.goals.map((g) => [g.title, g.status, g.orientation, g.flags[0]?.code ?? null])).toEqual([
      ['Trygg uppväxt', 'green', 'residents', 'GREEN_NO_EVIDENCE'],
      ['Attraktiv arbetsgivare', 'green', 'organisation', null],
    ]);
  });
});
