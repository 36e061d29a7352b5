/**
 * What every register of people shares (children, elders, …): columns derived from the name,
 * ID number and village; the ID number as the natural key; the village within the station's
 * township; a station editing only its own records; tag rows (categories, groups) that keep their
 * ids across edits so their history syncs field by field.
 */
import { v7 as uuidv7 } from 'uuid';
import { LedgerError } from '../../../shared/contract';
import { normaliseIdNumber, parseIdNumber } from '../../../shared/domain/idNumber';
import { derivePersonColumns } from './derive';
import type { CoreContext } from '../context';
import { insertRow, softDeleteRow, updateRow, type Row, type WriteContext } from '../sync/capture';
import type { SyncedTableName } from '../sync/tables';

/** Tables holding people: each has name, id_number, village_code and their derived columns. */
export type PeopleTable = Extract<SyncedTableName, 'children' | 'elders' | 'women'>;

/** The source columns of a person row with their derived columns. */
export function personColumns(p: { name: string; idNumber: string; villageCode: string }): Row {
  const parsed = parseIdNumber(p.idNumber);
  if (!parsed.ok) throw new Error('id number was not validated');
  const sources = { name: p.name, id_number: parsed.info.idNumber, village_code: p.villageCode };
  return { ...sources, ...derivePersonColumns(sources) };
}

export function findByIdNumber(ctx: CoreContext, table: PeopleTable, idNumber: string, exceptId?: string): { id: string; name: string } | null {
  const row = ctx.db
    .prepare(`SELECT id, name FROM ${table} WHERE id_number = ? AND deleted = 0 AND id IS NOT ? LIMIT 1`)
    .get(normaliseIdNumber(idNumber), exceptId ?? null) as { id: string; name: string } | undefined;
  return row ?? null;
}

/** Refuses what a schema cannot know: a repeated ID number, a village outside this station. */
export function checkAgainstStore(ctx: CoreContext, table: PeopleTable, person: { idNumber: string; villageCode: string }, exceptId?: string): void {
  const dup = findByIdNumber(ctx, table, person.idNumber, exceptId);
  if (dup) {
    const message = `该身份证号码已登记（${dup.name}），请勿重复录入`;
    throw new LedgerError({ code: 'duplicate', message, detail: `id number already registered in ${table} as ${dup.id}`, existingId: dup.id, fieldErrors: { idNumber: message } });
  }
  const village = ctx.db.prepare("SELECT parent_code FROM places WHERE id = ? AND level = 'village' AND deleted = 0").get(person.villageCode) as
    | { parent_code: string }
    | undefined;
  const station = ctx.requireStation();
  if (!village || (station.role === 'station' && village.parent_code !== station.code)) {
    const message = village ? `该村（居）不属于${station.name}` : '请选择所在村（居）';
    throw new LedgerError({ code: 'validation', message, detail: `village ${person.villageCode} is outside this station`, fieldErrors: { villageCode: message } });
  }
}

/** A person entered at the county belongs to its township's station, which then receives it. */
export function ownerOf(w: WriteContext, villageCode: string): string {
  return w.role === 'county' ? villageCode.slice(0, 9) : w.stationCode;
}

/** For registers the county can transfer: the way to move a person is named. */
export const MOVE_BY_TRANSFER = '迁往其他乡镇（街道）请由县局办理“迁移”，这里只能选择本乡镇的村（居）';

/**
 * An edit keeps the person in the owner's township: the record belongs to that township's station,
 * and moving it elsewhere is the county's transfer, not an edit.
 */
export function requireOwnTownship(villageCode: string, owner: string, message = '这里只能选择本乡镇（街道）的村（居）'): void {
  if (villageCode.slice(0, 9) === owner) return;
  throw new LedgerError({ code: 'validation', message, detail: 'village change across townships', fieldErrors: { villageCode: message } });
}

/** The live record's owner; a station may change only its own records (not one moved away). */
export function requireOwnLive(ctx: CoreContext, table: PeopleTable, id: string, notFound: () => LedgerError, elsewhere: string): string {
  const row = ctx.db.prepare(`SELECT station_code FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as { station_code: string } | undefined;
  if (!row) throw notFound();
  const station = ctx.requireStation();
  if (station.role === 'station' && row.station_code !== station.code) {
    throw new LedgerError({ code: 'conflict', message: elsewhere, detail: `${table} ${id} belongs to ${row.station_code}` });
  }
  return row.station_code;
}

export interface TagRows<T extends { id?: string }> {
  table: Extract<SyncedTableName, 'child_categories' | 'elder_groups'>;
  parentColumn: 'child_id' | 'elder_id';
  codeColumn: 'category' | 'group_code';
  codeOf(tag: T): string;
  startOf(tag: T): string;
  row(parentId: string, tag: T): Row;
}

/**
 * Tag rows keep their ids across edits. One sent without an id matches an existing row with the
 * same code and start date, so a client that drops ids does not churn rows.
 */
export function writeTagRows<T extends { id?: string }>(w: WriteContext, spec: TagRows<T>, parentId: string, tags: readonly T[], owner: string): void {
  const existing = w.db
    .prepare(`SELECT id, ${spec.codeColumn} AS code, start_date FROM ${spec.table} WHERE ${spec.parentColumn} = ? AND deleted = 0`)
    .all(parentId) as { id: string; code: string; start_date: string }[];
  const kept = new Set<string>();
  for (const t of tags) {
    const match =
      existing.find((e) => e.id === t.id && !kept.has(e.id)) ??
      existing.find((e) => !t.id && !kept.has(e.id) && e.code === spec.codeOf(t) && e.start_date === spec.startOf(t));
    if (match) {
      updateRow(w, spec.table, match.id, spec.row(parentId, t));
      kept.add(match.id);
    } else {
      insertRow(w, spec.table, uuidv7(), spec.row(parentId, t), owner);
    }
  }
  for (const e of existing) if (!kept.has(e.id)) softDeleteRow(w, spec.table, e.id);
}
