import type { Mark } from '../model/extract.js';
import type { StatusSource } from '../model/goal.js';
import type { LegendEntry } from '../model/layout.js';
import type { Status } from '../model/result.js';
import { THRESHOLDS } from './thresholds.js';
import { statusOfText, type Vocabulary } from './vocabulary.js';

/** A goal's status as one heuristic read it, and from what (for `--why`). */
export interface StatusFound {
  status: Status;
  statusSource: StatusSource;
  statusEvidence: string;
}

export interface Legend {
  /** colour class (or exact colour for 'other') → status, as the report's own legend says. */
  byClass: Map<string, Status>;
  shapes: Set<string>;
}

export function emptyLegend(): Legend {
  return { byClass: new Map(), shapes: new Set() };
}

/** Reads a legend's entries with the status vocabulary: "● Uppfyllt" makes green mean green, whatever the hue. */
export function learnLegend(legend: Legend, entries: (LegendEntry & { colour?: string })[], v: Vocabulary): void {
  for (const e of entries) {
    const s = statusOfText(e.text, v) ?? statusOfText(e.text.split(/[=–:-]/)[0] ?? '', v) ?? leadingStatus(e.text, v);
    if (!s) continue;
    legend.byClass.set(e.colourClass === 'other' && e.colour ? e.colour : e.colourClass, s.status);
    legend.shapes.add(e.shape);
  }
}

function leadingStatus(text: string, v: Vocabulary) {
  const words = text.split(/\s+/);
  for (let n = Math.min(THRESHOLDS.legendStatusMaxWords, words.length); n >= 1; n--) {
    const s = statusOfText(words.slice(0, n).join(' '), v);
    if (s) return s;
  }
  return null;
}

const TREND_SHAPES = new Set(['triangle', 'rect-or-triangle', 'path', 'mask']);

export function isStatusCandidate(m: Mark, legend: Legend): boolean {
  if (TREND_SHAPES.has(m.shape) && !legend.shapes.has(m.shape)) return false;
  if (m.colourClass === 'grey') return false;
  if (m.colourClass === 'other') return legend.byClass.has(m.colour);
  return true;
}

/** The status a mark stands for: by the legend where there is one, else by its colour class. */
export function statusOfMark(m: Mark, legend: Legend): { status: Status; source: 'legend' | 'colour' } | null {
  if (!isStatusCandidate(m, legend)) return null;
  const byLegend = legend.byClass.get(m.colourClass === 'other' ? m.colour : m.colourClass);
  if (byLegend) return { status: byLegend, source: 'legend' };
  if (m.colourClass === 'green' || m.colourClass === 'yellow' || m.colourClass === 'red') return { status: m.colourClass, source: 'colour' };
  return null;
}

export function describeMark(m: Mark): string {
  const what = m.kind === 'image' ? 'icon' : m.kind === 'glyph' ? `glyph ${m.shape}` : m.kind === 'cell' ? 'cell fill' : `${m.kind} ${m.shape}`;
  return `${what} ${m.colour} (${m.colourClass}) on page ${m.page}`;
}

/** The status of the first mark that has one. */
export function statusFromMarks(marks: Mark[], legend: Legend): StatusFound | null {
  for (const m of marks) {
    const s = statusOfMark(m, legend);
    if (s) return { status: s.status, statusSource: s.source, statusEvidence: describeMark(m) };
  }
  return null;
}
