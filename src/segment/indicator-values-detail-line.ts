import type { SegmentedGoal } from '../model/goal.js';
import { rowText } from './plain-text.js';
import { roleOfLabel, type ValueRole } from './indicator-values-columns.js';
import { numberSource } from './indicator-values-figure.js';
import { indicatorOfValues } from './indicator-values.js';
import { indicatorWords } from './indicator-values-words.js';
import { kpiOverlap } from './repeated-kpi.js';
import { THRESHOLDS } from './thresholds.js';
import { titleWords } from './title-words.js';
import type { Unit } from './units.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * English QPRs list every KPI in a directorate table, then repeat each one on a later page in a panel of its own:
 * the title with its RAG, a chart, and one line of figures, "Latest: 97% Target: 97%, Floor: 90% Previous: 97%
 * (Green)" (Kent's QPR, pages 8–70; the bracketed word is last period's rating). The line belongs to the panel
 * title above it, and that title names a KPI of the tables (the best word overlap, as repeated-kpi compares them):
 * the figures go to that KPI's indicator. pdfjs's layout gives the line sometimes as a paragraph and sometimes as
 * the first row of the next panel's table, so every unit and table row is read in order. A line is a detail line
 * when it labels at least a latest value and a target, each followed by a figure.
 */
export const id = 'indicator-values-detail-line';

const patterns = new WeakMap<Vocabulary, RegExp>();

function labelledFigures(v: Vocabulary): RegExp {
  let re = patterns.get(v);
  if (!re) {
    const w = indicatorWords(v);
    const unit = `(?:${w.unitSource})`;
    // A label, perhaps its period ("Målvärde 2025"), a colon or not, then the figure with a bound and unit around it.
    const figure = `(?:${w.qualifierSource}\\s*)?(?:${unit}\\s*)?${numberSource(v.language)}(?:\\s*${unit}(?!\\p{L}))?`;
    re = new RegExp(`(?<!\\p{L})(?<label>${w.labelSource})(?!\\p{L})(?:\\s+(?:19|20)\\d\\d(?:\\/\\d\\d)?)?\\s*:?\\s*(?<figure>${figure})`, 'giu');
    patterns.set(v, re);
  }
  return re;
}

/** The figures a detail line labels, by role; null when it does not label both a latest value and a target. */
export function detailLineValues(text: string, v: Vocabulary): Partial<Record<ValueRole, string>> | null {
  const w = indicatorWords(v);
  const found: Partial<Record<ValueRole, string>> = {};
  for (const m of text.matchAll(labelledFigures(v))) {
    const role = roleOfLabel(m.groups!.label!, w);
    if (role && !(role in found)) found[role] = m.groups!.figure!.trim();
  }
  return found.latest && found.target ? found : null;
}

/** The goal a panel title names: the best overlap of words over the goals still without figures (with their words). */
function kpiNamed(text: string, open: ReadonlyMap<SegmentedGoal, Set<string>>, v: Vocabulary): SegmentedGoal | null {
  if (text.split(/\s+/).length > THRESHOLDS.detailTitleMaxWords) return null;
  const words = titleWords(text, v);
  let best: SegmentedGoal | null = null;
  let score = 0;
  for (const [g, goalWords] of open) {
    const s = kpiOverlap(words, goalWords);
    if (s > score) [best, score] = [g, s];
  }
  return score >= THRESHOLDS.sameKpiShare ? best : null;
}

const withoutFigures = (g: SegmentedGoal) => g.indicators.length === 0 || g.indicators.every((i) => i.latest === null && i.target === null);

/** Reads every detail line of the report and gives its figures to the KPI its panel names. */
export function attachDetailLines(units: readonly Unit[], goals: readonly SegmentedGoal[], v: Vocabulary): void {
  // Each goal's title words once: every line of the report is compared with every open goal.
  const open = new Map(goals.filter(withoutFigures).map((g) => [g, titleWords(g.title, v)] as const));
  if (!open.size) return;
  let named: SegmentedGoal | null = null;
  const read = (text: string, page: number) => {
    const values = detailLineValues(text, v);
    if (!values) {
      named = kpiNamed(text, open, v) ?? named;
      return;
    }
    if (!named) return;
    const g: SegmentedGoal = named;
    const old = g.indicators.find((i) => i.name === g.title) ?? g.indicators[0];
    const indicator = indicatorOfValues(g.title, page, old?.status ?? g.status, values, 'detail-line', [], v);
    g.indicators = old ? g.indicators.map((i) => (i === old ? indicator : i)) : [indicator];
    open.delete(g);
    named = null;
  };
  for (const u of units) {
    if (u.kind === 'heading' || u.kind === 'text') read(u.text, u.page);
    else if (u.kind === 'table') for (const r of u.table.rows) read(rowText(r), u.page);
    if (!open.size) return;
  }
}
