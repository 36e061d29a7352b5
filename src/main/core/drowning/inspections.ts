/** Water-area inspections (督查): a list by year and place, and saves that keep each in its township. */
import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type ParsedInputOf, type WaterInspectionData, type WaterInspectionListResult } from '../../../shared/contract';
import { yearBounds } from '../../../shared/domain/drowning';
import type { CallContext, CoreContext } from '../context';
import { ownerOf } from '../people/register';
import { placeNames } from '../places/handlers';
import { requireOwnRow, townshipOfVillage } from '../places/villageScope';
import { insertRow, softDeleteRow, updateRow } from '../sync/capture';
import { inspectionRecord, inspectionRow } from './rows';
import type { WaterInspectionsTable } from './schema';

const villageError = (message: string, detail: string) =>
  new LedgerError({ code: 'validation', message, detail, fieldErrors: { 'inspection.villageCode': message } });

const requireOwnInspection = (ctx: CoreContext, id: string) => requireOwnRow(ctx, 'water_inspections', id, '该督查记录');

export function saveInspection(ctx: CoreContext, call: CallContext, id: string | undefined, v: WaterInspectionData): { id: string } {
  return ctx.write(call, (w) => {
    const township = townshipOfVillage(ctx, v.villageCode, 'inspection.villageCode', '请选择水域所在村（居）');
    if (id === undefined) {
      const newId = uuidv7();
      // Entered at the county, it belongs to the township's station, which then receives it.
      insertRow(w, 'water_inspections', newId, inspectionRow(v), ownerOf(w, v.villageCode));
      return { id: newId };
    }
    const owner = requireOwnInspection(ctx, id);
    // Its owner is its township's station: moving it to another township would change hands.
    if (township !== owner) throw villageError('这里只能选择本乡镇（街道）的村（居）', 'inspection village change across townships');
    updateRow(w, 'water_inspections', id, inspectionRow(v));
    return { id };
  });
}

export function deleteInspection(ctx: CoreContext, call: CallContext, id: string): { id: string } {
  return ctx.write(call, (w) => {
    requireOwnInspection(ctx, id);
    softDeleteRow(w, 'water_inspections', id);
    return { id };
  });
}

export function listInspections(ctx: CoreContext, q: ParsedInputOf<'drowning.inspections.list'>): WaterInspectionListResult {
  const station = ctx.requireStation();
  const where: string[] = ['deleted = 0'];
  const params: Record<string, string | number> = {};
  const add = (clause: string, name: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params[name] = value;
  };
  add('station_code = :owner', 'owner', station.role === 'station' ? station.code : q.stationCode);
  if (q.year !== undefined) {
    const { start, end } = yearBounds(q.year);
    add('inspected_on >= :start', 'start', start);
    add('inspected_on <= :end', 'end', end);
  }
  add('township_code = :township', 'township', q.townshipCode);
  add('village_code = :village', 'village', q.villageCode);
  if (q.hazardOnly) where.push('hazard_found = 1');
  const clause = where.join(' AND ');
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM water_inspections WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = ctx.db
    .prepare(`SELECT * FROM water_inspections WHERE ${clause} ORDER BY inspected_on DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as WaterInspectionsTable[];
  const names = placeNames(ctx, rows.flatMap((r) => [r.township_code, r.village_code]));
  return {
    total,
    rows: rows.map((r) => inspectionRecord(r, { township: names.get(r.township_code) ?? '', village: names.get(r.village_code) ?? '' })),
  };
}
