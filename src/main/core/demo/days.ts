/** Day numbers (days since 1970-01-01, UTC) for date arithmetic in the generators; ISO dates outside. */
import { ageOn, birthDateForAge, nextDay } from '../../../shared/domain/dates';

const DAY_MS = 86_400_000;


/**
 * The first day someone born on `birthDate` is `years` old. Not simply the same month and day:
 * someone born on 29 February turns a year older on 1 March in a common year (see `ageOn`).
 */
export function birthday(birthDate: string, years: number): string {
  const same = birthDateForAge(birthDate, -years);
  return ageOn(birthDate, same) >= years ? same : nextDay(same);
}

/** Calendar month of a day number, 1–12. */
export const monthOf = (day: number): number => new Date(day * DAY_MS).getUTCMonth() + 1;

/**
 * The week (Monday–Sunday), month or quarter containing `day`, as day numbers: the periods of
 * `periodOf` in visitDue.ts, without a string round trip per call (the visit generator walks a
 * year of periods for every person).
 */
export function periodDays(frequency: 'weekly' | 'monthly' | 'quarterly', day: number): { start: number; end: number } {
  if (frequency === 'weekly') {
    // Day 0, 1970-01-01, was a Thursday.
    const start = day - ((day + 3) % 7);
    return { start, end: start + 6 };
  }
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = frequency === 'monthly' ? d.getUTCMonth() : d.getUTCMonth() - (d.getUTCMonth() % 3);
  const months = frequency === 'monthly' ? 1 : 3;
  return { start: Date.UTC(y, m, 1) / DAY_MS, end: Date.UTC(y, m + months, 0) / DAY_MS };
}

/** First day of the month `offset` months after the one containing `day`, and that month's length. */
export function monthAfter(day: number, offset: number): { start: number; days: number } {
  const d = new Date(day * DAY_MS);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1) / DAY_MS;
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 0) / DAY_MS;
  return { start, days: end - start + 1 };
}
