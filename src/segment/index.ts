import type { SegmentedGoal } from '../model/goal.js';
import type { LayoutDocument } from '../model/layout.js';
import type { Language } from '../model/result.js';
import type { RuleSet } from '../ruleset/load.js';
import { joinLines } from '../text/join-lines.js';
import { readActivityTable } from './activity-table.js';
import { GoalList } from './goal-list.js';
import { readGoalTable } from './goal-table.js';
import { indicatorsOf, looksLikeIndicators } from './indicator-table.js';
import { attachDetailLines, detailLineValues } from './indicator-values-detail-line.js';
import { indicatorsInText } from './indicator-values-in-text.js';
import { stripLabel, textAfterLabelHeading } from './justification-label.js';
import { detectLanguage, documentText } from './language.js';
import { learnLegendBlocks } from './legend-blocks.js';
import { learnLegendLine } from './legend-line.js';
import { isLegendLine, learnLegendRows, withoutLegendRows } from './legend-row.js';
import { isLegendTable, legendEntriesOfTable } from './legend-table.js';
import { withoutGoalNumber } from './goal-number.js';
import { figuresOf } from './kpi-figures-line.js';
import { indicatorOfValues } from './indicator-values.js';
import { isMarkedTitle } from './marked-title.js';
import { clean, rowText } from './plain-text.js';
import { rowStatus } from './row-status.js';
import { learnScales } from './scale-legend.js';
import { splitAtHeaders } from './split-at-headers.js';
import { emptyLegend, learnLegend, statusFromMarks } from './status.js';
import { statusAtHeadingEnd } from './status-at-heading-end.js';
import { statusFollowing } from './status-following.js';
import { statusInHeading, stripStatusLabel } from './status-in-heading.js';
import { isStatusLine } from './status-line.js';
import { isStatusParagraph, withoutStatusLine } from './status-line-not-evidence.js';
import { isSymbolTitle, statusSymbolInTitle } from './status-symbol-in-title.js';
import { isSummaryTable } from './summary-table.js';
import { isTableCaption } from './table-caption.js';
import { continuedHeader } from './table-continuation.js';
import { titleText } from './title-text.js';
import { isColumnLabel, readHeader } from './table-header.js';
import { unitsOf, type TextUnit, type Unit } from './units.js';
import { hasRole, vocabularyFor } from './vocabulary.js';
import { NOT_A_HEADING, startOfDocument, type SegmentContext, type WalkState } from './walk-state.js';

export { detectLanguage, documentText } from './language.js';

export interface SegmentResult {
  language: Language;
  goals: SegmentedGoal[];
}

/**
 * Finds every goal in a laid-out report: its title, status, justification, indicators and activities. Reads the
 * report's units in order; each kind of unit goes to its step below, and each decision to a named heuristic.
 */
export function segmentDocument(doc: LayoutDocument, rules: RuleSet, language?: Language): SegmentResult {
  const lang = language ?? detectLanguage(documentText(doc));
  const v = vocabularyFor(rules, lang);
  const us = unitsOf(doc).flatMap((u): Unit[] => (u.kind === 'table' ? splitAtHeaders(u.table, v).map((table) => ({ ...u, table })) : [u]));
  const c: SegmentContext = { v, legend: emptyLegend(), bodyFontSize: doc.bodyFontSize, goals: new GoalList(v) };
  learnLegendBlocks(us, c.legend, v);
  learnLegendRows(us, c.legend, v);
  learnScales(us, c.legend, v);
  const s = startOfDocument();
  us.forEach((u, i) => {
    if (u.kind === 'legend' || (u.kind !== 'table' && isLegendLine(u.lines, v))) closeGoal(s);
    else if (u.kind === 'heading' || (u.kind === 'text' && (isMarkedTitle(u, c.legend) || isSymbolTitle(u, v)))) onTitle(us, i, c, s);
    else if (u.kind === 'text') onParagraph(u, c, s);
    else onTable(us, i, c, s);
  });
  const goals = c.goals.found();
  attachDetailLines(us, goals, v);
  for (const g of goals) g.indicators.push(...indicatorsInText(g, v));
  return { language: lang, goals };
}

/** A legend or key heading: what follows belongs to no goal. */
function closeGoal(s: WalkState): void {
  s.current = null;
  s.pending = [];
}

