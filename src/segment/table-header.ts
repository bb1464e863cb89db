import type { Cell, Table } from '../model/layout.js';
import type { StructureRole } from '../ruleset/schema.js';
import { clean } from './plain-text.js';
import { figureLabelsBesideStatus, statusUnderStatusLabel } from './status-column.js';
import { THRESHOLDS } from './thresholds.js';
import { hasRole, statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * What a table is, read from its header rows by the structure vocabulary: a goal table ("Nämndmål | Bedömning",
 * "Indicator | Latest | Previous | DoT" in English QPR tables), an activity table (Word/Stratsys "Aktivitet |
 * Status | Färdiggrad"), an indicator table ("Nyckeltal | Utfall 2025 | Målvärde") or a summary of counts.
 * Where each column stands decides which cell is the title, the status, last period's status, a trend or a comment.
 * A body cell belongs to the header label it lies under, by where they overlap: web exports centre their header
 * labels ("Ref | Outcome | RAG | Commentary" with the browser's centred <th>), so a label's left edge is no column
 * edge of the body. Where several columns are goal columns ("Målområde | Mål | Status | Kommentar"), the title is
 * the goal column nearest the status column; the others name the area a goal stands in. A status word as a
 * header label ("Uppfyllt" over a Ja/Nej column) counts only beside another label: alone it is a goal row's status.
 * "Utfall" beside "Måluppfyllelse" is the indicator's figure, not the status (status-column).
 */
export const id = 'table-header';

export interface TableHeader {
  kind: 'goal' | 'activity' | 'indicator' | 'summary';
  /** The first row after the header. */
  bodyStart: number;
  titleColumn: number;
  /** x centre of the column holding the latest status (RAG tables). */
  latest: number | null;
  /** x centre of the previous period's column, whose status is not the goal's. */
  previous: number | null;
  /** x centre of the status column. */
  statusX: number | null;
  /** x centres of trend columns (arrows are not status). */
  trendX: number[];
  commentColumns: number[];
  /** Goal columns left of the title column: the area ("Målområde") a goal row stands in. */
  areaColumns: number[];
  /** Every label of the header with where it stands, for placing a body cell under its label. */
  labels: HeaderLabel[];
  /** The table's column edges, to recognise its continuation on the next page. */
  columns: number[];
  /** Each header cell's text and horizontal extent (header rows stacked in one column joined), for the values under it. */
  stacked?: StackedLabel[];
}

/** A header label: its column in the header row and its horizontal extent. */
export interface HeaderLabel {
  column: number;
  x0: number;
  x1: number;
  role: (typeof HEADER_CELL_ROLES)[number] | null;
}

/** Header labels that name a kind of column; a heading that is one of them names a kind of thing, not a goal. */
export const COLUMN_HEADER_ROLES = ['activity-header', 'goal-header', 'status-header', 'latest-header', 'previous-header', 'indicator-header', 'trend-header'] as const satisfies readonly StructureRole[];

/** The roles a header cell can have, the first that matches winning. */
const HEADER_CELL_ROLES = ['activity-header', 'goal-header', 'status-header', 'latest-header', 'previous-header', 'indicator-header', 'justification-label', 'trend-header', 'summary-header'] as const satisfies readonly StructureRole[];

/** A header cell: its text (with the labels stacked above it) and where it stands across the page. */
export interface StackedLabel {
  x0: number;
  x1: number;
  text: string;
}

export const isColumnLabel = (text: string, v: Vocabulary) => COLUMN_HEADER_ROLES.some((role) => hasRole(text, role, v));

export const centre = (c: Cell) => (c.bbox[0] + c.bbox[2]) / 2;

/**
 * A header row under the rows read so far: each cell's label opens with the labels above it that it stands under
 * ("Utfall" over "2024" and "2025", "RAG rating" over "Latest" and "Previous"); a label above with nothing under it stays.
 */
function stackLabels(above: StackedLabel[], cells: Cell[]): StackedLabel[] {
  const overlaps = (l: StackedLabel, c: Cell) => l.x0 < c.bbox[2] && c.bbox[0] < l.x1;
  const row = cells.filter((c) => c.text).map((c) => ({ x0: c.bbox[0], x1: c.bbox[2], text: [...above.filter((l) => overlaps(l, c)).map((l) => l.text), clean(c.text)].join(' ') }));
  const kept = above.filter((l) => !cells.some((c) => c.text && overlaps(l, c)));
  return [...kept, ...row].sort((a, b) => a.x0 - b.x0);
}

/** Reads a table's header rows (within its first rows), or null when it has none. */
export function readHeader(t: Table, v: Vocabulary): TableHeader | null {
  let found: TableHeader | null = null;
  for (let k = 0; k < Math.min(THRESHOLDS.headerMaxRows, t.rows.length); k++) {
    const cells = t.rows[k].cells;
    if (!cells.length || cells.every((c) => !c.text)) break;
    if (found && statusUnderStatusLabel(cells, found.statusX, v)) break;
    const roles = headerRoles(cells.map((c) => clean(c.text)), v);
    const named = roles.filter((r) => r).length;
    if (!named || (named < THRESHOLDS.headerMinLabels && named < Math.ceil(cells.filter((c) => c.text).length / 2))) {
      if (found) break;
      continue;
    }
    const h: TableHeader = found ?? { kind: 'goal', bodyStart: 0, titleColumn: cells[0].column, latest: null, previous: null, statusX: null, trendX: [], commentColumns: [], areaColumns: [], labels: [], columns: t.columns };
    h.bodyStart = k + 1;
    h.labels.push(...cells.map((c, ci) => ({ column: c.column, x0: c.bbox[0], x1: c.bbox[2], role: roles[ci] })));
    h.stacked = stackLabels(h.stacked ?? [], cells);
    cells.forEach((c, ci) => {
      const role = roles[ci];
      if (role === 'activity-header' && ci === 0) h.kind = 'activity';
      if (role === 'summary-header' && ci === 0) h.kind = 'summary';
      if (role === 'indicator-header' && ci === 0 && h.kind === 'goal') h.kind = 'indicator';
      if (role === 'latest-header') h.latest = centre(c);
      if (role === 'previous-header') h.previous = centre(c);
      if (role === 'status-header' && h.statusX === null) h.statusX = centre(c);
      else if (role === 'status-header' && h.previous === null) h.previous = centre(c); // "RAG | RAG": the second is last period's
      if (role === 'trend-header') h.trendX.push(centre(c));
      if (role === 'justification-label') h.commentColumns.push(c.column);
    });
    found = h;
  }
  if (found) placeTitleColumn(found);
  return found;
}

/**
 * The role of each header cell. A cell that is itself a status word ("Uppfyllt") is a label only where another cell
 * of the row is a label that is no status word: "Mål | Uppfyllt" is a header, "Trygg skola | Uppfyllt" a goal.
 */
function headerRoles(texts: string[], v: Vocabulary): (HeaderLabel['role'])[] {
  const roles = texts.map((text) => {
    if (text.split(' ').length > THRESHOLDS.headerCellMaxWords) return null;
    for (const role of HEADER_CELL_ROLES) if (hasRole(text, role, v)) return role;
    return null;
  });
  const plainLabel = roles.some((r, k) => r && !statusOfText(texts[k], v));
  return figureLabelsBesideStatus(texts, roles.map((r, k) => (r && statusOfText(texts[k], v) && !plainLabel ? null : r)), v);
}

/** The title is the goal column nearest the status column; goal columns left of it are areas. */
function placeTitleColumn(h: TableHeader): void {
  const goals = h.labels.filter((l) => l.role === 'goal-header');
  if (!goals.length) return;
  const status = h.statusX ?? h.latest;
  const centreOf = (l: HeaderLabel) => (l.x0 + l.x1) / 2;
  const title = status == null ? goals[0] : goals.reduce((a, b) => (Math.abs(centreOf(b) - status) < Math.abs(centreOf(a) - status) ? b : a));
  h.titleColumn = title.column;
  h.areaColumns = goals.filter((l) => l !== title && l.x1 <= title.x0).map((l) => l.column);
}

/**
 * The header label a body cell stands under: the one its text overlaps most; else, for a short text beside a centred
 * label ("Ja" at the left of an "Uppfyllt" column), the nearest label close by; else the one in its own column.
 * Null without a header, or where no label stands over the cell.
 */
export function labelOf(c: Cell, header: TableHeader | null): HeaderLabel | null {
  if (!header) return null;
  let best: HeaderLabel | null = null, most = 0, nearest: HeaderLabel | null = null, gap: number = THRESHOLDS.headerLabelReachPt;
  for (const l of header.labels) {
    const overlap = Math.min(c.bbox[2], l.x1) - Math.max(c.bbox[0], l.x0);
    if (overlap > most) { best = l; most = overlap; }
    if (overlap <= 0 && -overlap < gap) { nearest = l; gap = -overlap; }
  }
  return best ?? nearest ?? header.labels.find((l) => l.column === c.column) ?? null;
}

/** The column a body cell stands in, as the header numbers it (see labelOf); its own where no label is over it. */
export const headerColumnOf = (c: Cell, header: TableHeader | null) => labelOf(c, header)?.column ?? c.column;
