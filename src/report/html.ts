import {
  LABELS,
  RESIDENT_FACING,
  type AnalysisResult,
  type DocumentResult,
  type Goal,
  type Language,
  type Status,
} from '../model/result.js';
import { isFlagged, quotedSentences, type GoalInDocument, type QuotedSentence } from './goal-views.js';
import { digestOf, joinParts, type ArchiveDigest, type StreamedFormat } from './streamed.js';
import { HTML_CSP, SCRIPT, STYLE } from './html-assets.js';
import { HTML_STRINGS } from './html-strings.js';
import { h, pageLink, percent, render, SafeHtml, statusDot, type Context } from './html-markup.js';
import { overTimeSection } from './html-over-time.js';
import { documentHref, fileBasename } from './paths.js';
import { showBidiControls } from './plain-text.js';

export { escapeHtml } from './html-markup.js';

export interface HtmlOptions {
  /** The page title and heading; defaults to "verkstad report" (and the file name for one document). */
  title?: string;
  /**
   * A document's link, to which `#page=N` is added: it must open the file from where the report is read. Default
   * `documentHref`, the path as given (right for a report read from the working directory).
   */
  documentLink?: (file: string) => string;
}

// ---------------------------------------------------------------------------------------------------------
// The report.
// ---------------------------------------------------------------------------------------------------------

/** Swedish words when every analysed document is Swedish, otherwise English. */
export function htmlLanguage(result: { documents: readonly Pick<DocumentResult, 'error' | 'language'>[] }): Language {
  const analysed = result.documents.filter((d) => d.error === null);
  const documents = analysed.length > 0 ? analysed : result.documents;
  return documents.length > 0 && documents.every((d) => d.language === 'sv') ? 'sv' : 'en';
}

function quoteList(ctx: Context, file: string, sentences: readonly QuotedSentence[]): SafeHtml {
  return h`<ol class="quotes">${sentences.map(
    (s) =>
      h`
<li class="l-${s.label}"><span class="chip">${s.label}</span> <mark>${s.text}</mark> ${pageLink(ctx, file, s.page)}</li>`,
  )}
</ol>`;
}

function indicatorList(ctx: Context, file: string, indicators: readonly { name: string; page: number; values: readonly string[] }[]): SafeHtml {
  return h`<ul class="indicators">${indicators.map(
    (i) => h`
<li>${i.name}: <span class="figures">${i.values.join(' | ')}</span> ${pageLink(ctx, file, i.page)}</li>`,
  )}
</ul>`;
}

export function legend(ctx: Context): SafeHtml {
  const labels = LABELS.map(
    (label) =>
      h`
<li class="l-${label}"><span class="chip">${label}</span> ${ctx.ui.labelMeaning[label]}${
        RESIDENT_FACING.has(label) ? h` <span class="rf">(${ctx.ui.residentFacing})</span>` : ''
      }</li>`,
  );
  const statuses = (['green', 'yellow', 'red', 'unknown'] as const).map(
    (status) => h`
<li>${statusDot(ctx, status)}</li>`,
  );
  return h`<section class="legend" aria-labelledby="legend-h">
<h2 id="legend-h">${ctx.ui.legendHeading}</h2>
<ul>${labels}
</ul>
<ul>${statuses}
</ul>
</section>`;
}

interface SummaryNumbers {
  goals: number;
  byStatus: Record<Status, number>;
  flaggedGreen: number;
  green: number;
  greenWithResidentEvidence: number | null;
}

function summaryCells(ctx: Context, s: SummaryNumbers): SafeHtml {
  return h`<td class="num">${s.goals}</td><td class="num">${s.byStatus.green}</td><td class="num">${s.byStatus.yellow}</td><td class="num">${s.byStatus.red}</td><td class="num">${s.byStatus.unknown}</td><td class="num">${s.flaggedGreen}</td><td class="num">${percent(ctx, s.greenWithResidentEvidence)}</td>`;
}

