import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type ChildData, type ChildRecord } from '../../../shared/contract';
import { normaliseIdNumber } from '../../../shared/domain/idNumber';
import type { CallContext, CoreContext } from '../context';
import type { ChildCategoriesTable, ChildrenTable } from '../db/schema';
import type { Handlers } from '../handlers';
import { insertRow, softDeleteRow, updateRow, type WriteContext } from '../sync/capture';
import { recordScopeMove } from '../sync/versions';
import { placeNames } from '../places/handlers';
import { listChildren } from './list';
import { categoryRow, childRecord, childRow } from './rows';

const NOT_FOUND = (id: string) =>
  new LedgerError({ code: 'not_found', message: '该儿童记录不存在或已被删除', detail: `child ${id} not found` });

function findByIdNumber(ctx: CoreContext, idNumber: string, exceptId?: string): { id: string; name: string } | null {
  const row = ctx.db
    .prepare('SELECT id, name FROM children WHERE id_number = ? AND deleted = 0 AND id IS NOT ? LIMIT 1')
    .get(normaliseIdNumber(idNumber), exceptId ?? null) as { id: string; name: string } | undefined;
  return row ?? null;
}

/** Refuses what the schema cannot know: a repeated ID number, a village outside this station. */
function checkAgainstStore(ctx: CoreContext, child: ChildData, exceptId?: string): void {
  const dup = findByIdNumber(ctx, child.idNumber, exceptId);
  if (dup) {
    const message = `该身份证号码已登记（${dup.name}），请勿重复录入`;
    throw new LedgerError({ code: 'duplicate', message, detail: `id number already registered as child ${dup.id}`, existingId: dup.id, fieldErrors: { idNumber: message } });
  }
  const village = ctx.db.prepare("SELECT parent_code FROM places WHERE id = ? AND level = 'village' AND deleted = 0").get(child.villageCode) as
    | { parent_code: string }
    | undefined;
  const station = ctx.requireStation();
  const outside = !village || (station.role === 'station' && village.parent_code !== station.code);
  if (outside) {
    const message = village ? `该村（居）不属于${station.name}` : '请选择所在村（居）';
    throw new LedgerError({ code: 'validation', message, detail: `village ${child.villageCode} is outside this station`, fieldErrors: { villageCode: message } });
  }
}

/**
 * Category rows keep their ids across edits (their history syncs field by field). An entry sent
 * without an id matches an existing row of the same category and start date, so a re-import or
 * a client that drops ids does not churn rows.
 */
function writeCategories(w: WriteContext, childId: string, child: ChildData, owner: string): void {
  const existing = w.db
    .prepare('SELECT id, category, start_date FROM child_categories WHERE child_id = ? AND deleted = 0')
    .all(childId) as { id: string; category: string; start_date: string }[];
  const kept = new Set<string>();
  for (const c of child.categories) {
    const match =
      existing.find((e) => e.id === c.id && !kept.has(e.id)) ??
      existing.find((e) => !c.id && !kept.has(e.id) && e.category === c.category && e.start_date === c.startDate);
    if (match) {
      updateRow(w, 'child_categories', match.id, categoryRow(childId, c));
      kept.add(match.id);
    } else {
      insertRow(w, 'child_categories', uuidv7(), categoryRow(childId, c), owner);
    }
  }
  for (const e of existing) if (!kept.has(e.id)) softDeleteRow(w, 'child_categories', e.id);
}

export function createChild(ctx: CoreContext, call: CallContext, child: ChildData): { id: string } {
  return ctx.write(call, (w) => {
    checkAgainstStore(ctx, child);
    const id = uuidv7();
    // A child entered at the county belongs to its township's station, which then receives it.
    const owner = w.role === 'county' ? child.villageCode.slice(0, 9) : w.stationCode;
    insertRow(w, 'children', id, childRow(child), owner);
    writeCategories(w, id, child, owner);
    return { id };
  });
}

