/** Dates are ISO strings (YYYY-MM-DD); these helpers never consult the local time zone. */

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Completed years between a birth date and a day; a 29 Feb birthday counts on 1 Mar in common years. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

/** The latest birth date of someone who is at least `years` old on `day`. */
export function birthDateForAge(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const dd = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date: calendar arithmetic without time zones. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** ISO weekday of a date as the site's serving days store it: '1' (Monday) to '7' (Sunday). */
export function isoWeekday(iso: string): string {
  // 1970-01-01 was a Thursday.
  return String(((dayNumber(iso) + 3) % 7) + 1);
}

/** The ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO date `n` days later (earlier when negative). */
export function addDays(iso: string, n: number): string {
  return isoOfDay(dayNumber(iso) + n);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The day after an ISO date. */
export function nextDay(iso: string): string {
  return addDays(iso, 1);
}

/** Where `todayIso()` reads the time when given none: the real clock unless `withClock` says otherwise. */
let clock: () => Date = () => new Date();

/**
 * Runs `fn` with `todayIso()` reading `now`: the core validates input with its own clock, so a
 * core given one (`createCore({ now })`) judges "after today" by it, not by the PC's.
 * Only for synchronous work: the clock is restored when `fn` returns, before any promise it
 * returned would settle, so an async `fn` is refused.
 */
export function withClock<T>(now: () => Date, fn: () => T): T {
  const previous = clock;
  clock = now;
  try {
    const result = fn();
    if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
      throw new Error('withClock runs synchronous work only: the clock would be restored before the promise settles');
    }
    return result;
  } finally {
    clock = previous;
  }
}

export function todayIso(now: Date = clock()): string {
  // Local calendar day: staff think in Beijing time, and the PC's zone is what they see.
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
