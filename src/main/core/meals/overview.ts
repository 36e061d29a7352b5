/**
 * Meal assistance on the workbench: sites built and running, this month's meals, and diners who
 * have not eaten for `ABSENT_SERVING_DAYS` of their site's serving days (an elder who stops coming
 * may be ill: a visit may be due).
 */
import { ABSENT_SERVING_DAYS, type AbsentDiner, type MealsOverview } from '../../../shared/contract';
import { addDays, isoWeekday } from '../../../shared/domain/dates';
import { compareNames } from '../../../shared/domain/meals';
import type { CoreContext } from '../context';
import { fromStringListColumn } from '../db/columns';

interface DinerLastMeal {
  id: string;
  elder_id: string | null;
  name: string;
  site_id: string;
  site_name: string;
  serving_days: string;
  start_on: string;
  last_meal: string | null;
}

/** Serving days after `from` up to and including `to`; stops counting at `cap`. */
function servingDaysBetween(from: string, to: string, serving: ReadonlySet<string>, cap: number): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to && n < cap; d = addDays(d, 1)) if (serving.has(isoWeekday(d))) n++;
  return n;
}

export function mealsOverview(ctx: CoreContext): MealsOverview {
  const station = ctx.requireStation();
  const owner = station.role === 'station' ? station.code : null;
  const today = ctx.today();
  const monthStart = `${today.slice(0, 7)}-01`;
  const sites = ctx.db
    .prepare(
      `SELECT count(CASE WHEN built_on IS NOT NULL AND built_on <= @today THEN 1 END) AS built, count(CASE WHEN status = 'running' THEN 1 END) AS running
       FROM meal_sites WHERE deleted = 0 AND (@owner IS NULL OR station_code = @owner)`,
    )
    .get({ today, owner }) as { built: number; running: number };
  const meals = ctx.db
    .prepare(
      `SELECT count(*) AS n FROM meal_attendance a JOIN meal_sites s ON s.id = a.site_id
       WHERE a.deleted = 0 AND a.day >= @start AND a.day <= @today AND (@owner IS NULL OR s.station_code = @owner)`,
    )
    .get({ start: monthStart, today, owner }) as { n: number };
  const diners = ctx.db
    .prepare(
      `SELECT d.id, d.elder_id, coalesce(e.name, d.name, '') AS name, d.site_id, s.name AS site_name, s.serving_days, d.start_on,
        (SELECT max(a.day) FROM meal_attendance a WHERE a.diner_id = d.id AND a.deleted = 0) AS last_meal
       FROM meal_diners d JOIN meal_sites s ON s.id = d.site_id LEFT JOIN elders e ON e.id = d.elder_id
       WHERE d.deleted = 0 AND s.deleted = 0 AND s.status = 'running' AND (@owner IS NULL OR s.station_code = @owner)
         AND d.start_on <= @today AND (d.stop_on IS NULL OR d.stop_on >= @today) AND (e.id IS NULL OR e.deleted = 0)`,
    )
    .all({ today, owner }) as DinerLastMeal[];
  const absent: AbsentDiner[] = [];
  for (const d of diners) {
    // Counted from the last meal, or from the day before enrolment when there is none.
    const since = d.last_meal ?? addDays(d.start_on, -1);
    const missed = servingDaysBetween(since, today, new Set(fromStringListColumn(d.serving_days)), 366);
    if (missed < ABSENT_SERVING_DAYS) continue;
    absent.push({ dinerId: d.id, elderId: d.elder_id ?? undefined, name: d.name, siteId: d.site_id, siteName: d.site_name, lastMealOn: d.last_meal ?? undefined, servingDaysAbsent: missed });
  }
  absent.sort((a, b) => b.servingDaysAbsent - a.servingDaysAbsent || compareNames(a.name, b.name));
  return { built: sites.built, running: sites.running, mealsThisMonth: meals.n, dinersToday: diners.length, absent };
}
