/** Meal sites (助餐点): saves that keep each in its township, a list by place and status, one site. */
import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type MealSiteData, type MealSiteRecord, type MealSiteRow, type ParsedInputOf } from '../../../shared/contract';
import type { SiteKind, SiteStatus } from '../../../shared/domain/meals';
import type { CallContext, CoreContext } from '../context';
import { ownerOf } from '../people/register';
import { placeNames } from '../places/handlers';
import { requireOwnRow, townshipOfVillage } from '../places/villageScope';
import { insertRow, softDeleteRow, updateRow } from '../sync/capture';
import { siteRecord, siteRow } from './rows';
import type { MealSitesTable } from './schema';

export const requireOwnSite = (ctx: CoreContext, id: string): string => requireOwnRow(ctx, 'meal_sites', id, '该助餐点');

/** Diners enrolled on `day` per site. */
const ACTIVE_DINERS_SQL = `SELECT count(*) FROM meal_diners d WHERE d.site_id = s.id AND d.deleted = 0
  AND d.start_on <= @day AND (d.stop_on IS NULL OR d.stop_on >= @day)`;

export function saveSite(ctx: CoreContext, call: CallContext, id: string | undefined, s: MealSiteData): { id: string } {
  return ctx.write(call, (w) => {
    const township = townshipOfVillage(ctx, s.villageCode, 'site.villageCode', '请选择助餐点所在村（居）');
    if (id === undefined) {
      const newId = uuidv7();
      // Entered at the county, it belongs to the township's station, which then receives it.
      insertRow(w, 'meal_sites', newId, siteRow(s), ownerOf(w, s.villageCode));
      return { id: newId };
    }
    const owner = requireOwnSite(ctx, id);
    if (township !== owner) {
      const message = '这里只能选择本乡镇（街道）的村（居）';
      throw new LedgerError({ code: 'validation', message, detail: 'site village change across townships', fieldErrors: { 'site.villageCode': message } });
    }
    updateRow(w, 'meal_sites', id, siteRow(s));
    return { id };
  });
}

export function deleteSite(ctx: CoreContext, call: CallContext, id: string): { id: string } {
  return ctx.write(call, (w) => {
    requireOwnSite(ctx, id);
    const meals = ctx.db.prepare('SELECT count(*) AS n FROM meal_attendance WHERE site_id = ? AND deleted = 0').get(id) as { n: number };
    // Meals already served are the basis of paid subsidies: a site with any is stopped, not deleted.
    if (meals.n > 0) {
      throw new LedgerError({ code: 'conflict', message: `该助餐点已有${meals.n}条就餐记录，不能删除；如已停止供餐，请将运营状态改为“停运”`, detail: `meal site ${id} has meals` });
    }
    softDeleteRow(w, 'meal_sites', id);
    return { id };
  });
}

export function getSite(ctx: CoreContext, id: string): MealSiteRecord {
  const r = ctx.db.prepare(`SELECT s.*, (${ACTIVE_DINERS_SQL}) AS diners FROM meal_sites s WHERE s.id = @id AND s.deleted = 0`).get({ id, day: ctx.today() }) as
    | (MealSitesTable & { diners: number })
    | undefined;
  if (!r) throw new LedgerError({ code: 'not_found', message: '该助餐点不存在或已被删除', detail: `meal site ${id} not found` });
  const names = placeNames(ctx, [r.township_code, r.village_code]);
  return siteRecord(r, { township: names.get(r.township_code) ?? '', village: names.get(r.village_code) ?? '', diners: r.diners });
}

export function listSites(ctx: CoreContext, q: ParsedInputOf<'meals.sites.list'>): { total: number; rows: MealSiteRow[] } {
  const station = ctx.requireStation();
  const where: string[] = ['s.deleted = 0'];
  const params: Record<string, string | number> = { day: ctx.today() };
  const add = (clause: string, name: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params[name] = value;
  };
  add('s.station_code = @owner', 'owner', station.role === 'station' ? station.code : q.stationCode);
  add('s.township_code = @township', 'township', q.townshipCode);
  add('s.village_code = @village', 'village', q.villageCode);
  add('s.status = @status', 'status', q.status);
  add('s.kind = @kind', 'kind', q.kind);
  if (q.search) add("(instr(s.name, @search) > 0 OR instr(s.operator, @search) > 0)", 'search', q.search);
  const clause = where.join(' AND ');
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM meal_sites s WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = ctx.db
    .prepare(`SELECT s.*, (${ACTIVE_DINERS_SQL}) AS diners FROM meal_sites s WHERE ${clause} ORDER BY s.township_code, s.village_code, s.name LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as (MealSitesTable & { diners: number })[];
  const names = placeNames(ctx, rows.flatMap((r) => [r.township_code, r.village_code]));
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      stationCode: r.station_code,
      name: r.name,
      kind: r.kind as SiteKind,
      status: r.status as SiteStatus,
      townshipName: names.get(r.township_code) ?? '',
      villageName: names.get(r.village_code) ?? '',
      operator: r.operator,
      dailyCapacity: r.daily_capacity,
      diners: r.diners,
    })),
  };
}
