import type { Cell, Table } from '../model/layout.js';
import type { StructureRole } from '../ruleset/schema.js';
import { clean } from './plain-text.js';
import { THRESHOLDS } from './thresholds.js';
import { hasRole, type Vocabulary } from './vocabulary.js';

/**
 * What a table is, read from its header rows by the structure vocabulary: a goal table ("Nämndmål | Bedömning",
 * "Indicator | Latest | Previous | DoT" in English QPR tables), an activity table (Word/Stratsys "Aktivitet |
 * Status | Färdiggrad"), an indicator table ("Nyckeltal | Utfall 2025 | Målvärde") or a summary of counts.
 * Where each column stands decides which cell is the title, the status, last period's status, a trend or a comment.
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
  /** The table's column edges, to recognise its continuation on the next page. */
  columns: number[];
  /** Each header cell's text and horizontal extent (header rows stacked in one column joined), for the values under it. */
  labels?: HeaderLabel[];
}

/** Header labels that name a kind of column; a heading that is one of them names a kind of thing, not a goal. */
export const COLUMN_HEADER_ROLES = ['activity-header', 'goal-header', 'status-header', 'latest-header', 'previous-header', 'indicator-header', 'trend-header'] as const satisfies readonly StructureRole[];

/** The roles a header cell can have, the first that matches winning. */
const HEADER_CELL_ROLES = ['activity-header', 'goal-header', 'status-header', 'latest-header', 'previous-header', 'indicator-header', 'justification-label', 'trend-header', 'summary-header'] as const satisfies readonly StructureRole[];

/** A header cell: its text and where it stands across the page. */
export interface HeaderLabel {
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
function stackLabels(above: HeaderLabel[], cells: Cell[]): HeaderLabel[] {
  const overlaps = (l: HeaderLabel, c: Cell) => l.x0 < c.bbox[2] && c.bbox[0] < l.x1;
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
    const roles = cells.map((c) => {
      const text = clean(c.text);
      if (text.split(' ').length > THRESHOLDS.headerCellMaxWords) return null;
      for (const role of HEADER_CELL_ROLES) if (hasRole(text, role, v)) return role;
      return null;
    });
    const named = roles.filter((r) => r).length;
    if (!named || (named < THRESHOLDS.headerMinLabels && named < Math.ceil(cells.filter((c) => c.text).length / 2))) {
      if (found) break;
      continue;
    }
    const h: TableHeader = found ?? { kind: 'goal', bodyStart: 0, titleColumn: cells[0].column, latest: null, previous: null, statusX: null, trendX: [], commentColumns: [], columns: t.columns };
    h.bodyStart = k + 1;
    h.labels = stackLabels(h.labels ?? [], cells);
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
  return found;
}
