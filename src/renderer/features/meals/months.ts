/** Months as the meal screens pick and name them (YYYY-MM), from this machine's calendar. */
import dayjs from 'dayjs';

/** The month most often settled: the one that just ended. */
export function lastMonth(): string {
  return dayjs().subtract(1, 'month').format('YYYY-MM');
}

/** 2026-10 → 2026年10月 */
export function monthTitle(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}
