import { describe, expect, it } from 'vitest';
import { identifyDocument } from '../../src/identify/index.js';
import { overridesFor } from '../../src/identify/overrides.js';
import { periodShown, periodStated, yearIn } from '../../src/identify/period.js';
import { asName, findIn } from '../../src/identify/words.js';
import { DocumentOverride } from '../../src/model/identity.js';
import type { LayoutDocument, Line } from '../../src/model/layout.js';
import { line, ruleSet } from '../segment/build.js';

const rules = ruleSet();

/** A document whose first page holds `title` lines (16 pt) and `body` lines (10 pt), with `furniture` on every page. */
function doc(o: { title?: string[]; body?: string[]; furniture?: string[]; pages?: number }): LayoutDocument {
  const lines: Line[] = [...(o.title ?? []).map((t, i) => line(t, { fontSize: 16, y: 60 + i * 20 })), ...(o.body ?? []).map((t, i) => line(t, { y: 200 + i * 12 }))];
  const page = (n: number) => ({
    number: n, width: 595, height: 842, columns: 1, looseMarks: [],
    blocks: n === 1 && lines.length ? [{ kind: 'paragraph' as const, page: 1, bbox: [50, 60, 400, 400] as [number, number, number, number], lines }] : [],
    furniture: (o.furniture ?? []).map((t) => ({ ...line(t, { page: n, y: 20 }), role: 'header' as const })),
  });
  return { numPages: o.pages ?? 2, bodyFontSize: 10, pages: Array.from({ length: o.pages ?? 2 }, (_, i) => page(i + 1)) };
}

const identify = (file: string, layout: LayoutDocument, info: Record<string, string> = {}, overrides: DocumentOverride[] = []) =>
  identifyDocument({ file, layout, info, rules, overrides });

describe('identify: names', () => {
  it('a name opens with a capital and its words are capitalised, joining words, or the word for the body', () => {
    expect(asName('Kultur- och fritidsnämnden')).toBe('Kultur- och fritidsnämnden');
    expect(asName('Kent County Council')).toBe('Kent County Council');
    expect(asName('inom Lunds kommun')).toBeNull();
    expect(asName('The Council')).toBeNull();
    expect(asName('Region Skåne har')).toBeNull();
  });

  it('capitals on a cover and the genitive name the same body', () => {
    expect(asName('NORRBACKA KOMMUN')).toBe('Norrbacka kommun');
    expect(asName('BARN- OCH UTBILDNINGSNÄMNDEN')).toBe('Barn- och utbildningsnämnden');
    expect(asName('Socialnämndens')).toBe('Socialnämnden');
  });

  it('finds the earliest name in a line that looks like one, and no kind of report as an organisation', () => {
    expect(findIn('Delårsrapport inom Lunds kommun', 'organisation', rules)?.value).toBe('Lunds kommun');
    expect(findIn('Delårsrapport Lilla Edets kommun', 'organisation', rules)?.value).toBe('Lilla Edets kommun');
    expect(findIn('Region Skåne har beslutat', 'organisation', rules)?.value).toBe('Region Skåne');
    expect(findIn('To: Cabinet – 4 March 2026', 'committee', rules)?.value).toBe('Cabinet');
    expect(findIn('Bokslutsdag 31 december', 'kind', rules)).toBeNull();
  });
});

describe('identify: period', () => {
  it('a financial year is one whose second year follows the first; a case number is no year', () => {
    expect(yearIn('Quarter 3 2025/26')).toBe('2025/26');
    expect(yearIn('Annual report 2024-2025')).toBe('2024/25');
    expect(yearIn('Council Plan 2025–2030')).toBe('2025');
    expect(yearIn('Dnr KS 2025/123')).toBeNull();
    expect(yearIn('Rapportperiod: 2025-12-31')).toBe('2025');
  });

  it('a line naming the kind of report or a part of the year states the period; titles only show one', () => {
    expect(periodStated({ lines: ['Beslutad 2026-02-12', 'Delårsrapport januari–augusti 2025'] }, rules)).toBe('2025 T2');
    expect(periodStated({ lines: ['Quarterly Performance Report', 'Quarter 2', '2026/27'] }, rules)).toBeNull();
    expect(periodShown({ lines: ['Quarterly Performance Report', 'Quarter 2', '2026/27'], titles: ['Quarter 2', '2026/27'] }, rules)).toBe('2026/27 Q2');
  });
});

