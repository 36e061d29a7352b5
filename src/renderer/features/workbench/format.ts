import { formatDayWithWeekday } from '../../ui/dates';

/** A rate in [0, 1] as a percentage with one decimal at most; 99.96% stays 99.9%: short of the target is never shown as 100. */
export function ratePercent(rate: number): number {
  return rate >= 1 ? 100 : Math.min(99.9, Math.round(rate * 1000) / 10);
}

/** 0.8333 → 83.3%, 1 → 100% */
export function formatRate(rate: number): string {
  return `${ratePercent(rate)}%`;
}

/** 2026-11-28 → 2026-11-28 星期六 */
export function formatToday(iso: string): string {
  return formatDayWithWeekday(iso);
}

/** An axis label: 2026-11 → 11月, with the year on a second line in January (or when `withYear`). */
export function monthLabel(month: string, withYear: boolean): string {
  const [y, m] = month.split('-');
  const n = Number(m);
  return withYear || n === 1 ? `${n}月\n${y}年` : `${n}月`;
}

/** 2026-11 → 2026年11月 */
export function monthTitle(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}
