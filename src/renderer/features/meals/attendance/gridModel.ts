/**
 * The attendance grid as data: the month's days, what each cell shows, per-day totals and the
 * jump by pinyin initials. Pure functions, so the grid's rules are tested without a screen.
 */
import type { MealDinerRecord, MealMonthGrid, MealTick } from '../../../../shared/contract';
import { addDays, daysInMonth, dayNumber } from '../../../../shared/domain/dates';
import type { MealTime } from '../../../../shared/domain/meals';

const WEEKDAY_CHARS = ['一', '二', '三', '四', '五', '六', '日'] as const;

export interface DayColumn {
  /** 1…31 */
  n: number;
  iso: string;
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday: number;
  weekdayChar: string;
  serving: boolean;
  today: boolean;
  /** After today: no meal can be ticked yet. */
  future: boolean;
}

/** ISO weekday of a calendar day: day number 0 (1970-01-01) was a Thursday. */
export function isoWeekday(iso: string): number {
  return ((((dayNumber(iso) + 3) % 7) + 7) % 7) + 1;
}

export function dayIso(month: string, n: number): string {
  return `${month}-${String(n).padStart(2, '0')}`;
}

export function monthDays(month: string, servingDays: readonly string[], today: string): DayColumn[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: daysInMonth(y, m) }, (_, i) => {
    const iso = dayIso(month, i + 1);
    const weekday = isoWeekday(iso);
    return { n: i + 1, iso, weekday, weekdayChar: WEEKDAY_CHARS[weekday - 1]!, serving: servingDays.includes(String(weekday)), today: iso === today, future: iso > today };
  });
}

/** 2026-03 → 2026年3月; 2026-03-05 → 3月5日 */
export function dayTitle(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

export function enrolledOn(diner: MealDinerRecord, iso: string): boolean {
  return diner.startOn <= iso && (!diner.stopOn || diner.stopOn >= iso);
}

/** The most recent earlier day the site serves on (within a week), else the day before. */
export function previousServingDay(iso: string, servingDays: readonly string[]): string {
  for (let back = 1; back <= 7; back++) {
    const d = addDays(iso, -back);
    if (servingDays.includes(String(isoWeekday(d)))) return d;
  }
  return addDays(iso, -1);
}

/**
 * What a cell shows, one character per day so a row's cells compare as one string (rows re-render
 * only when theirs changes):
 * `0` nothing; `1` ticked, `2` ticked and delivered; `3`/`4` the same entered late (补录);
 * `5`/`6` a tick not saved yet (in store / delivered); `7` an untick not saved yet.
 */
export type CellCode = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7';

export const isTickedCode = (c: string): boolean => c !== '0' && c !== '7';

/** The saved ticks of one meal time, by diner and day number. */
export type SavedTicks = ReadonlyMap<string, ReadonlyMap<number, MealTick>>;

export function savedTicksOf(grid: MealMonthGrid, mealTime: MealTime): SavedTicks {
  const out = new Map<string, Map<number, MealTick>>();
  for (const t of grid.ticks) {
    if (t.mealTime !== mealTime) continue;
    let row = out.get(t.dinerId);
    if (!row) out.set(t.dinerId, (row = new Map()));
    row.set(Number(t.day.slice(8, 10)), t);
  }
  return out;
}

/** Changes not saved yet: day ISO → diner → present. */
export type PendingDay = ReadonlyMap<string, boolean>;

function savedCode(t: MealTick | undefined): CellCode {
  if (!t) return '0';
  if (t.method === 'late') return t.delivered ? '4' : '3';
  return t.delivered ? '2' : '1';
}

export function cellCode(diner: MealDinerRecord, saved: MealTick | undefined, pending: boolean | undefined): CellCode {
  if (pending === true && !saved) return diner.delivery ? '6' : '5';
  if (pending === false && saved) return '7';
  return savedCode(saved);
}

/** One diner's row of codes for the month. */
export function rowCodes(diner: MealDinerRecord, days: readonly DayColumn[], saved: SavedTicks, pendingOf: (iso: string) => PendingDay | undefined): string {
  const mine = saved.get(diner.id);
  let s = '';
  for (const d of days) s += cellCode(diner, mine?.get(d.n), pendingOf(d.iso)?.get(diner.id));
  return s;
}

/** Pending entries that would change what is saved. */
export function realChanges(pending: PendingDay | undefined, savedOfDay: (dinerId: string) => boolean): [string, boolean][] {
  return [...(pending ?? [])].filter(([id, present]) => present !== savedOfDay(id));
}

/**
 * The row a typed prefix jumps to: the first diner, from `from` on and wrapping, whose pinyin
 * initials or name start with it. A new single letter starts after the current row, so pressing
 * the same letter again steps through everyone with that initial.
 */
export function findRow(diners: readonly MealDinerRecord[], prefix: string, from: number): number {
  const p = prefix.toLowerCase();
  if (!p || diners.length === 0) return -1;
  for (let i = 0; i < diners.length; i++) {
    const k = (from + i) % diners.length;
    const d = diners[k]!;
    if (d.initials.startsWith(p) || d.name.startsWith(prefix)) return k;
  }
  return -1;
}

/** Diners enrolled today first (the order the core gives: by initials), stopped ones greyed at the end. */
export function gridRows(diners: readonly MealDinerRecord[]): MealDinerRecord[] {
  return [...diners.filter((d) => d.active), ...diners.filter((d) => !d.active)];
}
