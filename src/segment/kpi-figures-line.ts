import { clean } from './plain-text.js';
import { THRESHOLDS } from './thresholds.js';
import { hasRole, type Vocabulary } from './vocabulary.js';

/**
 * Under a KPI heading, English reports print the indicator's figures on one line: "Latest: 61% Target: 60%
 * Floor: 50% Previous: 57% (Amber)" (Swedish ones "Utfall: 84 % Målvärde: 90 %"). The line is the KPI's
 * measurement, not its commentary: it becomes the goal's indicator with each labelled figure as printed, and stays
 * out of the justification (its "(Amber)" is last quarter's rating, no evidence and no status). A line is such a
 * line when it is two or more "label: value" pairs whose labels name figure columns (`latest-header`,
 * `previous-header`, `indicator-header` in rules/) and nothing else.
 */
export const id = 'kpi-figures-line';

const FIGURE_ROLES = ['latest-header', 'previous-header', 'indicator-header'] as const;
/** A label is at most four words ("Floor standard", "Utfall helår 2025"). */
const LABEL_MAX_WORDS = 4;

/** The labelled figures as printed ("Latest: 61%", …), or null when the text is not a figures line. */
export function figuresOf(text: string, v: Vocabulary): string[] | null {
  const t = clean(text);
  if (t.split(' ').length > THRESHOLDS.figuresLineMaxWords) return null;
  // Each colon closes a label: the longest run of words before it that names a figure column.
  const labels: { start: number; colon: number; text: string }[] = [];
  let from = 0;
  for (const m of t.matchAll(/:/g)) {
    const words = t.slice(from, m.index).trim().split(' ');
    let label: string | null = null;
    for (let n = Math.min(LABEL_MAX_WORDS, words.length); n >= 1 && !label; n--) {
      const candidate = words.slice(-n).join(' ');
      if (/^\p{L}/u.test(candidate) && FIGURE_ROLES.some((role) => hasRole(candidate, role, v))) label = candidate;
    }
    if (!label) return null;
    labels.push({ start: m.index - label.length, colon: m.index, text: label });
    from = m.index + 1;
  }
  if (labels.length < THRESHOLDS.figuresLineMinPairs || labels[0].start !== 0) return null;
  const pairs = labels.map((l, k) => ({ label: l.text, value: t.slice(l.colon + 1, labels[k + 1]?.start ?? t.length).trim() }));
  return pairs.every((p) => /\d/.test(p.value)) ? pairs.map((p) => `${p.label}: ${p.value}`) : null;
}