/** Whose report, what kind, which period ("Lunds kommun, Socialnämnden · delårsrapport 2025 T2"), how each was read on hover. */
function identityCell(d: Pick<DocumentResult, 'organisation' | 'kind' | 'period'>): SafeHtml {
  const parts = (['organisation', 'kind', 'period'] as const).flatMap((k) => (d[k] ? [{ k, ...d[k]! }] : []));
  const how = parts.map((p) => `${p.k}: ${p.source}`).join('; ');
  const text = [d.organisation?.value, [d.kind?.value, d.period?.value].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
  return h`<td class="identity"${how ? h` title="${how}"` : ''}>${showBidiControls(text)}</td>`;
}

/** The other paths of a document found at several (copies are one document). */
function alsoAt(ctx: Context, d: DocumentResult): SafeHtml | '' {
  const others = (d.paths ?? []).slice(1);
  return others.length ? h`<br><span class="muted">${ctx.ui.alsoAt}: ${others.map((p, i) => h`${i > 0 ? ', ' : ''}${showBidiControls(p)}`)}</span>` : '';
}

/** `goalsPage`: where a document's goals are when they are on pages of their own (html-pages.ts). */
export function summary(ctx: Context, digest: ArchiveDigest, goalsPage?: (documentIndex: number) => string): SafeHtml {
  const { ui } = ctx;
  const rows = digest.documents.map((d, i) => {
    const error = d.error ? h`<span class="error-code">${d.error.code}</span> ${showBidiControls(d.error.message)}` : '';
    // A document that could not be read has no meaningful language or page count.
    const unread = d.error !== null && d.pages === 0;
    return h`
<tr><td>${goalsPage && d.summary.goals > 0 ? h`<a href="${goalsPage(i)}">${showBidiControls(d.file)}</a>` : showBidiControls(d.file)}${alsoAt(ctx, d)}</td>${identityCell(d)}${unread ? h`<td></td><td></td>` : h`<td>${d.language}</td><td class="num">${d.pages}</td>`}${summaryCells(ctx, d.summary)}<td>${error}</td></tr>`;
  });
  const total =
    digest.documents.length > 1
      ? h`
<tr class="total"><td>${ui.allDocuments} (${digest.head.summary.documents})</td><td></td><td></td><td></td>${summaryCells(ctx, digest.head.summary)}<td>${
          digest.head.summary.failed > 0 ? h`<span class="error-code">${digest.head.summary.failed}</span>` : ''
        }</td></tr>`
      : '';
  return h`<section class="summary" aria-labelledby="summary-h">
<h2 id="summary-h">${ui.summaryHeading}</h2>
<table>
<thead><tr><th>${ui.document}</th><th>${ui.identity}</th><th>${ui.language}</th><th class="num">${ui.pages}</th><th class="num">${ui.goals}</th><th class="num">${ui.status.green}</th><th class="num">${ui.status.yellow}</th><th class="num">${ui.status.red}</th><th class="num">${ui.status.unknown}</th><th class="num">${ui.flagged}</th><th class="num">${ui.greenWithResidentEvidence}</th><th>${ui.error}</th></tr></thead>
<tbody>${rows}${total}
</tbody>
</table>
</section>`;
}

function flaggedGoal(ctx: Context, { document, documentIndex, goal, goalIndex }: GoalInDocument): SafeHtml {
  const level = goal.flags.some((f) => f.level === 'error') ? 'error' : goal.flags.some((f) => f.level === 'warning') ? 'warning' : 'note';
  const flags = goal.flags.map((flag) => {
    const quoted = quotedSentences(goal, flag);
    return h`
<p class="why"><span class="code">${flag.code}</span> ${flag.message}</p>
${quoted.length > 0 ? quoteList(ctx, document.file, quoted) : flag.indicators ? indicatorList(ctx, document.file, flag.indicators) : h`<p class="muted">${ctx.ui.noText}</p>`}`;
  });
  return h`
<article class="goal level-${level}" id="goal-${documentIndex}-${goalIndex}">
<h3>${statusDot(ctx, goal.status)} ${goal.title}</h3>
<p class="where">${showBidiControls(document.file)} · ${pageLink(ctx, document.file, goal.page)}</p>${flags}
</article>`;
}

export function flaggedSection(ctx: Context, flagged: readonly GoalInDocument[]): SafeHtml {
  return h`<section id="flagged" aria-labelledby="flagged-h">
<h2 id="flagged-h">${ctx.ui.flaggedHeading} (${flagged.length})</h2>
<p>${flagged.length > 0 ? ctx.ui.flaggedIntro : ctx.ui.noneFlagged}</p>${flagged.map((g) => flaggedGoal(ctx, g))}
</section>`;
}

function goalDetails(ctx: Context, file: string, goal: Goal): SafeHtml | '' {
  const extra = [
    goal.notFlaggedBecause ? h`<p class="muted">${ctx.ui.notFlagged}: ${goal.notFlaggedBecause}</p>` : '',
    goal.indicators.length > 0
      ? h`<p class="muted">${ctx.ui.indicators}: ${goal.indicators.map(
          (ind, i) => h`${i > 0 ? '; ' : ''}${ind.name} (${ind.values.join(' | ')}, ${ctx.ui.status[ind.status]})`,
        )}</p>`
      : '',
  ];
  if (goal.sentences.length === 0 && !goal.notFlaggedBecause && goal.indicators.length === 0) return '';
  return h`<details><summary>${ctx.ui.sentences(goal.sentences.length)}</summary>${extra}${
    goal.sentences.length > 0 ? quoteList(ctx, file, goal.sentences) : ''
  }</details>`;
}

export function goalRow(ctx: Context, { document, documentIndex, goal }: GoalInDocument): SafeHtml {
  const flagged = isFlagged(goal);
  const badges = goal.flags.map((f) => h`<span class="badge" title="${f.code}">${ctx.ui.flagged}</span>`);
  return h`
<tr data-goal="" data-flagged="${flagged ? '1' : '0'}" data-status="${goal.status}" data-doc="${documentIndex}">
<td>${statusDot(ctx, goal.status)}</td>
<td><strong>${goal.title}</strong>${badges}${goalDetails(ctx, document.file, goal)}</td>
<td title="${showBidiControls(document.file)}">${showBidiControls(fileBasename(document.file))}</td>
<td>${pageLink(ctx, document.file, goal.page)}</td>
<td class="hide-narrow">${ctx.ui.orientation[goal.orientation]}</td>
<td class="hide-narrow">${ctx.ui.evidence[goal.evidence]}</td>
</tr>`;
}

/**
 * The all-goals table of `documents` (each with its index in the archive) up to its first row that is not flagged, or
 * the whole section when they have no goals: `flagged`, their flagged goals, lead the table.
 */
export function allGoalsStart(
  ctx: Context,
  documents: readonly { document: DocumentResult; index: number }[],
  flagged: readonly GoalInDocument[],
  total: number,
): SafeHtml {
  const { ui } = ctx;
  if (total === 0) {
    return h`<section id="all" aria-labelledby="all-h">
<h2 id="all-h">${ui.allGoalsHeading}</h2>
<p>${ui.noGoals}</p>
</section>`;
  }
  const statusOptions = (['green', 'yellow', 'red', 'unknown'] as const).map(
    (s) => h`<option value="${s}">${ui.status[s]}</option>`,
  );
  const documentOptions = documents.map(({ document: d, index }) =>
    d.summary.goals > 0 ? h`<option value="${index}">${showBidiControls(d.file)}</option>` : '',
  );
  return h`<section id="all" aria-labelledby="all-h">
<h2 id="all-h">${ui.allGoalsHeading}</h2>
<form class="filters" id="filters" role="search" hidden>
<label><input type="checkbox" id="f-flagged"> ${ui.flaggedOnly}</label>
<label>${ui.statusHeading} <select id="f-status"><option value="">${ui.anyStatus}</option>${statusOptions}</select></label>
<label>${ui.document} <select id="f-doc"><option value="">${ui.allDocuments}</option>${documentOptions}</select></label>
<label>${ui.search} <input type="search" id="f-search" autocomplete="off"></label>
</form>
<p class="count muted" aria-live="polite"><span id="shown">${total}</span> / ${total} ${ui.goalsShown}</p>
<p id="no-match" hidden>${ui.noMatch}</p>
<table id="goals">
<thead><tr><th>${ui.statusHeading}</th><th>${ui.goal}</th><th>${ui.document}</th><th>${ui.page}</th><th class="hide-narrow">${ui.orientationHeading}</th><th class="hide-narrow">${ui.evidenceHeading}</th></tr></thead>
<tbody>${flagged.map((g) => goalRow(ctx, g))}`;
}

export function errorsSection(ctx: Context, documents: readonly DocumentResult[]): SafeHtml | '' {
  const failed = documents.filter((d) => d.error !== null);
  if (failed.length === 0) return '';
  return h`<section id="errors" aria-labelledby="errors-h">
<h2 id="errors-h">${ctx.ui.errorsHeading}</h2>
<ul>${failed.map(
    (d) => h`
<li>${showBidiControls(d.file)}: <span class="error-code">${d.error?.code}</span> ${showBidiControls(d.error?.message ?? '')}</li>`,
  )}
</ul>
</section>`;
}

/**
 * `--format html`: the journalist's report, one self-contained file that works offline. The flagged goals
 * come first with their quoted sentences, page links and the reason; then every goal with filters.
 */
export function formatHtml(result: AnalysisResult, options: HtmlOptions = {}): string {
  return joinParts(htmlParts(digestOf(result), options), result.documents);
}

/**
 * `formatHtml` a document at a time. Everything before the all-goals table's other rows comes from the digest
 * (the flagged goals lead the table); each document then adds the rows of its goals that are not flagged.
 */
export function htmlParts(digest: ArchiveDigest, options: HtmlOptions = {}): StreamedFormat {
  const { head } = digest;
  const ctx = htmlContext(digest, options.documentLink);
  const only = digest.documents.length === 1 ? digest.documents[0] : undefined;
  const title = options.title ?? (only ? `${ctx.ui.reportTitle}: ${showBidiControls(fileBasename(only.file))}` : ctx.ui.reportTitle);
  const start = h`${pageStart(ctx, title, head.tool.version, h`<p class="headline">${ctx.ui.headline(head.summary)}</p>`)}
${legend(ctx)}
${flaggedSection(ctx, digest.flagged)}
${summary(ctx, digest)}
${overTimeSection(ctx, head.goalsOverTime)}${allGoalsStart(
    ctx,
    digest.documents.map((document, index) => ({ document, index })),
    digest.flagged,
    head.summary.goals,
  )}`;
  const end = h`${head.summary.goals > 0 ? ALL_GOALS_END : ''}
${errorsSection(ctx, digest.documents)}
${pageEnd()}`;
  return {
    start: start.html,
    document: (document, documentIndex) => otherGoalRows(ctx, document, documentIndex),
    end: end.html,
  };
}

/** The words (Swedish when every analysed document is) and the links of a report on `digest`. */
export function htmlContext(digest: ArchiveDigest, documentLink?: (file: string) => string): Context {
  const lang = htmlLanguage(digest);
  return { ui: HTML_STRINGS[lang], lang, link: documentLink ?? documentHref };
}

/** The rows of a document's goals that are not flagged (the flagged ones lead the table). */
export function otherGoalRows(ctx: Context, document: DocumentResult, documentIndex: number): string {
  return render(document.goals.map((goal, goalIndex) => (isFlagged(goal) ? '' : goalRow(ctx, { document, documentIndex, goal, goalIndex }))));
}

export const ALL_GOALS_END = new SafeHtml('\n</tbody>\n</table>\n</section>');

/** Everything up to and including `<main>`: the strict CSP, the stylesheet, the title and `intro` under it. */
export function pageStart(ctx: Context, title: string, version: string, intro: SafeHtml): SafeHtml {
  return h`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${new SafeHtml(HTML_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="verkstad ${version}">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
${intro}
<p class="meta">${ctx.ui.madeWith(version)} ${ctx.ui.caveat}</p>
</header>
<main>`;
}

/** From `</main>` to the end: the one script (filters, print), allowed by its hash. */
export function pageEnd(): SafeHtml {
  return h`</main>
<script>${new SafeHtml(SCRIPT)}</script>
</body>
</html>
`;
}
