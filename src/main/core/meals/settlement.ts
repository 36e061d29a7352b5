/**
 * The month's settlement (月度结算) of a site: meals summed per elder and per category from the
 * amounts kept on each meal, the checks a person confirms before locking, and the county's month.
 */
import { LedgerError, type CountyMealMonth, type MealSettlement, type SettlementCheck } from '../../../shared/contract';
import { compareNames, settle, type MealCategory, type SiteStatus } from '../../../shared/domain/meals';
import type { CallContext, CoreContext } from '../context';
import { fromStringListColumn } from '../db/columns';
import { placeNames } from '../places/handlers';
import { monthBounds, siteOf } from './attendance';
import { dinerIdMasked, dinerRows } from './diners';
import { lockMonth, monthRow } from './months';
import { isoWeekday } from '../../../shared/domain/dates';
import type { MealAttendanceTable, MealSitesTable } from './schema';


function checksOf(site: MealSitesTable, meals: readonly SettledRow[], diners: Map<string, { name: string; startOn: string; stopOn: string | null; leftOn: string | null; deleted: boolean }>, confirmed: readonly string[]): SettlementCheck[] {
  const out: SettlementCheck[] = [];
  const add = (key: string, kind: SettlementCheck['kind'], message: string) => out.push({ key, kind, message, confirmed: confirmed.includes(key) });
  const perDay = new Map<string, Set<string>>();
  for (const m of meals) perDay.set(m.day, (perDay.get(m.day) ?? new Set()).add(m.diner_id));
  const serving = new Set(fromStringListColumn(site.serving_days));
  for (const [day, people] of [...perDay].sort(([a], [b]) => a.localeCompare(b))) {
    if (people.size > site.daily_capacity) add(`over_capacity:${day}`, 'over_capacity', `${day} 就餐${people.size}人，超过日供餐能力${site.daily_capacity}人`);
    if (!serving.has(isoWeekday(day))) add(`non_serving_day:${day}`, 'non_serving_day', `${day} 不是供餐日，却有${people.size}人就餐`);
  }
  const flagged = new Set<string>();
  for (const m of meals) {
    const d = diners.get(m.diner_id);
    if (!d) continue;
    const stop = [d.stopOn, d.leftOn].filter((x): x is string => x !== null).sort()[0];
    if (d.deleted || m.day < d.startOn) {
      if (!flagged.has(`not_enrolled:${m.diner_id}`)) add(`not_enrolled:${m.diner_id}`, 'not_enrolled', `${d.name} 在未登记就餐的日期有就餐记录（如 ${m.day}）`);
      flagged.add(`not_enrolled:${m.diner_id}`);
    } else if (stop && m.day > stop) {
      if (!flagged.has(`after_stop:${m.diner_id}`)) add(`after_stop:${m.diner_id}`, 'after_stop', `${d.name} 在停止就餐或离开台账（${stop}）之后仍有就餐记录（如 ${m.day}）`);
      flagged.add(`after_stop:${m.diner_id}`);
    }
  }
  return out;
}

/** The columns of a meal the settlement reads. */
type SettledRow = Pick<MealAttendanceTable, 'diner_id' | 'day' | 'category' | 'subsidy_fen' | 'paid_fen' | 'delivery_fee_fen'>;