/** A heading, or a short paragraph with a status mark: a goal, its status line, a legend entry, a label or a section. */
function onTitle(us: Unit[], i: number, c: SegmentContext, s: WalkState): void {
  const u = us[i] as Extract<Unit, { kind: 'heading' | 'text' }>;
  const { v } = c;
  // A fill behind a heading is decoration (a band); a heading's status is a symbol, icon or glyph.
  const marks = u.marks.filter((m) => m.kind !== 'cell');
  const title = clean(u.text);
  if (hasRole(title, 'justification-label', v) && !marks.length) {
    const rest = textAfterLabelHeading(title);
    if (s.current && rest && !isStatusParagraph(title, s.current, v)) s.current.justification.push({ text: rest, page: u.page });
    return;
  }
  if (hasRole(title, 'legend-heading', v)) return closeGoal(s);
  if (marks.length && isStatusLine(title, v)) {
    if (s.current && s.currentUnit === i - 1) return; // the status line of the goal just opened (status-following)
    learnLegendLine(title, marks, c.legend, v);
    s.current = null;
    return;
  }
  // A status word in a box at a heading's right end, or a smiley beside the title, is not part of the title.
  const boxed = u.kind === 'heading' ? statusAtHeadingEnd(u.lines, v) : null;
  const symbol = statusSymbolInTitle(boxed?.title ?? title, u.page, v);
  // A heading that is a column label ("Key Performance Indicators", "Nämndmål") names a kind of thing, not a goal.
  const st = isColumnLabel(title, v)
    ? null
    : statusFromMarks(marks, c.legend) ??
      (u.kind === 'heading' ? statusInHeading(u.text, v) : null) ??
      boxed?.status ??
      symbol?.status ??
      statusFollowing(us, i, v, c.legend);
  if (st) {
    const line = (u.kind === 'heading' ? u.line : u.lines[0])?.source?.line ?? null;
    s.current = c.goals.add(withoutGoalNumber(stripStatusLabel(titleText(symbol?.title ?? boxed?.title ?? title), v), v), u.page, st, s.section, false, line);
    s.currentUnit = i;
    s.currentLevel = u.kind === 'heading' ? u.level : NOT_A_HEADING;
    s.inActivities = false;
    s.pending = [];
    return;
  }
  if (u.kind !== 'heading') return;
  s.section = title;
  const caption = isTableCaption(title, us[i + 1]);
  if (s.current && u.level <= s.currentLevel && !caption) s.current = null;
  if (!caption) {
    s.pending = [];
    s.lastTableHeader = null;
  }
}

/** A paragraph: the open goal's justification, or commentary waiting for the table after it. */
function onParagraph(u: TextUnit, c: SegmentContext, s: WalkState): void {
  // A KPI's figures line, set as a paragraph of its own or as the first line of its commentary, is its indicator.
  const figures = s.current && !s.inActivities ? figuresOf(u.lines[0].text, c.v) ?? figuresOf(u.text, c.v) : null;
  if (figures && s.current) {
    // Its labelled figures are read as a detail line's are ("Latest: 61% Target: 60%"); what it prints stays its values.
    const printed = detailLineValues(figures.join(' '), c.v) ?? {};
    const read = indicatorOfValues(s.current.title, u.page, s.current.status, printed, 'detail-line', [], c.v);
    s.current.indicators.push({ ...read, values: figures });
    if (u.lines.length === 1 || figuresOf(u.text, c.v)) return;
    u = { ...u, lines: u.lines.slice(1), text: joinLines(u.lines.slice(1).map((l) => l.text)) };
  }
  const text = clean(withoutStatusLine(u, c.v));
  if (hasRole(text, 'source-note', c.v)) return; // "Källa: …" under a table or a page: no one's evidence
  if (u.small && !s.current) return; // footnotes and captions in small type
  if (s.current && !s.inActivities) {
    if (isStatusParagraph(text, s.current, c.v)) return;
    const comment = stripLabel(text, c.v);
    if (comment) s.current.justification.push({ text: comment, page: u.page });
  } else if (!s.current) {
    s.pending.push({ text, page: u.page });
  }
}

/** A table: activities, a legend, a summary, the open goal's indicators or text, or a table of goals. */
function onTable(us: Unit[], i: number, c: SegmentContext, s: WalkState): void {
  const { v, legend } = c;
  const t = withoutLegendRows((us[i] as Extract<Unit, { kind: 'table' }>).table, v);
  if (!t.rows.length) return;
  c.goals.enterTable(i);
  const before = s.pending;
  s.pending = [];
  const header = readHeader(t, v) ?? continuedHeader(t, s.lastTableHeader);
  if (header) s.lastTableHeader = header;
  if (header?.kind === 'activity') return readActivityTable(t, header, c, s);
  if (isLegendTable(t, us[i - 1], v)) return learnLegend(legend, legendEntriesOfTable(t, v), v);
  if (header?.kind === 'summary' || isSummaryTable(t, v)) return;
  const rows = t.rows.slice(header?.bodyStart ?? 0).map((r) => ({ r, st: rowStatus(r, header, legend, v) }));
  const open = s.current && !s.inActivities ? s.current : null;
  if (!rows.some((x) => x.st)) {
    // A table without statuses: indicator values under a goal, or a layout table of text.
    if (open && (header?.kind === 'indicator' || looksLikeIndicators(t))) open.indicators.push(...indicatorsOf(t, header, legend, v));
    else if (open) for (const r of t.rows) open.justification.push({ text: rowText(r), page: t.page });
    return;
  }
  if (open && header?.kind === 'indicator' && !header.latest) {
    open.indicators.push(...indicatorsOf(t, header, legend, v));
    return;
  }
  const continuesPreviousPage = us[i - 1]?.kind === 'table' && us[i - 1].page === t.page - 1;
  readGoalTable(t, rows, header, { paragraphs: before, continuesPreviousPage }, c, s);
}
