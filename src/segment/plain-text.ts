import type { Row } from '../model/layout.js';

/** Text as the heuristics compare it: each run of white space one space, none at the ends. */
export const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A table row's cells read left to right as one text. */
export const rowText = (r: Row) => clean(r.cells.map((c) => c.text).join(' '));