export function getSettlement(ctx: CoreContext, siteId: string, month: string): MealSettlement {
  const site = siteOf(ctx, siteId);
  const { start, end } = monthBounds(month);
  // Only what the sums and checks read: each meal's row is read for these six columns alone.
  const meals = ctx.db
    .prepare('SELECT diner_id, day, category, subsidy_fen, paid_fen, delivery_fee_fen FROM meal_attendance WHERE site_id = ? AND day >= ? AND day <= ? AND deleted = 0')
    .all(siteId, start, end) as SettledRow[];
  const dinerFacts = dinerRows(ctx, 'd.site_id = @site', { site: siteId });
  const diners = new Map(
    dinerFacts.map((d) => [d.id, { name: d.elder_name ?? d.name ?? '', idMasked: dinerIdMasked(d), startOn: d.start_on, stopOn: d.stop_on, leftOn: d.elder_left_on, deleted: d.deleted === 1 }]),
  );
  const row = monthRow(ctx, siteId, month);
  const confirmed = row ? fromStringListColumn(row.confirmed_checks) : [];
  const summed = settle(meals.map((m) => ({ personKey: m.diner_id, day: m.day, category: m.category as MealCategory, subsidyFen: m.subsidy_fen, paidFen: m.paid_fen, deliveryFeeFen: m.delivery_fee_fen })));
  const names = placeNames(ctx, [site.township_code, site.village_code]);
  return {
    siteId,
    siteName: site.name,
    operator: site.operator,
    townshipName: names.get(site.township_code) ?? '',
    villageName: names.get(site.village_code) ?? '',
    month,
    persons: summed.persons
      .map((p) => ({ dinerId: p.personKey, name: diners.get(p.personKey)?.name ?? '', idNumberMasked: diners.get(p.personKey)?.idMasked ?? '', category: p.category, meals: p.meals, subsidyFen: p.subsidyFen, paidFen: p.paidFen, deliveryFeeFen: p.deliveryFeeFen }))
      .sort((a, b) => a.category.localeCompare(b.category) || compareNames(a.name, b.name)),
    categories: summed.categories,
    total: summed.total,
    checks: checksOf(site, meals, diners, confirmed),
    locked: row?.locked === 1,
    lockedBy: row?.locked_by ?? undefined,
    lockedAt: row?.locked_at ?? undefined,
  };
}

export function lockSettlement(ctx: CoreContext, call: CallContext, siteId: string, month: string, confirmed: readonly string[]): { locked: true } {
  if (monthBounds(month).end > ctx.today()) {
    throw new LedgerError({ code: 'validation', message: '该月尚未结束，月末最后一天起才能结算锁定', detail: `meal month ${month} has not ended` });
  }
  const settlement = getSettlement(ctx, siteId, month);
  return lockMonth(
    ctx,
    call,
    siteId,
    month,
    confirmed,
    settlement.checks.map((c) => c.key),
  );
}

export function countyMonth(ctx: CoreContext, month: string): CountyMealMonth {
  const station = ctx.requireStation();
  const { start, end } = monthBounds(month);
  const owner = station.role === 'station' ? station.code : null;
  const rows = ctx.db
    .prepare(
      // One pass over each site's month, inside the covering index meal_attendance_month (0008):
      // three separate subqueries read every meal three times, two of them from the table.
      `SELECT s.id, s.station_code, s.township_code, s.name, s.status, s.built_on,
        (SELECT json_array(count(*), count(DISTINCT a.diner_id), coalesce(sum(a.subsidy_fen), 0)) FROM meal_attendance a
          WHERE a.site_id = s.id AND a.day >= @start AND a.day <= @end AND a.deleted = 0) AS month,
        (SELECT m.locked FROM meal_months m WHERE m.id = s.id || '/' || @month AND m.deleted = 0) AS locked
       FROM meal_sites s WHERE s.deleted = 0 AND (@owner IS NULL OR s.station_code = @owner) ORDER BY s.township_code, s.name`,
    )
    .all({ start, end, month, owner }) as { id: string; station_code: string; township_code: string; name: string; status: string; built_on: string | null; month: string; locked: number | null }[];
  const sites = rows.map((r) => {
    const [meals, persons, subsidy] = JSON.parse(r.month) as [number, number, number];
    return { ...r, meals, persons, subsidy };
  });
  const names = placeNames(ctx, sites.map((s) => s.township_code));
  const townships = new Map<string, CountyMealMonth['townships'][number]>();
  for (const s of sites) {
    const t = townships.get(s.township_code) ?? { code: s.township_code, name: names.get(s.township_code) ?? '', built: 0, running: 0, meals: 0, subsidyFen: 0, lockedSites: 0 };
    if (s.built_on && s.built_on <= end) t.built++;
    if (s.status === 'running') t.running++;
    t.meals += s.meals;
    t.subsidyFen += s.subsidy;
    if (s.locked === 1) t.lockedSites++;
    townships.set(s.township_code, t);
  }
  return {
    month,
    sites: sites.map((s) => ({
      stationCode: s.station_code,
      townshipName: names.get(s.township_code) ?? '',
      siteId: s.id,
      siteName: s.name,
      status: s.status as SiteStatus,
      meals: s.meals,
      persons: s.persons,
      subsidyFen: s.subsidy,
      locked: s.locked === 1,
    })),
    townships: [...townships.values()],
  };
}
