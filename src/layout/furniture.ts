import type { TextRow } from './segments.js';

/** "SID 24 (36)", "Sida 3 av 12", "Page 3 of 40", "- 3 -", "3 (12)", "3/12", a bare number. */
export const PAGE_NUMBER =
  /^(?:(?:sid|sida|s\.|page|p\.|pg\.?)\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:\(|av|of|\/)\s*\d{1,4}\s*\)?)?\s*[-–—]?$/i;

const MARGIN = 0.11;

const key = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

export interface FurnitureDecision {
  /** For each page (index), the set of row indexes that are running header/footer/page number. */
  rows: Set<number>[];
}

/**
 * Running headers and footers: text in the top or bottom margin band that repeats (digits ignored) on at least
 * two pages and on 40% of them, that reads as a page number, or that is set smaller than the body text at the
 * very edge of the page. Decided across the whole document.
 */
export function findFurniture(pages: { height: number; rows: TextRow[] }[], bodyFontSize = 10): FurnitureDecision {
  const counts = new Map<string, Set<number>>();
  const zoneOf = (row: TextRow, height: number): 'top' | 'bottom' | null =>
    row.bbox[3] < height * MARGIN ? 'top' : row.bbox[1] > height * (1 - MARGIN) ? 'bottom' : null;
  pages.forEach((p, pi) => {
    for (const row of p.rows) {
      const zone = zoneOf(row, p.height);
      if (!zone) continue;
      for (const s of row.segments) {
        const k = `${zone}|${key(s.text)}`;
        if (!counts.has(k)) counts.set(k, new Set());
        counts.get(k)!.add(pi);
      }
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  return {
    rows: pages.map((p) =>
      new Set(
        p.rows.flatMap((row, ri) => {
          const zone = zoneOf(row, p.height);
          if (!zone) return [];
          // Repeated on other pages, a page number, or (one-page documents too) small type in the outer band.
          const outer = row.bbox[3] < p.height * 0.075 || row.bbox[1] > p.height * 0.925;
          const repeated = row.segments.every(
            (s) => PAGE_NUMBER.test(s.text) || (counts.get(`${zone}|${key(s.text)}`)?.size ?? 0) >= needed ||
              (outer && s.fontSize <= bodyFontSize * 0.9),
          );
          return repeated ? [ri] : [];
        }),
      ),
    ),
  };
}
