import { describe, expect, it } from 'vitest';
import { comparePeriods, periodEnd } from '../../src/overtime/index.js';

const at = (period: string | null, kind: string | null = null) => ({ period, kind });
const order = (...periods: { period: string | null; kind: string | null }[]) =>
  [...periods].sort(comparePeriods).map((p) => `${p.period ?? '?'}${p.kind ? ` ${p.kind}` : ''}`);

describe('the order of periods', () => {
  it('places a calendar year, a financial year, a tertial and a quarter by the month they end in', () => {
    expect(order(at('2025 T2'), at('2025'), at('2024/25'), at('2023'))).toEqual(['2023', '2024/25', '2025 T2', '2025']);
    expect(order(at('2024/25 Q4'), at('2024/25 Q1'), at('2024/25 Q3'), at('2024'))).toEqual(['2024/25 Q1', '2024/25 Q3', '2024', '2024/25 Q4']);
    expect(order(at('2025 T3'), at('2025 T1'), at('2025 Q1'))).toEqual(['2025 Q1', '2025 T1', '2025 T3']);
  });

  it('puts a part before the whole that ends in the same month, and an interim report before the annual one', () => {
    expect(order(at('2025'), at('2025 T3'))).toEqual(['2025 T3', '2025']);
    expect(order(at('2024/25'), at('2024/25 Q4'))).toEqual(['2024/25 Q4', '2024/25']);
    expect(order(at('2025', 'årsredovisning'), at('2025', 'delårsrapport'))).toEqual(['2025 delårsrapport', '2025 årsredovisning']);
  });

  it('puts an unknown or unreadable period last, keeping unknowns in their order', () => {
    expect(order(at(null, 'a'), at('2030'), at('sometime', 'b'), at('2020'))).toEqual(['2020', '2030', '? a', 'sometime b']);
    expect(periodEnd(null)).toBeNull();
    expect(periodEnd('2025 T4')).toBeNull();
  });

  it('gives the month a period ends in', () => {
    expect(periodEnd('2025')).toEqual([2025 * 12 + 12, 1]);
    expect(periodEnd('2024/25')).toEqual([2025 * 12 + 3, 1]);
    expect(periodEnd('2025 T2')).toEqual([2025 * 12 + 8, 0]);
    expect(periodEnd('2024/25 Q3')).toEqual([2024 * 12 + 12, 0]);
  });
});
