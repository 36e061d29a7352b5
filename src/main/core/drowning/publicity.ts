/** One child's yearly publicity: read, save (one live row per child, year and station), delete. */
import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type PublicityData, type PublicityRecord } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import type { Sqlite } from '../db/open';
import { requireOwnLive } from '../people/register';
import { insertRow, softDeleteRow, updateRow } from '../sync/capture';
import { publicityRecord, publicityRow } from './rows';
import type { DrowningPublicityTable } from './schema';

const childNotFound = (id: string) => new LedgerError({ code: 'not_found', message: '该儿童记录不存在或已被删除', detail: `child ${id} not found` });

/** The child's station; a station records publicity only for children it keeps (not one moved away). */
export const requireOwnChild = (ctx: CoreContext, childId: string): string =>
  requireOwnLive(ctx, 'children', childId, () => childNotFound(childId), '该儿童的记录由其他乡镇的站点维护，不能在本站登记防溺水宣传');

/**
 * The station's live row of a child and year. The table has no unique key (a moved child may
 * have one from each station, and the county may have added one while the station did), so
 * the oldest wins: saving again edits it rather than adding another.
 */
export function liveRowOf(db: Sqlite, childId: string, year: number, stationCode: string): DrowningPublicityTable | undefined {
  return db
    .prepare('SELECT * FROM drowning_publicity WHERE child_id = ? AND year = ? AND station_code = ? AND deleted = 0 ORDER BY created_at, id LIMIT 1')
    .get(childId, year, stationCode) as DrowningPublicityTable | undefined;
}

export function publicityOfChild(ctx: CoreContext, childId: string): PublicityRecord[] {
  const child = ctx.db.prepare('SELECT 1 FROM children WHERE id = ? AND deleted = 0').get(childId);
  if (!child) throw childNotFound(childId);
  const rows = ctx.db
    .prepare('SELECT * FROM drowning_publicity WHERE child_id = ? AND deleted = 0 ORDER BY year DESC, station_code, created_at, id')
    .all(childId) as DrowningPublicityTable[];
  return rows.map(publicityRecord);
}

export function savePublicity(ctx: CoreContext, call: CallContext, p: PublicityData): { id: string } {
  return ctx.write(call, (w) => {
    // At the county the row belongs to the child's station, which then receives it.
    const owner = requireOwnChild(ctx, p.childId);
    const existing = liveRowOf(ctx.db, p.childId, p.year, owner);
    if (existing) {
      updateRow(w, 'drowning_publicity', existing.id, publicityRow(p));
      return { id: existing.id };
    }
    const id = uuidv7();
    insertRow(w, 'drowning_publicity', id, publicityRow(p), owner);
    return { id };
  });
}

export function deletePublicity(ctx: CoreContext, call: CallContext, id: string): { id: string } {
  return ctx.write(call, (w) => {
    const row = ctx.db.prepare('SELECT child_id, station_code FROM drowning_publicity WHERE id = ? AND deleted = 0').get(id) as
      | { child_id: string; station_code: string }
      | undefined;
    if (!row) throw new LedgerError({ code: 'not_found', message: '该防溺水宣传记录不存在或已被删除', detail: `drowning_publicity ${id} not found` });
    requireOwnChild(ctx, row.child_id);
    const station = ctx.requireStation();
    if (station.role === 'station' && row.station_code !== station.code) {
      throw new LedgerError({ code: 'conflict', message: '该记录由其他乡镇的站点登记，不能在本站删除', detail: `drowning_publicity ${id} belongs to ${row.station_code}` });
    }
    softDeleteRow(w, 'drowning_publicity', id);
    return { id };
  });
}
