import { recordableYears, yearOf } from '../../../shared/domain/drowning';
import { todayIso } from '../../../shared/domain/dates';

export const thisYear = (): number => yearOf(todayIso());

/** Year choices, newest first: the register never holds a campaign of a year still to come. */
export function yearOptions(exclude: readonly number[] = []): { value: number; label: string }[] {
  return recordableYears(todayIso())
    .filter((y) => !exclude.includes(y))
    .map((y) => ({ value: y, label: `${y}年` }));
}
