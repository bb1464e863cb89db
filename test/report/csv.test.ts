import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatCsv } from '../../src/report/csv.js';
import { expectGolden } from '../golden/expect-golden.js';
import { reportGoldens } from '../golden/goldens.js';
import { HOSTILE_TITLE, hostileResult, sampleResult } from './sample-results.js';

/** RFC 4180 reader, enough to check what formatCsv writes (no new dependency for csv-parse). */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

function records(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual([...CSV_COLUMNS]);
  for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  return rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]])));
}

describe('csv', () => {
  for (const golden of reportGoldens('csv')) {
    it(`matches ${golden.file}`, () => expectGolden(golden));
  }

  it('has one row per goal and one per failed document', () => {
    const rows = records(formatCsv(sampleResult));
    const goals = sampleResult.documents.reduce((n, d) => n + d.goals.length, 0);
    expect(rows).toHaveLength(goals + 1);
    const error = rows.filter((r) => r.error !== '');
    expect(error).toEqual([
      expect.objectContaining({
        file: 'reports/broken.pdf',
        title: '',
        status: '',
        page: '',
        error: 'INVALID_PDF: Invalid PDF structure: the cross-reference table could not be read.',
      }),
    ]);
  });

  it('counts labels, joins flag codes and quotes the first resident-facing sentence', () => {
    const rows = records(formatCsv(sampleResult));
    const flagged = rows.find((r) => r.title === 'Invånarna upplever en trygg och tillgänglig hemtjänst')!;
    expect(flagged).toMatchObject({
      page: '7',
      status: 'green',
      flag: 'GREEN_INTERNAL_ONLY',
      internal: '3',
      intention: '1',
      outcome: '0',
      resident_facing_sentences: '0',
      evidence_quote: 'Under året har förvaltningen infört en ny organisation för hemtjänsten med tre geografiska områden.',
    });
    const mixed = rows.find((r) => r.title === 'Väntetiden till särskilt boende ska minska')!;
    expect(mixed).toMatchObject({ flag: '', outcome: '1', output: '1', internal: '1', resident_facing_sentences: '2' });
    expect(mixed.evidence_quote).toMatch(/^Den genomsnittliga väntetiden/);
  });

  it('keeps quotes, commas and markup intact and defuses spreadsheet formulas', () => {
    const rows = records(formatCsv(hostileResult));
    expect(rows[0].title).toBe(HOSTILE_TITLE);
    expect(rows[0].file).toBe(hostileResult.documents[0].file);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@]/);
    const withFormulas = structuredClone(hostileResult);
    const [first, second, third] = withFormulas.documents[0].goals;
    first.title = '=HYPERLINK("http://attacker.invalid/","x")';
    second.title = '+46 8 123 45';
    third.title = '-5 % fler klagomål';
    third.sentences = [{ ...third.sentences[0], text: '@SUM(A1:A9)' }];
    const defused = records(formatCsv(withFormulas));
    expect(defused.slice(0, 3).map((r) => r.title)).toEqual([
      `'=HYPERLINK("http://attacker.invalid/","x")`,
      "'+46 8 123 45",
      "'-5 % fler klagomål",
    ]);
    expect(defused[2].evidence_quote).toBe("'@SUM(A1:A9)");
    expect(rows[rows.length - 1].error).toBe('INTERNAL: <img src=x onerror=alert(1)> crashed second line');
  });
  it("writes Swedish Excel's CSV on request: ';' between fields (a ';' in a cell quoted), with or without the BOM", () => {
    const text = formatCsv(sampleResult, { delimiter: ';' });
    expect(text.startsWith('\uFEFFfile;page;title;')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1), ';');
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(parseCsv(formatCsv(sampleResult).slice(1)).slice(1)).toEqual(rows); // the same cells as with ','
    expect(formatCsv(sampleResult, { delimiter: '\t', bom: false }).startsWith('file\tpage\t')).toBe(true);
  });

  it('names files through fileLabel in the file and paths columns, every path of a document in paths', () => {
    const result = structuredClone(sampleResult);
    result.documents[0]!.paths = [result.documents[0]!.file, 'kopior/samma.pdf'];
    const rows = parseCsv(formatCsv(result, { fileLabel: (f) => `<${f}>` }).slice(1));
    const [header, first] = rows;
    const at = (name: string) => first![header!.indexOf(name)];
    expect(at('file')).toBe(`<${result.documents[0]!.file}>`);
    expect(at('paths')).toBe(`<${result.documents[0]!.file}> | <kopior/samma.pdf>`);
  });
});
