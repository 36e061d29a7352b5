import type { SettlementPersonRow } from '../../../../shared/contract';
import { MEAL_CATEGORIES } from '../../../../shared/domain/meals';

const RANK = new Map<string, number>(MEAL_CATEGORIES.map((c, i) => [c.value, i]));

/** Elders grouped in the categories' own order (特困 first, 普通 last), then as the core sorted them (by name). */
export function inCategoryOrder(persons: readonly SettlementPersonRow[]): SettlementPersonRow[] {
  return [...persons].sort((a, b) => (RANK.get(a.category) ?? RANK.size) - (RANK.get(b.category) ?? RANK.size));
}
