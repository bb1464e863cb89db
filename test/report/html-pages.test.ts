import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisHead } from '../../src/archive/analysis.js';
import { manifestFile } from '../../src/archive/manifest.js';
import { writeOutputs } from '../../src/archive/outputs.js';
import type { DocumentResult } from '../../src/model/result.js';
import { HTML_CSP } from '../../src/report/html-assets.js';
import { HTML_PAGE_DOCUMENTS, ORGANISATIONS_PER_PAGE, pagedHtml, splitsReport } from '../../src/report/html-pages.js';
import { digestOf } from '../../src/report/streamed.js';
import { largeArchive } from './large-archive.js';
import { swedishDocument } from './sample-results.js';

const archive = largeArchive;
const digestFor = (documents: DocumentResult[]) => digestOf({ ...analysisHead(documents), documents });
const links = { documentLink: (f: string) => f, pageDocumentLink: (f: string) => `../${f}` };

describe('report.html of a large archive, in pages', () => {
  const documents = archive(HTML_PAGE_DOCUMENTS * 2 + 30);
  const paged = pagedHtml(digestFor(documents), links);

  it('splits past HTML_PAGE_DOCUMENTS documents only', () => {
    expect(splitsReport(HTML_PAGE_DOCUMENTS)).toBe(false);
    expect(splitsReport(HTML_PAGE_DOCUMENTS + 1)).toBe(true);
  });

  it('puts HTML_PAGE_DOCUMENTS documents on each page of goals, in input order', () => {
    expect(paged.goalsPages).toBe(3);
    expect([0, HTML_PAGE_DOCUMENTS - 1, HTML_PAGE_DOCUMENTS, documents.length - 1].map(paged.pageOf)).toEqual([0, 0, 1, 2]);
    expect([0, 1, 2].map(paged.goalsFile)).toEqual(['report/goals-001.html', 'report/goals-002.html', 'report/goals-003.html']);
  });

  it('report.html lists every flagged goal as a row linking to its card with the quotes on its page', () => {
    const rows = paged.index.match(/<a href="report\/goals-\d+\.html#goal-\d+-\d+">/g) ?? [];
    const flaggedPerReport = swedishDocument.goals.filter((g) => g.flags.length > 0).length;
    expect(flaggedPerReport).toBeGreaterThan(0);
    expect(rows).toHaveLength(documents.length * flaggedPerReport);
    expect(paged.index).toContain('href="report/goals-003.html#goal-229-0"');
    const page = paged.goalsPage(2);
    const text = page.start + documents.slice(200).map((d, k) => page.document(d, 200 + k)).join('') + page.end;
    expect(text).toContain('id="goal-229-0"');
    expect(text).not.toContain('id="goal-199-0"');
    // The card quotes the sentences, and the table keeps the page's goals with the filters.
    expect(text).toContain('<ol class="quotes">');
    expect(text).toContain('id="filters"');
  });

  it('leaves the cards and the table of all goals out of report.html, and keeps it strict and small', () => {
    expect(paged.index).not.toContain('<ol class="quotes">');
    expect(paged.index).not.toContain('<table id="goals">');
    expect(paged.index).toContain('<a href="report/goals-001.html">Dokument 1–100 av 230</a>');
    for (const html of [paged.index, paged.goalsPage(0).start, paged.overTimePages[0]!.text]) {
      expect(html).toContain(`content="${HTML_CSP}"`);
      expect(html).not.toMatch(/<(link|iframe|img)\b|src="http/);
    }
  });

  it('links a page back to report.html and to its neighbours, and its PDFs from report/', () => {
    const middle = paged.goalsPage(1).start;
    expect(middle).toContain('<a href="../report.html">');
    expect(middle).toContain('href="goals-001.html" rel="prev"');
    expect(middle).toContain('href="goals-003.html" rel="next"');
    expect(middle).toContain('href="../arkiv/kommun-20-2021.pdf#page=7"');
    expect(paged.index).toContain('href="arkiv/kommun-0-2021.pdf#page=7"');
  });

  it('moves each organisation over time to a page of ORGANISATIONS_PER_PAGE, linked from the comparison', () => {
    const organisations = documents.length / 5;
    expect(paged.overTimePages).toHaveLength(Math.ceil(organisations / ORGANISATIONS_PER_PAGE));
    expect(paged.index).not.toContain('<details class="over-time"');
    const last = organisations - 1;
    const file = paged.overTimePages[paged.overTimePages.length - 1]!;
    const link = new RegExp(`href="(report/over-time-\\d+\\.html)#org-${last}"`).exec(paged.index);
    expect(link?.[1]).toBe(file.file);
    expect(file.text).toContain(`<details class="over-time" id="org-${last}">`);
  });
});

describe('writeOutputs with pages', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-pages-'));

  it('writes the pages beside report.html and names them in the manifest; a smaller archive later removes them', async () => {
    const dir = tmp();
    const big = archive(HTML_PAGE_DOCUMENTS + 5);
    await writeOutputs(dir, digestFor(big), big);
    expect(fs.readdirSync(path.join(dir, 'report')).sort()).toEqual(['goals-001.html', 'goals-002.html', 'over-time-01.html']);
    const manifest = JSON.parse(fs.readFileSync(manifestFile(dir), 'utf8')) as { pages?: string[] };
    expect(manifest.pages).toEqual(['report/goals-001.html', 'report/goals-002.html', 'report/over-time-01.html']);
    const second = fs.readFileSync(path.join(dir, 'report', 'goals-002.html'), 'utf8');
    expect(second).toMatch(/<\/table>\n<\/section>\n<\/main>\n<script>/);
    expect(second.match(/<tr data-goal=""/g)).toHaveLength(5 * swedishDocument.goals.length);

    const small = archive(3);
    await writeOutputs(dir, digestFor(small), small);
    expect(fs.existsSync(path.join(dir, 'report'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('<table id="goals">');
  });

  it('keeps what the user put in report/ when it removes the pages', async () => {
    const dir = tmp();
    const big = archive(HTML_PAGE_DOCUMENTS + 1);
    await writeOutputs(dir, digestFor(big), big);
    fs.writeFileSync(path.join(dir, 'report', 'notes.txt'), 'mine');
    await writeOutputs(dir, digestFor(big.slice(0, 2)), big.slice(0, 2));
    expect(fs.readdirSync(path.join(dir, 'report'))).toEqual(['notes.txt']);
  });
});
