/**
 * The order of an organisation's reports in time. A period as identify/ writes it ("2025", "2024/25", "2025 T2",
 * "2024/25 Q3") is placed by the month it ends in: a calendar year ends in December, a financial year ("2024/25",
 * April to March, as English councils keep it) in March of its second year, a tertial after four months, a quarter
 * after three (of the calendar year, or of the financial year where the period is one). So 2023 < 2024/25 < 2025 T2
 * < 2025. Where two reports end in the same month, a part comes before the whole (2025 T3 before 2025), and an
 * interim kind of report before an annual one (a delårsrapport before the årsredovisning of the same year). A period
 * that does not parse, or none, comes last.
 */
import { PERIOD_FORMAT } from '../model/identity.js';
import type { OverTimePeriod } from '../model/result.js';

/**
 * The kinds (identify/'s values in rules/<lang>/identity.yaml, or a configuration's) that report on a whole year: of
 * two reports ending in the same month, these come after the others.
 */
const ANNUAL_KINDS: ReadonlySet<string> = new Set(['årsredovisning', 'årsbokslut', 'bokslut', 'verksamhetsberättelse', 'annual report']);

/** [month the period ends (years × 12 + month), 0 for a part of a year and 1 for a whole one]; null when unknown. */
export function periodEnd(period: string | null): [number, number] | null {
  const parts = period === null ? undefined : PERIOD_FORMAT.exec(period.trim())?.groups;
  if (!parts) return null;
  const year = Number(parts.year);
  const start = parts.financial !== undefined ? year * 12 + 3 : year * 12; // months before the period's first month
  if (parts.tertial) return [start + 4 * Number(parts.tertial), 0];
  if (parts.quarter) return [start + 3 * Number(parts.quarter), 0];
  return [start + 12, 1];
}

/** Compares two reports by when their periods end (see above); ties keep their input order (a stable sort). */
export function comparePeriods(a: Pick<OverTimePeriod, 'period' | 'kind'>, b: Pick<OverTimePeriod, 'period' | 'kind'>): number {
  const ea = periodEnd(a.period);
  const eb = periodEnd(b.period);
  if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
  return ea[0] - eb[0] || ea[1] - eb[1] || annual(a.kind) - annual(b.kind);
}

function annual(kind: string | null): number {
  return kind !== null && ANNUAL_KINDS.has(kind.toLowerCase()) ? 1 : 0;
}
