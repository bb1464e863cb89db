/**
 * report.html for a large archive (issue 18: quick to open at 1 000 documents). As one file such a report was 15 MB
 * (two thirds of it the table of every goal) and Chromium took 12 s to load it. Past HTML_PAGE_DOCUMENTS documents,
 * report.html keeps what is read first and is small: the headline, every flagged goal as one row, the documents, and
 * the comparison of organisations; the rest goes to pages in `report/` beside it, each as self-contained and strict
 * (the same CSP, no network) as report.html:
 *
 * - `report/goals-001.html`, …: HTML_PAGE_DOCUMENTS documents each, in input order: their flagged goals with the
 *   quotes, then the filterable table of their goals. Written a document at a time, as report.html is.
 * - `report/over-time-01.html`, …: ORGANISATIONS_PER_PAGE organisations' goals × periods each.
 *
 * A smaller archive keeps the single report.html (html.ts); `--format html` always writes one file.
 */
import type { DocumentResult } from '../model/result.js';
import type { GoalInDocument } from './goal-views.js';
import {
  ALL_GOALS_END,
  allGoalsStart,
  errorsSection,
  flaggedSection,
  htmlContext,
  legend,
  otherGoalRows,
  pageEnd,
  pageStart,
  summary,
} from './html.js';
import { h, pageLink, statusDot, type Context, type SafeHtml } from './html-markup.js';
import { organisationsOverTime, organisationView, overTimeSection } from './html-over-time.js';
import { fileBasename } from './paths.js';
import { showBidiControls } from './plain-text.js';
import type { ArchiveDigest, StreamedFormat } from './streamed.js';

/**
 * Past this many documents report.html is split. A page of 100 made-up reports of 10 goals each is about 1 MB and
 * opens in Chromium in well under a second (test/bench/README.md); below it one file is simpler to pass around.
 */
export const HTML_PAGE_DOCUMENTS = 100;
/** Organisations per page of the view across time: 25 of 5 reports and 10 goals each are about 0.3 MB. */
export const ORGANISATIONS_PER_PAGE = 25;
/** The folder of the pages, inside the output folder. */
export const PAGES_DIR = 'report';

export const splitsReport = (documents: number): boolean => documents > HTML_PAGE_DOCUMENTS;

export interface PagedHtml {
  /** report.html, whole: it needs only the digest. */
  index: string;
  /** How many pages of goals there are, and which one holds a document. */
  goalsPages: number;
  pageOf(documentIndex: number): number;
  /** A page of goals, relative to the output folder (`report/goals-001.html`). */
  goalsFile(page: number): string;
  /** A page of goals written a document at a time: `document(d, i)` for each of its documents, in order. */
  goalsPage(page: number): StreamedFormat;
  /** The pages of the view across time, whole. */
  overTimePages: { file: string; text: string }[];
}

