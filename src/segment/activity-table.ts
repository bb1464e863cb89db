import type { Table } from '../model/layout.js';
import { appendComment } from './comment-rows.js';
import { opensWithLabel, stripLabel } from './justification-label.js';
import { clean, rowText } from './plain-text.js';
import { rowStatus } from './row-status.js';
import { isSectionRow } from './section-row.js';
import type { TableHeader } from './table-header.js';
import type { SegmentContext, WalkState } from './walk-state.js';

/**
 * Word/Stratsys reports follow each goal with its activities ("Aktivitet | Status | Färdiggrad"), each with a
 * status of its own and comments under it. Activities are never goals: they are kept as the goal's activities,
 * and their comments are the report's evidence for the goal. A row without status that repeats a goal's title
 * groups the activities after it under that goal; a section row ends the group.
 */
export const id = 'activity-table';

export function readActivityTable(t: Table, header: TableHeader, c: SegmentContext, s: WalkState): void {
  s.inActivities = true;
  for (const r of t.rows.slice(header.bodyStart)) {
    const text = rowText(r);
    if (!text) continue;
    const st = rowStatus(r, header, c.legend, c.v);
    const byTitle = c.goals.byTitle(text);
    if (byTitle) { s.current = byTitle; continue; }
    const labelled = opensWithLabel(text, c.v);
    if (!st && !labelled && isSectionRow(r, c.bodyFontSize)) { s.current = null; s.commentRun = false; continue; }
    if (labelled) {
      const comment = stripLabel(text, c.v);
      if (s.current && comment) s.current.justification.push({ text: comment, page: t.page });
      s.commentRun = Boolean(s.current && comment); // after a bare "Kommentar:" the next line opens a new paragraph
      continue;
    }
    if (st && s.current) {
      s.current.activities.push({ title: clean(r.cells[0]?.text ?? text), page: t.page, status: st.status });
      s.commentRun = false;
    } else if (!st && s.current) {
      appendComment(s.current, text, t.page, s.commentRun);
      s.commentRun = true;
    }
  }
}
