import JSZip from 'jszip';

/**
 * Word documents built in the test, as Word writes them: paragraphs with a style or bold runs, tables whose cells
 * hold paragraphs (merged across with gridSpan, down with vMerge), page breaks. With `swedishStyles`, the styles part
 * is that of a Swedish Word: style ids "Rubrik1", "Rubrik2" … named "heading 1", "heading 2" ….
 */
export type Run = string | { text: string; bold?: boolean };
export interface Para { style?: string; runs: Run[]; bold?: boolean }
export interface TableCell { paras: Para[]; span?: number; merge?: 'restart' | 'continue' }
export type BodyItem = Para | { table: TableCell[][]; headerRows?: number } | { pageBreak: true };

export const p = (text: string, style?: string): Para => ({ runs: [text], ...(style ? { style } : {}) });
export const bold = (text: string): Para => ({ runs: [text], bold: true });
export const cell = (...texts: string[]): TableCell => ({ paras: texts.map((t) => p(t)) });

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paraXml(para: Para): string {
  const pPr = para.style ? `<w:pPr><w:pStyle w:val="${para.style}"/></w:pPr>` : '';
  const runs = para.runs.map((r) => {
    const { text, bold } = typeof r === 'string' ? { text: r, bold: para.bold } : { bold: para.bold, ...r };
    return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  });
  return `<w:p>${pPr}${runs.join('')}</w:p>`;
}

function tableXml(rows: TableCell[][], headerRows: number): string {
  const tr = rows.map((cells, r) => {
    const trPr = r < headerRows ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
    const tcs = cells.map((c) => {
      const props = [c.span ? `<w:gridSpan w:val="${c.span}"/>` : '', c.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.merge === 'continue' ? '<w:vMerge/>' : ''].join('');
      // A cell holds at least one paragraph, as in every Word file.
      const paras = c.paras.length ? c.paras.map(paraXml).join('') : '<w:p/>';
      return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${paras}</w:tc>`;
    });
    return `<w:tr>${trPr}${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl>${tr.join('')}</w:tbl>`;
}

const SWEDISH_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${[1, 2, 3]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Rubrik${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`)
  .join('')}<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/></w:style></w:styles>`;

export async function docx(items: BodyItem[], opts: { swedishStyles?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const styles = opts.swedishStyles ? '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' : '';
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${styles}</Types>`);
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  if (opts.swedishStyles) {
    zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
    zip.file('word/styles.xml', SWEDISH_STYLES);
  }
  const body = items
    .map((it) => ('table' in it ? tableXml(it.table, it.headerRows ?? 1) : 'pageBreak' in it ? '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' : paraXml(it)))
    .join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}
