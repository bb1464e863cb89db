import type { Better } from '../model/result.js';
import type { Figure } from './indicator-values-figure.js';
import type { IndicatorWords } from './indicator-values-words.js';

/**
 * Which way an indicator improves, only from what the report itself says: its words ("lägre är bättre", "(lower is
 * better)") in the indicator's name, its column header or a note on it; a target printed as a bound ("högst 10
 * dagar", "at least 90%"); or a floor standard on the far side of the target (Kent's QPR: "Target: 50%, Floor: 60%"
 * — the floor is the worse side, so lower is better). A name that says "minska" or "reduce" is not enough: it says
 * what the organisation wants to happen, not how the figure against the target is read. Readings that disagree give
 * none; no reading gives none. Unknown is an answer.
 */
export const id = 'indicator-values-direction';

export interface Direction {
  better: Better;
  /** The rule id of the words, or "floor" for a floor on one side of the target. */
  reason: string;
}

export function directionOf(texts: readonly string[], target: Figure | null, floor: number | null, w: IndicatorWords): Direction | null {
  const readings: Direction[] = [];
  for (const t of texts) {
    const higher = w.anywhere(t, 'higher-is-better');
    const lower = w.anywhere(t, 'lower-is-better');
    if (higher) readings.push({ better: 'higher', reason: higher.id });
    if (lower) readings.push({ better: 'lower', reason: lower.id });
  }
  if (target?.qualifier) readings.push({ better: target.qualifier.bound === 'at-least' ? 'higher' : 'lower', reason: target.qualifier.ruleId });
  if (target && floor !== null && floor !== target.value) readings.push({ better: floor < target.value ? 'higher' : 'lower', reason: 'floor' });
  if (!readings.length) return null;
  return readings.every((r) => r.better === readings[0]!.better) ? readings[0]! : null;
}

/**
 * Whether the latest value reaches the target: equal always does; otherwise only in a known direction, and only
 * when both are in the same unit (or neither names one).
 */
export function meetsTarget(latest: Figure | null, target: Figure | null, better: Better | null): boolean | null {
  if (!latest || !target) return null;
  if (latest.unit && target.unit && latest.unit !== target.unit) return null;
  if (latest.value === target.value) return true;
  if (!better) return null;
  return better === 'higher' ? latest.value > target.value : latest.value < target.value;
}
