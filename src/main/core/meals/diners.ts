/**
 * Diners: who may eat at a site, and with which subsidy categories. An elder of the register gets
 * the categories their record gives on the day (`mealCategoriesOf`), unless the worker chose one
 * with a reason; someone outside the register eats as 普通.
 */
import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type MealDinerData, type MealDinerRecord } from '../../../shared/contract';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import { mealCategoriesOf, type MealCategory } from '../../../shared/domain/meals';
import type { CallContext, CoreContext } from '../context';
import { fromColumn, toBoolColumn, toColumn } from '../db/columns';
import { nameKeys } from '../people/nameKeys';
import { insertRow, softDeleteRow, updateRow, type Row } from '../sync/capture';
import type { MealDinersTable } from './schema';
import { requireOwnSite } from './sites';

/** A diner row with what the subsidy and the grid need from the elder and the site. */
export interface DinerFactsRow extends MealDinersTable {
  site_name: string;
  site_village: string;
  elder_name: string | null;
  elder_id_number: string | null;
  elder_village: string | null;
  birth_date: string | null;
  economic_status: string | null;
  capability: string | null;
  /** The day the elder left the register (deleted there); no subsidy after it. */
  elder_left_on: string | null;
}

const DINER_SELECT = `SELECT d.*, s.name AS site_name, s.village_code AS site_village,
  e.name AS elder_name, e.id_number AS elder_id_number, e.village_code AS elder_village, e.birth_date, e.economic_status, e.capability,
  CASE WHEN e.deleted = 1 THEN substr(e.updated_at, 1, 10) END AS elder_left_on
  FROM meal_diners d JOIN meal_sites s ON s.id = d.site_id LEFT JOIN elders e ON e.id = d.elder_id`;

export function dinerRows(ctx: CoreContext, where: string, params: Record<string, unknown>): DinerFactsRow[] {
  return ctx.db.prepare(`${DINER_SELECT} WHERE ${where} ORDER BY d.start_on, d.id`).all(params) as DinerFactsRow[];
}

/**
 * Pinyin initials by name. The grid asks for every diner of a site on each read, and converting a
 * name costs far more than the query; names repeat, so they are kept (bounded, oldest dropped).
 */
const initialsByName = new Map<string, string>();
const INITIALS_KEPT = 20_000;

function initialsOf(name: string): string {
  let initials = initialsByName.get(name);
  if (initials === undefined) {
    initials = nameKeys(name).initials;
    if (initialsByName.size >= INITIALS_KEPT) initialsByName.delete(initialsByName.keys().next().value!);
    initialsByName.set(name, initials);
  }
  return initials;
}

