/** The subsidy a meal each diner actually got in the month, read from the meals themselves. */
import type { MealTick } from '../../../../shared/contract';
import { yuan } from '../../meals/money';

/**
 * dinerId → the distinct amounts, highest first (10.00/5.00 when a standard changed mid-month or a
 * stop date ended the subsidy): the 补贴标准 column shows what was paid, not today's standard.
 */
export function subsidyRates(ticks: readonly MealTick[]): Map<string, string> {
  const amounts = new Map<string, Set<number>>();
  for (const t of ticks) amounts.set(t.dinerId, (amounts.get(t.dinerId) ?? new Set()).add(t.subsidyFen));
  return new Map([...amounts].map(([id, set]) => [id, [...set].sort((a, b) => b - a).map(yuan).join('/')]));
}
