import type { Cell, Row } from '../model/layout.js';
import { headerColumnOf, type TableHeader } from './table-header.js';
import { statusOfText, type Vocabulary } from './vocabulary.js';

/**
 * Goal and KPI tables often put a reference before the title ("1.2 | Fler elever …", "ASC01 | % of …" in English
 * QPRs). The title is the cell in the header's goal column where it reads as words, else the first cell that
 * reads as words (two words of two letters or more, not a status), else the first cell.
 */
export const id = 'title-cell';

export function titleCellOf(r: Row, header: TableHeader | null, v: Vocabulary): Cell | undefined {
  const wordy = (c: Cell) => /\p{L}{2,}.*\s+.*\p{L}{2,}/u.test(c.text) && !statusOfText(c.text, v);
  const byHeader = header ? r.cells.find((c) => headerColumnOf(c, header) === header.titleColumn) : undefined;
  if (byHeader && wordy(byHeader)) return byHeader;
  return r.cells.find(wordy) ?? r.cells[0];
}