export interface PagedHtmlOptions {
  /** A document's link from report.html (in the output folder). */
  documentLink: (file: string) => string;
  /** A document's link from a page (in `report/`). */
  pageDocumentLink: (file: string) => string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function pagedHtml(digest: ArchiveDigest, options: PagedHtmlOptions): PagedHtml {
  const { head, documents } = digest;
  const version = head.tool.version;
  const top = htmlContext(digest, options.documentLink);
  const inPage = htmlContext(digest, options.pageDocumentLink);
  const { ui } = top;
  const goalsPages = Math.max(1, Math.ceil(documents.length / HTML_PAGE_DOCUMENTS));
  const width = Math.max(3, String(goalsPages).length);
  const pageOf = (documentIndex: number) => Math.floor(documentIndex / HTML_PAGE_DOCUMENTS);
  const goalsName = (page: number) => `goals-${pad(page + 1, width)}.html`;
  const goalsFile = (page: number) => `${PAGES_DIR}/${goalsName(page)}`;
  /** A page's documents (first and last index) and how many goals they hold. */
  const range = (page: number) => {
    const first = page * HTML_PAGE_DOCUMENTS;
    const last = Math.min(documents.length, first + HTML_PAGE_DOCUMENTS) - 1;
    return { first, last, goals: documents.slice(first, last + 1).reduce((n, d) => n + d.summary.goals, 0) };
  };
  const flaggedOn = (page: number) => digest.flagged.filter((g) => pageOf(g.documentIndex) === page);

  const organisations = organisationsOverTime(head.goalsOverTime);
  const overTimeCount = Math.ceil(organisations.length / ORGANISATIONS_PER_PAGE);
  const overTimeName = (page: number) => `over-time-${pad(page + 1, Math.max(2, String(overTimeCount).length))}.html`;
  const orgHref = (i: number) => `${PAGES_DIR}/${overTimeName(Math.floor(i / ORGANISATIONS_PER_PAGE))}#org-${i}`;

  const pagesList = h`<section id="all" aria-labelledby="all-h">
<h2 id="all-h">${ui.allGoalsHeading}</h2>
<p>${ui.pagesIntro}</p>
<ul class="pages">${Array.from({ length: goalsPages }, (_, page) => {
    const { first, last, goals } = range(page);
    return h`
<li><a href="${goalsFile(page)}">${ui.documentsRange(first + 1, last + 1, documents.length)}</a> · ${ui.goalsOnPage(goals)}</li>`;
  })}
</ul>
</section>`;

  const index = h`${pageStart(top, ui.reportTitle, version, h`<p class="headline">${ui.headline(head.summary)}</p>`)}
${legend(top)}
${flaggedRows(top, digest.flagged, (g) => `${goalsFile(pageOf(g.documentIndex))}#goal-${g.documentIndex}-${g.goalIndex}`)}
${summary(top, digest, (i) => goalsFile(pageOf(i)))}
${overTimeSection(top, head.goalsOverTime, orgHref)}${pagesList}
${errorsSection(top, documents)}
${pageEnd()}`.html;

  const nav = (page: number, count: number, name: (p: number) => string) =>
    h`<p class="pager"><a href="../report.html">${ui.backToReport}</a>${page > 0 ? h` · <a href="${name(page - 1)}" rel="prev">${ui.previousPage}</a>` : ''}${
      page + 1 < count ? h` · <a href="${name(page + 1)}" rel="next">${ui.nextPage}</a>` : ''
    }</p>`;

  const goalsPage = (page: number): StreamedFormat => {
    const { first, last, goals } = range(page);
    const own = documents.slice(first, last + 1).map((document, k) => ({ document, index: first + k }));
    const title = `${ui.reportTitle}: ${ui.documentsRange(first + 1, last + 1, documents.length)}`;
    const flagged = flaggedOn(page);
    return {
      start: h`${pageStart(inPage, title, version, nav(page, goalsPages, goalsName))}
${flaggedSection(inPage, flagged)}
${allGoalsStart(inPage, own, flagged, goals)}`.html,
      document: (document: DocumentResult, documentIndex: number) => otherGoalRows(inPage, document, documentIndex),
      end: h`${goals > 0 ? ALL_GOALS_END : ''}
${pageEnd()}`.html,
    };
  };

  const overTimePages = Array.from({ length: overTimeCount }, (_, page) => {
    const first = page * ORGANISATIONS_PER_PAGE;
    const last = Math.min(organisations.length, first + ORGANISATIONS_PER_PAGE) - 1;
    const title = `${ui.overTimeHeading}: ${ui.organisationsRange(first + 1, last + 1, organisations.length)}`;
    const views = organisations.slice(first, last + 1).map((org, k) => organisationView(inPage, org, first + k));
    return {
      file: `${PAGES_DIR}/${overTimeName(page)}`,
      text: h`${pageStart(inPage, title, version, nav(page, overTimeCount, overTimeName))}
<section id="over-time">${views}
</section>
${pageEnd()}`.html,
    };
  });

  return { index, goalsPages, pageOf, goalsFile, goalsPage, overTimePages };
}

/** report.html's flagged goals, one row each: the reason's codes, the page in the PDF, and a link to the quotes. */
function flaggedRows(ctx: Context, flagged: readonly GoalInDocument[], cardHref: (g: GoalInDocument) => string): SafeHtml {
  const { ui } = ctx;
  const rows = flagged.map(
    (g) => h`
<tr><td>${statusDot(ctx, g.goal.status)}</td><td><strong>${g.goal.title}</strong> <a href="${cardHref(g)}">${ui.quotes}</a></td><td title="${showBidiControls(g.document.file)}">${showBidiControls(fileBasename(g.document.file))}</td><td>${pageLink(ctx, g.document.file, g.goal.page)}</td><td>${g.goal.flags.map((f, i) => h`${i > 0 ? ' ' : ''}<span class="code">${f.code}</span>`)}</td></tr>`,
  );
  return h`<section id="flagged" aria-labelledby="flagged-h">
<h2 id="flagged-h">${ui.flaggedHeading} (${flagged.length})</h2>
<p>${flagged.length > 0 ? ui.flaggedIntro : ui.noneFlagged}</p>${
    flagged.length > 0
      ? h`
<table class="flagged">
<thead><tr><th>${ui.statusHeading}</th><th>${ui.goal}</th><th>${ui.document}</th><th>${ui.page}</th><th>${ui.flagged}</th></tr></thead>
<tbody>${rows}
</tbody>
</table>`
      : ''
  }
</section>`;
}

