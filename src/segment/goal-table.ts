import type { Paragraph, SegmentedGoal } from '../model/goal.js';
import type { Cell, Row, Table } from '../model/layout.js';
import { appendComment } from './comment-rows.js';
import { indicatorOfRow } from './indicator-values.js';
import { distributeCommentary } from './commentary-before-table.js';
import { stripLabel } from './justification-label.js';
import { clean, rowText } from './plain-text.js';
import { isSectionRow } from './section-row.js';
import type { StatusFound } from './status.js';
import { centre, headerColumnOf, type TableHeader } from './table-header.js';
import { THRESHOLDS } from './thresholds.js';
import { titleCellOf } from './title-cell.js';
import { goalTitle } from './goal-number.js';
import { figureLabels, indicatorNameCell, isIndicatorRowOfGoal } from './goal-row-indicators.js';
import { hasRole, statusOfText } from './vocabulary.js';
import { NOT_A_HEADING, type SegmentContext, type WalkState } from './walk-state.js';

/**
 * A goal table: each row with a status is a goal (Swedish "Nämndmål | Bedömning" tables, English KPI tables with
 * RAG cells), its comment columns and the rows after it without status are its commentary, and its figures are
 * its indicator (not the reference before its title, "TP1", nor its grade on the report's scale). A row of summary
 * or "not a goal" words is skipped; a section row opens a section, and so does the cell of an area column before the
 * title column ("Målområde | Mål | Status | Kommentar": the area a goal row, and the rows under it, stand in). A
 * comment row at the top of a table continued from the previous page belongs to that page's last goal. A goal
 * row's own indicator cell names its indicator, and the rows under it with only an indicator are its further
 * indicators (goal-row-indicators).
 */
export const id = 'goal-table';

export function readGoalTable(
  t: Table,
  rows: { r: Row; st: StatusFound | null }[],
  header: TableHeader | null,
  before: { paragraphs: Paragraph[]; continuesPreviousPage: boolean },
  c: SegmentContext,
  s: WalkState,
): void {
  const { v } = c;
  s.inActivities = false;
  const shared = header?.latest ? before.paragraphs.filter((p) => !hasRole(p.text, 'legend-heading', v)) : [];
  let last: SegmentedGoal | null = before.continuesPreviousPage ? s.lastTableGoal : null;
  const rowGoals: SegmentedGoal[] = [];
  for (const { r, st } of rows) {
    const titleCell = titleCellOf(r, header, v);
    const area = header ? r.cells.find((x) => x.text && header.areaColumns.includes(headerColumnOf(x, header))) : undefined;
    if (area && area !== titleCell) s.section = clean(area.text);
    if (st && titleCell && titleCell.text && !statusOfText(titleCell.text, v)) {
      const title = goalTitle(titleCell.text, v);
      if (hasRole(title, 'summary-header', v) || hasRole(title, 'not-goal', v)) continue;
      s.commentRun = false;
      const g = c.goals.add(title, t.page, st, s.section, true, titleCell.lines[0]?.source?.line ?? null);
      if (!g) { last = null; continue; }
      rowGoals.push(g);
      const comment = r.cells.filter((x) => x !== titleCell && header?.commentColumns.includes(headerColumnOf(x, header)));
      for (const x of comment) if (x.text) g.justification.push({ text: stripLabel(clean(x.text), v), page: t.page });
      const named = indicatorNameCell(r, header, titleCell);
      const cells = r.cells.filter((x) => x !== titleCell && x !== area && x !== named && !comment.includes(x) && !isReference(x, titleCell) && !isGrade(x, header, c));
      const name = named ? clean(named.text) : title;
      if (cells.some((x) => /\d/.test(x.text)) || header?.latest) g.indicators.push(indicatorOfRow({ name, page: t.page, status: st.status, cells }, named ? figureLabels(header) : header?.stacked ?? null, v));
      last = g;
    } else if (last && !st && isIndicatorRowOfGoal(r, header)) {
      const named = indicatorNameCell(r, header)!;
      const cells = r.cells.filter((x) => x !== named && !isGrade(x, header, c));
      last.indicators.push(indicatorOfRow({ name: clean(named.text), page: t.page, status: 'unknown', cells }, figureLabels(header), v));
    } else if (!st && isSectionRow(r, c.bodyFontSize) && !hasRole(clean(r.cells[0]?.text ?? ''), 'justification-label', v)) {
      s.section = rowText(r);
      last = null;
    } else if (last && !st) {
      const text = rowText(r);
      const comment = text && !/^\d+$/.test(text) ? stripLabel(text, v) : '';
      if (comment) appendComment(last, comment, t.page, s.commentRun);
      s.commentRun = true;
    }
  }
  s.current = last && textAfterContinues(t, last, header, v) ? last : null;
  if (shared.length) distributeCommentary(rowGoals, shared, v);
  s.lastTableGoal = last;
  s.currentLevel = NOT_A_HEADING;
  s.pending = [];
}

/** "TP1", "ASC01", "1.2" before the title: the row's reference, not a measured value. */
const isReference = (x: Cell, titleCell: Cell) => x.bbox[2] <= titleCell.bbox[0] && !/\s/.test(clean(x.text));

/** "4" in the status column where the report's scale has a 4: the goal's grade (its status), not a measured value. */
const isGrade = (x: Cell, header: TableHeader | null, c: SegmentContext) =>
  header?.statusX != null && c.legend.byValue.has(clean(x.text)) && Math.abs(centre(x) - header.statusX) < THRESHOLDS.statusColumnPt;

/**
 * Text after a goal table continues its last goal only where the table left it waiting for one (a bare
 * "Kommentar:" row, or no commentary at all, in Swedish tables); after a KPI table, or a goal with its comment,
 * it is the report's own prose.
 */
function textAfterContinues(t: Table, last: SegmentedGoal, header: TableHeader | null, v: SegmentContext['v']): boolean {
  const lastRow = t.rows[t.rows.length - 1];
  const bareLabel = lastRow && hasRole(rowText(lastRow), 'justification-label', v);
  return !header?.latest && Boolean(bareLabel || last.justification.length === 0);
}
