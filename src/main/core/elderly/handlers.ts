import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type ElderData, type ElderRecord } from '../../../shared/contract';
import { DEFAULT_HIGH_AGE_BANDS } from '../../../shared/domain/elderly';
import { normaliseIdNumber } from '../../../shared/domain/idNumber';
import type { CallContext, CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { placeNames } from '../places/handlers';
import { insertRow, softDeleteRow, updateRow, type WriteContext } from '../sync/capture';
import { listElders } from './list';
import { agreementRow, contactRow, elderRecord, elderRow, groupRow } from './rows';
import type { ElderContactsTable, ElderGroupsTable, EldersTable, SupportAgreementsTable } from './schema';

/** The national default bands; a province's own bands are not yet configurable in the app. */
const BANDS = DEFAULT_HIGH_AGE_BANDS;

const NOT_FOUND = (id: string) => new LedgerError({ code: 'not_found', message: '该老人记录不存在或已被删除', detail: `elder ${id} not found` });

function findByIdNumber(ctx: CoreContext, idNumber: string, exceptId?: string): { id: string; name: string } | null {
  const row = ctx.db
    .prepare('SELECT id, name FROM elders WHERE id_number = ? AND deleted = 0 AND id IS NOT ? LIMIT 1')
    .get(normaliseIdNumber(idNumber), exceptId ?? null) as { id: string; name: string } | undefined;
  return row ?? null;
}

/** Refuses what the schema cannot know: a repeated ID number, a village outside this station. */
function checkAgainstStore(ctx: CoreContext, elder: ElderData, exceptId?: string): void {
  const dup = findByIdNumber(ctx, elder.idNumber, exceptId);
  if (dup) {
    const message = `该身份证号码已登记（${dup.name}），请勿重复录入`;
    throw new LedgerError({ code: 'duplicate', message, detail: `id number already registered as elder ${dup.id}`, existingId: dup.id, fieldErrors: { idNumber: message } });
  }
  const village = ctx.db.prepare("SELECT parent_code FROM places WHERE id = ? AND level = 'village' AND deleted = 0").get(elder.villageCode) as
    | { parent_code: string }
    | undefined;
  const station = ctx.requireStation();
  const outside = !village || (station.role === 'station' && village.parent_code !== station.code);
  if (outside) {
    const message = village ? `该村（居）不属于${station.name}` : '请选择所在村（居）';
    throw new LedgerError({ code: 'validation', message, detail: `village ${elder.villageCode} is outside this station`, fieldErrors: { villageCode: message } });
  }
}

/**
 * Group rows keep their ids across edits (their history syncs field by field). An entry sent
 * without an id matches an existing row of the same group and start date.
 */
function writeGroups(w: WriteContext, elderId: string, elder: ElderData, owner: string): void {
  const existing = w.db
    .prepare('SELECT id, group_code, start_date FROM elder_groups WHERE elder_id = ? AND deleted = 0')
    .all(elderId) as { id: string; group_code: string; start_date: string }[];
  const kept = new Set<string>();
  for (const g of elder.groups) {
    const match =
      existing.find((e) => e.id === g.id && !kept.has(e.id)) ??
      existing.find((e) => !g.id && !kept.has(e.id) && e.group_code === g.group && e.start_date === g.startDate);
    if (match) {
      updateRow(w, 'elder_groups', match.id, groupRow(elderId, g));
      kept.add(match.id);
    } else {
      insertRow(w, 'elder_groups', uuidv7(), groupRow(elderId, g), owner);
    }
  }
  for (const e of existing) if (!kept.has(e.id)) softDeleteRow(w, 'elder_groups', e.id);
}

/**
 * The live elder's owner. A station may change only its own records; a contact or agreement
 * belongs to its elder's station.
 */
function requireOwnLive(ctx: CoreContext, id: string): string {
  const row = ctx.db.prepare('SELECT station_code FROM elders WHERE id = ? AND deleted = 0').get(id) as { station_code: string } | undefined;
  if (!row) throw NOT_FOUND(id);
  const station = ctx.requireStation();
  if (station.role === 'station' && row.station_code !== station.code) {
    throw new LedgerError({ code: 'conflict', message: '该老人的记录由其他乡镇的站点维护', detail: `elder ${id} belongs to ${row.station_code}` });
  }
  return row.station_code;
}

function createElder(ctx: CoreContext, call: CallContext, elder: ElderData): { id: string } {
  return ctx.write(call, (w) => {
    checkAgainstStore(ctx, elder);
    const id = uuidv7();
    // An elder entered at the county belongs to its township's station, which then receives it.
    const owner = w.role === 'county' ? elder.villageCode.slice(0, 9) : w.stationCode;
    insertRow(w, 'elders', id, elderRow(elder, ctx.today(), BANDS), owner);
    writeGroups(w, id, elder, owner);
    return { id };
  });
}

function updateElder(ctx: CoreContext, call: CallContext, id: string, elder: ElderData): { id: string } {
  return ctx.write(call, (w) => {
    const owner = requireOwnLive(ctx, id);
    checkAgainstStore(ctx, elder, id);
    if (elder.villageCode.slice(0, 9) !== owner) {
      const message = '这里只能选择本乡镇（街道）的村（居）';
      throw new LedgerError({ code: 'validation', message, detail: 'village change across townships', fieldErrors: { villageCode: message } });
    }
    updateRow(w, 'elders', id, elderRow(elder, ctx.today(), BANDS));
    writeGroups(w, id, elder, owner);
    return { id };
  });
}

function getElder(ctx: CoreContext, id: string): ElderRecord {
  const row = ctx.db.prepare('SELECT * FROM elders WHERE id = ? AND deleted = 0').get(id) as EldersTable | undefined;
  if (!row) throw NOT_FOUND(id);
  const groups = ctx.db.prepare('SELECT * FROM elder_groups WHERE elder_id = ? AND deleted = 0 ORDER BY start_date, id').all(id) as ElderGroupsTable[];
  const contacts = ctx.db
    .prepare('SELECT * FROM elder_contacts WHERE elder_id = ? AND deleted = 0 ORDER BY registered_on DESC, id DESC')
    .all(id) as ElderContactsTable[];
  const agreements = ctx.db
    .prepare('SELECT * FROM support_agreements WHERE elder_id = ? AND deleted = 0 ORDER BY signed_on DESC, id DESC')
    .all(id) as SupportAgreementsTable[];
  const names = placeNames(ctx);
  return elderRecord(row, { groups, contacts, agreements }, { township: names.get(row.township_code) ?? '', village: names.get(row.village_code) ?? '' }, ctx.today(), BANDS);
}

type SubTable = 'elder_contacts' | 'support_agreements';
const SUB_LABEL: Record<SubTable, string> = { elder_contacts: '联系人', support_agreements: '赡养协议' };

/** A live contact or agreement, and its elder (which must be live and this station's). */
function requireSub(ctx: CoreContext, table: SubTable, id: string, elderId?: string): { elderId: string } {
  const row = ctx.db.prepare(`SELECT elder_id FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as { elder_id: string } | undefined;
  if (!row || (elderId !== undefined && row.elder_id !== elderId)) {
    throw new LedgerError({ code: 'not_found', message: `该${SUB_LABEL[table]}不存在或已被删除`, detail: `${table} ${id} not found${elderId ? ` for elder ${elderId}` : ''}` });
  }
  requireOwnLive(ctx, row.elder_id);
  return { elderId: row.elder_id };
}

function saveSub(ctx: CoreContext, call: CallContext, table: SubTable, elderId: string, id: string | undefined, values: Record<string, string | number | null>): { id: string } {
  return ctx.write(call, (w) => {
    if (id === undefined) {
      const owner = requireOwnLive(ctx, elderId);
      const newId = uuidv7();
      insertRow(w, table, newId, values, owner);
      return { id: newId };
    }
    requireSub(ctx, table, id, elderId);
    updateRow(w, table, id, values);
    return { id };
  });
}

function deleteSub(ctx: CoreContext, call: CallContext, table: SubTable, id: string): { id: string } {
  return ctx.write(call, (w) => {
    requireSub(ctx, table, id);
    softDeleteRow(w, table, id);
    return { id };
  });
}

export function elderlyHandlers(
  ctx: CoreContext,
): Pick<
  Handlers,
  | 'elders.list'
  | 'elders.get'
  | 'elders.findByIdNumber'
  | 'elders.create'
  | 'elders.update'
  | 'elders.delete'
  | 'elders.saveContact'
  | 'elders.deleteContact'
  | 'elders.saveAgreement'
  | 'elders.deleteAgreement'
> {
  return {
    'elders.list': (q) => listElders(ctx, q, BANDS),
    'elders.get': ({ id }) => getElder(ctx, id),
    'elders.findByIdNumber': ({ idNumber }) => findByIdNumber(ctx, idNumber),
    'elders.create': (elder, call) => createElder(ctx, call, elder),
    'elders.update': ({ id, elder }, call) => updateElder(ctx, call, id, elder),
    'elders.delete': ({ id }, call) =>
      ctx.write(call, (w) => {
        requireOwnLive(ctx, id);
        softDeleteRow(w, 'elders', id);
        return { id };
      }),
    'elders.saveContact': ({ elderId, id, contact }, call) =>
      saveSub(ctx, call, 'elder_contacts', elderId, id, contactRow(elderId, contact)),
    'elders.deleteContact': ({ id }, call) => deleteSub(ctx, call, 'elder_contacts', id),
    'elders.saveAgreement': ({ elderId, id, agreement }, call) =>
      saveSub(ctx, call, 'support_agreements', elderId, id, agreementRow(elderId, agreement)),
    'elders.deleteAgreement': ({ id }, call) => deleteSub(ctx, call, 'support_agreements', id),
  };
}