/** Groups each elder holds on `day`. */
export function groupsOn(ctx: CoreContext, elderIds: readonly string[], day: string): Map<string, string[]> {
  const rows = ctx.db
    .prepare(
      `SELECT elder_id, group_code FROM elder_groups WHERE deleted = 0 AND elder_id IN (SELECT value FROM json_each(?))
       AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
    )
    .all(JSON.stringify([...new Set(elderIds)]), day, day) as { elder_id: string; group_code: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.elder_id, [...(out.get(r.elder_id) ?? []), r.group_code]);
  return out;
}

/** The categories a diner's subsidy reads on `day`: the chosen one, or the elder's; none outside the register. */
export function categoriesOn(d: DinerFactsRow, groups: readonly string[], day: string): { derived: MealCategory[]; effective: MealCategory[] } {
  const derived = d.elder_id && d.birth_date ? mealCategoriesOf({ birthDate: d.birth_date, economicStatus: d.economic_status, capability: d.capability, groups }, day) : [];
  const effective = d.category_override ? [d.category_override as MealCategory] : derived;
  return { derived, effective: d.elder_id ? effective : [] };
}

/** Diner records as the site page, the grid and the elder's page show them; categories as of `day`. */
export function dinerRecords(ctx: CoreContext, rows: readonly DinerFactsRow[], day: string): MealDinerRecord[] {
  const groups = groupsOn(
    ctx,
    rows.flatMap((r) => (r.elder_id ? [r.elder_id] : [])),
    day,
  );
  const villages = new Map(
    (
      ctx.db
        .prepare('SELECT id, name FROM places WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify([...new Set(rows.map((r) => r.elder_village ?? r.site_village))])) as { id: string; name: string }[]
    ).map((p) => [p.id, p.name]),
  );
  return rows.map((r) => {
    const name = r.elder_name ?? r.name ?? '';
    const { derived, effective } = categoriesOn(r, groups.get(r.elder_id ?? '') ?? [], day);
    return {
      id: r.id,
      siteId: r.site_id,
      siteName: r.site_name,
      elderId: fromColumn(r.elder_id),
      name,
      idNumber: r.elder_id ? undefined : fromColumn(r.id_number),
      initials: initialsOf(name),
      villageName: villages.get(r.elder_village ?? r.site_village) ?? '',
      derivedCategories: derived,
      categoryOverride: fromColumn(r.category_override) as MealCategory | undefined,
      overrideReason: fromColumn(r.override_reason),
      categories: effective,
      startOn: r.start_on,
      stopOn: fromColumn(r.stop_on),
      delivery: r.delivery === 1,
      dietNotes: fromColumn(r.diet_notes),
      active: r.start_on <= day && (r.stop_on === null || r.stop_on >= day) && r.elder_left_on === null,
    };
  });
}

/** A masked ID number of a diner, from the register or as given for someone outside it. */
export function dinerIdMasked(r: DinerFactsRow): string {
  const id = r.elder_id_number ?? r.id_number;
  return id ? maskIdNumber(id) : '';
}

function dinerRow(siteId: string, d: MealDinerData): Row {
  return {
    site_id: siteId,
    elder_id: toColumn(d.elderId),
    // An elder's name and ID number are read from the register, never copied.
    name: d.elderId ? null : toColumn(d.name),
    id_number: d.elderId ? null : toColumn(d.idNumber),
    category_override: toColumn(d.categoryOverride),
    override_reason: d.categoryOverride ? toColumn(d.overrideReason) : null,
    start_on: d.startOn,
    stop_on: toColumn(d.stopOn),
    delivery: toBoolColumn(d.delivery),
    diet_notes: toColumn(d.dietNotes),
  };
}

function refuse(field: string, message: string, detail: string): LedgerError {
  return new LedgerError({ code: 'validation', message, detail, fieldErrors: { [`diner.${field}`]: message } });
}

export function saveDiner(ctx: CoreContext, call: CallContext, siteId: string, id: string | undefined, d: MealDinerData): { id: string } {
  return ctx.write(call, (w) => {
    const owner = requireOwnSite(ctx, siteId);
    if (d.elderId) {
      const elder = ctx.db.prepare('SELECT station_code FROM elders WHERE id = ? AND deleted = 0').get(d.elderId) as { station_code: string } | undefined;
      if (!elder) throw refuse('elderId', '该老人不在老人台账中（可能已被删除）', `elder ${d.elderId} not found`);
      // Overlapping enrolments at one site would count the same person twice on the grid.
      const overlap = ctx.db
        .prepare(
          `SELECT 1 FROM meal_diners WHERE site_id = @site AND elder_id = @elder AND deleted = 0 AND id != @id
           AND start_on <= coalesce(@stop, '9999-12-31') AND coalesce(stop_on, '9999-12-31') >= @start`,
        )
        .get({ site: siteId, elder: d.elderId, id: id ?? '', start: d.startOn, stop: d.stopOn ?? null });
      if (overlap) throw refuse('elderId', '该老人在这段时间已在本助餐点登记就餐', `elder ${d.elderId} already enrolled at ${siteId}`);
    }
    if (id === undefined) {
      const newId = uuidv7();
      insertRow(w, 'meal_diners', newId, dinerRow(siteId, d), owner);
      return { id: newId };
    }
    const current = ctx.db.prepare('SELECT site_id FROM meal_diners WHERE id = ? AND deleted = 0').get(id) as { site_id: string } | undefined;
    if (!current || current.site_id !== siteId) throw new LedgerError({ code: 'not_found', message: '该就餐登记不存在或已被删除', detail: `diner ${id} not at ${siteId}` });
    updateRow(w, 'meal_diners', id, dinerRow(siteId, d));
    return { id };
  });
}

export function deleteDiner(ctx: CoreContext, call: CallContext, id: string): { id: string } {
  return ctx.write(call, (w) => {
    const row = ctx.db.prepare('SELECT site_id FROM meal_diners WHERE id = ? AND deleted = 0').get(id) as { site_id: string } | undefined;
    if (!row) throw new LedgerError({ code: 'not_found', message: '该就餐登记不存在或已被删除', detail: `diner ${id} not found` });
    requireOwnSite(ctx, row.site_id);
    const meals = ctx.db.prepare('SELECT count(*) AS n FROM meal_attendance WHERE diner_id = ? AND deleted = 0').get(id) as { n: number };
    if (meals.n > 0) throw new LedgerError({ code: 'conflict', message: `该老人已有${meals.n}条就餐记录，不能删除登记；不再就餐请填写停止就餐日期`, detail: `diner ${id} has meals` });
    softDeleteRow(w, 'meal_diners', id);
    return { id };
  });
}