describe('identify: the document', () => {
  it('a cover gives organisation, committee, kind and period', () => {
    const id = identify('x.pdf', doc({ title: ['ÅSBY KOMMUN', 'Delårsrapport augusti 2026', 'Tekniska nämnden'], body: ['Period 1 januari – 31 augusti 2026'] }));
    expect(id).toEqual({
      organisation: { value: 'Åsby kommun, Tekniska nämnden', source: 'first-page' },
      kind: { value: 'delårsrapport', source: 'first-page' },
      period: { value: '2026 T2', source: 'first-page' },
    });
  });

  it('a report that names its organisation only in the running header', () => {
    const id = identify('x.pdf', doc({ title: ['Mål och måluppfyllelse'], body: ['Nämnden följer upp sina mål jämfört med 2024.'], furniture: ['Årsredovisning 2026 – Åsby kommun'] }));
    expect(id.organisation).toEqual({ value: 'Åsby kommun', source: 'running-header' });
    expect(id.kind).toEqual({ value: 'årsredovisning', source: 'running-header' });
    // The body's "2024" is no period: the header states one.
    expect(id.period).toEqual({ value: '2026', source: 'running-header' });
  });

  it('then the metadata, then the file name; what nothing says is null', () => {
    const id = identify('archive/Tertialrapport_1_2026.pdf', doc({ body: ['Text utan namn.'] }), { Author: 'Miljönämnden', Title: 'Microsoft Word - rapport.docx' });
    expect(id).toEqual({
      organisation: { value: 'Miljönämnden', source: 'metadata' },
      kind: { value: 'tertialrapport', source: 'file-name' },
      period: { value: '2026 T1', source: 'file-name' },
    });
    expect(identify('a.md', doc({ body: ['Inget alls.'] }))).toEqual({ organisation: null, kind: null, period: null });
  });

  it('the configuration’s globs override what the document says, a later entry winning', () => {
    const overrides = [
      DocumentOverride.parse({ match: 'lund/**', organisation: 'Lunds kommun, Socialnämnden' }),
      DocumentOverride.parse({ match: ['**/2026/*.pdf'], period: '2026 T2' }),
      DocumentOverride.parse({ match: '*.pdf', organisation: 'Lunds kommun' }),
    ];
    expect(overridesFor('archive/lund/2026/a.pdf', overrides)).toEqual({ organisation: 'Lunds kommun', period: '2026 T2' });
    expect(overridesFor('archive/lund/2026/a.docx', overrides)).toEqual({ organisation: 'Lunds kommun, Socialnämnden' });
    expect(overridesFor('archive/malmo/a.docx', overrides)).toEqual({});
    const id = identify('archive/lund/a.docx', doc({ title: ['Delårsrapport 2026'] }), {}, overrides);
    expect(id.organisation).toEqual({ value: 'Lunds kommun, Socialnämnden', source: 'config' });
    expect(id.kind).toEqual({ value: 'delårsrapport', source: 'first-page' });
  });

  it('an override needs a value, and a period in verkstad’s form', () => {
    expect(DocumentOverride.safeParse({ match: 'x/**' }).success).toBe(false);
    expect(DocumentOverride.safeParse({ match: 'x/**', period: 'hösten 2025' }).success).toBe(false);
    expect(DocumentOverride.safeParse({ match: 'x/**', period: '2024/25 Q3' }).success).toBe(true);
  });
});
