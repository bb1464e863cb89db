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
  /** Every entry's own colour and status, for keys whose entries share a colour class (see statusOfMark). */
  byColour: { colour: string; colourClass: string; status: Status }[];
  /** A key to a scale of figures or letters ("5 = Helt uppfyllt"): the value as printed → its status and words. */
  byValue: Map<string, { status: Status; text: string }>;
}

export function emptyLegend(): Legend {
  return { byClass: new Map(), shapes: new Set(), byColour: [], byValue: new Map() };
}

/** Reads a legend's entries with the status vocabulary: "● Uppfyllt" makes green mean green, whatever the hue. */
export function learnLegend(legend: Legend, entries: (LegendEntry & { colour?: string })[], v: Vocabulary): void {
  for (const e of entries) {
    const s = statusOfText(e.text, v) ?? statusOfText(e.text.split(/[=–:-]/)[0] ?? '', v) ?? leadingStatus(e.text, v);
    if (!s) continue;
    legend.byClass.set(e.colourClass === 'other' && e.colour ? e.colour : e.colourClass, s.status);
    legend.shapes.add(e.shape);
    if (e.colour) legend.byColour.push({ colour: e.colour, colourClass: e.colourClass, status: s.status });
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

/**
 * The status a mark stands for: by the legend where there is one, else by its colour class. Where the key gives
 * one colour class two meanings (a five-level scale in dark green, light green, yellow, orange and red; smiley
 * icons that are all yellow faces), the mark means what the key's entry nearest in colour means.
 */
export function statusOfMark(m: Mark, legend: Legend): { status: Status; source: 'legend' | 'colour' } | null {
  if (!isStatusCandidate(m, legend)) return null;
  const sameClass = legend.byColour.filter((e) => e.colourClass === m.colourClass);
  if (new Set(sameClass.map((e) => e.status)).size > 1) {
    const nearest = sameClass.reduce((a, b) => (colourDistance(b.colour, m.colour) < colourDistance(a.colour, m.colour) ? b : a));
    return { status: nearest.status, source: 'legend' };
  }
  const byLegend = legend.byClass.get(m.colourClass === 'other' ? m.colour : m.colourClass);
  if (byLegend) return { status: byLegend, source: 'legend' };
  if (m.colourClass === 'green' || m.colourClass === 'yellow' || m.colourClass === 'red') return { status: m.colourClass, source: 'colour' };
  return null;
}

/** Squared distance of two '#rrggbb' colours in RGB. */
function colourDistance(a: string, b: string): number {
  let d = 0;
  for (let k = 1; k < 7; k += 2) d += (parseInt(a.slice(k, k + 2), 16) - parseInt(b.slice(k, k + 2), 16)) ** 2;
  return d;
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
