/**
 * Attendance: a row per meal, ticked from the site's month grid. A meal's id is its diner, day and
 * meal time, so ticking twice (on this PC or another) is one meal; unticking soft-deletes it. The
 * day's price and subsidy are computed once, when the meal is first ticked, and kept.
 */
import { LedgerError, type MealAttendanceResult, type MealMonthGrid, type MealTick, type ParsedInputOf } from '../../../shared/contract';
import { daysInMonth } from '../../../shared/domain/dates';
import { compareNames, mealCharge, ruleOn, subsidisedOn, type MealMethod, type MealSubsidyRule, type MealTime } from '../../../shared/domain/meals';
import type { CallContext, CoreContext } from '../context';
import { fromStringListColumn } from '../db/columns';
import { insertRow, softDeleteRow, updateRow, type Row } from '../sync/capture';
import { categoriesOn, dinerRecords, dinerRows, groupsOn, type DinerFactsRow } from './diners';
import { requireOpenMonth } from './months';
import type { MealAttendanceTable, MealSitesTable } from './schema';
import { requireOwnSite } from './sites';
import { mealRules } from './subsidyRules';

export const mealId = (dinerId: string, day: string, mealTime: string) => `${dinerId}/${day}/${mealTime}`;

export function monthBounds(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: `${month}-01`, end: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

export function siteOf(ctx: CoreContext, siteId: string): MealSitesTable {
  const site = ctx.db.prepare('SELECT * FROM meal_sites WHERE id = ? AND deleted = 0').get(siteId) as MealSitesTable | undefined;
  if (!site) throw new LedgerError({ code: 'not_found', message: '该助餐点不存在或已被删除', detail: `meal site ${siteId} not found` });
  return site;
}

/**
 * The row of one meal of diner `d`: the price and subsidy the rule in force gives it on its day,
 * kept on the row for good. `groups` are the elder's groups held on that day.
 */
export function mealValues(
  d: DinerFactsRow,
  groups: readonly string[],
  rule: MealSubsidyRule | null,
  meal: { day: string; mealTime: MealTime; method: MealMethod; delivered?: boolean },
): Row {
  const { day, mealTime } = meal;
  const delivered = meal.delivered ?? d.delivery === 1;
  const { effective } = categoriesOn(d, groups, day);
  const subsidised = d.elder_id !== null && subsidisedOn({ startOn: d.start_on, stopOn: d.stop_on, endedOn: d.elder_left_on }, day);
  const charge = mealCharge(rule, effective, mealTime, { delivered, subsidised });
  return {
    site_id: d.site_id,
    diner_id: d.id,
    day,
    meal_time: mealTime,
    method: meal.method,
    delivered: delivered ? 1 : 0,
    category: charge.category,
    price_fen: charge.priceFen,
    subsidy_fen: charge.subsidyFen,
    paid_fen: charge.paidFen,
    delivery_fee_fen: charge.deliveryFeeFen,
  };
}

export function setAttendance(ctx: CoreContext, call: CallContext, input: ParsedInputOf<'meals.attendance.set'>): MealAttendanceResult {
  const { siteId, day, mealTime } = input;
  return ctx.write(call, (w) => {
    requireOwnSite(ctx, siteId);
    const site = siteOf(ctx, siteId);
    if (!fromStringListColumn(site.meal_times).includes(mealTime)) {
      throw new LedgerError({ code: 'validation', message: '该助餐点不供应这一餐次', detail: `site ${siteId} does not serve ${mealTime}`, fieldErrors: { mealTime: '该助餐点不供应这一餐次' } });
    }
    requireOpenMonth(ctx, siteId, day.slice(0, 7));
    const diners = new Map(dinerRows(ctx, 'd.site_id = @site AND d.deleted = 0', { site: siteId }).map((d) => [d.id, d]));
    const unknown = input.ticks.find((t) => !diners.has(t.dinerId));
    if (unknown) throw new LedgerError({ code: 'validation', message: '勾选的人员不在本助餐点的就餐名单中', detail: `diner ${unknown.dinerId} not at ${siteId}` });
    const groups = groupsOn(
      ctx,
      [...diners.values()].flatMap((d) => (d.elder_id ? [d.elder_id] : [])),
      day,
    );
    const rule = ruleOn(mealRules(ctx), day);
    // A tick for a past day is a late entry, whatever device the paper came from.
    const method: MealMethod = day < ctx.today() ? 'late' : input.method;
    const existing = ctx.db.prepare('SELECT deleted FROM meal_attendance WHERE id = ?');
    let changed = 0;
    for (const t of input.ticks) {
      const id = mealId(t.dinerId, day, mealTime);
      const row = existing.get(id) as { deleted: number } | undefined;
      const live = row?.deleted === 0;
      if (!t.present) {
        if (live && softDeleteRow(w, 'meal_attendance', id)) changed++;
        continue;
      }
      if (live) continue;
      const d = diners.get(t.dinerId)!;
      const values = mealValues(d, groups.get(d.elder_id ?? '') ?? [], rule, { day, mealTime, method, delivered: t.delivered });
      if (row) updateRow(w, 'meal_attendance', id, { ...values, deleted: 0 });
      else insertRow(w, 'meal_attendance', id, values, site.station_code);
      changed++;
    }
    const meals = ctx.db.prepare('SELECT count(*) AS n FROM meal_attendance WHERE site_id = ? AND day = ? AND meal_time = ? AND deleted = 0').get(siteId, day, mealTime) as { n: number };
    return { meals: meals.n, changed };
  });
}

export function monthGrid(ctx: CoreContext, { siteId, month }: ParsedInputOf<'meals.attendance.month'>): MealMonthGrid {
  const site = siteOf(ctx, siteId);
  const { start, end } = monthBounds(month);
  // Only what the grid shows: each tick's row is read for these seven columns alone.
  const ticks = ctx.db
    .prepare('SELECT diner_id, day, meal_time, method, delivered, subsidy_fen, paid_fen FROM meal_attendance WHERE site_id = ? AND day >= ? AND day <= ? AND deleted = 0 ORDER BY day, meal_time')
    .all(siteId, start, end) as Pick<MealAttendanceTable, 'diner_id' | 'day' | 'meal_time' | 'method' | 'delivered' | 'subsidy_fen' | 'paid_fen'>[];
  const ticked = [...new Set(ticks.map((t) => t.diner_id))];
  // Everyone enrolled on some day of the month, and anyone ticked in it (even if enrolled no longer).
  const rows = dinerRows(
    ctx,
    `d.site_id = @site AND ((d.deleted = 0 AND d.start_on <= @end AND (d.stop_on IS NULL OR d.stop_on >= @start)) OR d.id IN (SELECT value FROM json_each(@ticked)))`,
    { site: siteId, start, end, ticked: JSON.stringify(ticked) },
  );
  const asOf = ctx.today() < end ? ctx.today() : end;
  const diners = dinerRecords(ctx, rows, asOf).sort((a, b) => a.initials.localeCompare(b.initials) || compareNames(a.name, b.name));
  const locked = ctx.db.prepare('SELECT locked FROM meal_months WHERE id = ? AND deleted = 0').get(`${siteId}/${month}`) as { locked: number } | undefined;
  return {
    siteId,
    month,
    mealTimes: fromStringListColumn(site.meal_times) as MealTime[],
    servingDays: fromStringListColumn(site.serving_days),
    dailyCapacity: site.daily_capacity,
    diners,
    ticks: ticks.map(
      (t): MealTick => ({ dinerId: t.diner_id, day: t.day, mealTime: t.meal_time as MealTime, method: t.method as MealMethod, delivered: t.delivered === 1, subsidyFen: t.subsidy_fen, paidFen: t.paid_fen }),
    ),
    locked: locked?.locked === 1,
    meals: ticks.length,
    subsidyFen: ticks.reduce((sum, t) => sum + t.subsidy_fen, 0),
  };
}