function getChild(ctx: CoreContext, id: string): ChildRecord {
  const row = ctx.db.prepare('SELECT * FROM children WHERE id = ? AND deleted = 0').get(id) as ChildrenTable | undefined;
  if (!row) throw NOT_FOUND(id);
  const cats = ctx.db
    .prepare('SELECT * FROM child_categories WHERE child_id = ? AND deleted = 0 ORDER BY start_date, id')
    .all(id) as ChildCategoriesTable[];
  const names = placeNames(ctx);
  return childRecord(row, cats, { township: names.get(row.township_code) ?? '', village: names.get(row.village_code) ?? '' });
}

/** The live record's owner; a station may change only its own records (not one transferred away). */
function requireOwnLive(ctx: CoreContext, id: string): string {
  const row = ctx.db.prepare('SELECT station_code FROM children WHERE id = ? AND deleted = 0').get(id) as { station_code: string } | undefined;
  if (!row) throw NOT_FOUND(id);
  const station = ctx.requireStation();
  if (station.role === 'station' && row.station_code !== station.code) {
    throw new LedgerError({ code: 'conflict', message: '该儿童已迁至其他乡镇，记录由新乡镇的站点维护', detail: `child ${id} belongs to ${row.station_code}` });
  }
  return row.station_code;
}

/**
 * County: a child moved townships. The record, its categories and their history move to the new
 * township's station; the old station receives the move and stops listing the child.
 */
function transferChild(ctx: CoreContext, call: CallContext, id: string, villageCode: string): { id: string; stationCode: string } {
  const county = ctx.requireStation();
  if (county.role !== 'county') throw new LedgerError({ code: 'conflict', message: '儿童迁移只能由县局办理', detail: 'transfer needs the county' });
  return ctx.write(call, (w) => {
    const child = ctx.db.prepare('SELECT station_code FROM children WHERE id = ? AND deleted = 0').get(id) as { station_code: string } | undefined;
    if (!child) throw NOT_FOUND(id);
    const village = ctx.db.prepare("SELECT parent_code FROM places WHERE id = ? AND level = 'village' AND deleted = 0").get(villageCode) as
      | { parent_code: string }
      | undefined;
    if (!village) throw new LedgerError({ code: 'validation', message: '请选择迁入的村（居）', detail: `no village ${villageCode}`, fieldErrors: { villageCode: '请选择迁入的村（居）' } });
    const to = village.parent_code;
    updateRow(w, 'children', id, { village_code: villageCode, township_code: to, station_code: to });
    if (to !== child.station_code) {
      recordScopeMove(ctx.db, 'children', id, child.station_code);
      const cats = ctx.db.prepare('SELECT id FROM child_categories WHERE child_id = ?').all(id) as { id: string }[];
      for (const c of cats) {
        updateRow(w, 'child_categories', c.id, { station_code: to });
        recordScopeMove(ctx.db, 'child_categories', c.id, child.station_code);
      }
    }
    return { id, stationCode: to };
  });
}

export function childrenHandlers(
  ctx: CoreContext,
): Pick<
  Handlers,
  'children.list' | 'children.get' | 'children.findByIdNumber' | 'children.create' | 'children.update' | 'children.delete' | 'children.transfer'
> {
  return {
    'children.list': (q) => listChildren(ctx, q),
    'children.get': ({ id }) => getChild(ctx, id),
    'children.findByIdNumber': ({ idNumber }) => findByIdNumber(ctx, idNumber),
    'children.create': (child, call) => createChild(ctx, call, child),
    'children.update': ({ id, child }, call) =>
      ctx.write(call, (w) => {
        const owner = requireOwnLive(ctx, id);
        checkAgainstStore(ctx, child, id);
        if (child.villageCode.slice(0, 9) !== owner) {
          const message = '迁往其他乡镇（街道）请由县局办理“迁移”，这里只能选择本乡镇的村（居）';
          throw new LedgerError({ code: 'validation', message, detail: 'village change across townships needs a transfer', fieldErrors: { villageCode: message } });
        }
        updateRow(w, 'children', id, childRow(child));
        writeCategories(w, id, child, owner);
        return { id };
      }),
    'children.transfer': ({ id, villageCode }, call) => transferChild(ctx, call, id, villageCode),
    'children.delete': ({ id }, call) =>
      ctx.write(call, (w) => {
        requireOwnLive(ctx, id);
        softDeleteRow(w, 'children', id);
        return { id };
      }),
  };
}
