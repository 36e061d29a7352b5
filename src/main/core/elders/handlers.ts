import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type ElderData, type ElderRecord } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { placeNamesOf } from '../places/handlers';
import { checkAgainstStore, findByIdNumber, MOVE_BY_TRANSFER, ownerOf, requireOwnLive, requireOwnTownship, writeTagRows, type TagRows } from '../people/register';
import { insertRow, softDeleteRow, updateRow } from '../sync/capture';
import { transferPerson } from '../people/transfer';
import { highAgeBandsOn } from '../rules/read';
import { listElders } from './list';
import { agreementRow, contactRow, elderRecord, elderRow, groupRow } from './rows';
import type { ElderContactsTable, ElderGroupsTable, EldersTable, SupportAgreementsTable } from './schema';

/** The high-age allowance bands in force today: the county's, or the national default. */
const bandsToday = (ctx: CoreContext) => highAgeBandsOn(ctx.db, ctx.today());

const NOT_FOUND = (id: string) => new LedgerError({ code: 'not_found', message: '该老人记录不存在或已被删除', detail: `elder ${id} not found` });

type GroupInput = ElderData['groups'][number];

const GROUP_ROWS: TagRows<GroupInput> = {
  table: 'elder_groups',
  parentColumn: 'elder_id',
  codeColumn: 'group_code',
  codeOf: (g) => g.group,
  startOf: (g) => g.startDate,
  row: groupRow,
};

/** A station may change only its own records; a contact or agreement belongs to its elder's station. */
const requireOwnElder = (ctx: CoreContext, id: string) => requireOwnLive(ctx, 'elders', id, () => NOT_FOUND(id), '该老人的记录由其他乡镇的站点维护');

function createElder(ctx: CoreContext, call: CallContext, elder: ElderData): { id: string } {
  return ctx.write(call, (w) => {
    checkAgainstStore(ctx, 'elders', elder);
    const id = uuidv7();
    const owner = ownerOf(w, elder.villageCode);
    insertRow(w, 'elders', id, elderRow(elder, ctx.today(), bandsToday(ctx)), owner);
    writeTagRows(w, GROUP_ROWS, id, elder.groups, owner);
    return { id };
  });
}

function updateElder(ctx: CoreContext, call: CallContext, id: string, elder: ElderData): { id: string } {
  return ctx.write(call, (w) => {
    const owner = requireOwnElder(ctx, id);
    checkAgainstStore(ctx, 'elders', elder, id);
    requireOwnTownship(elder.villageCode, owner, MOVE_BY_TRANSFER);
    updateRow(w, 'elders', id, elderRow(elder, ctx.today(), bandsToday(ctx)));
    writeTagRows(w, GROUP_ROWS, id, elder.groups, owner);
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
  return elderRecord(row, { groups, contacts, agreements }, placeNamesOf(ctx, row), ctx.today(), bandsToday(ctx));
}

type SubTable = 'elder_contacts' | 'support_agreements';
const SUB_LABEL: Record<SubTable, string> = { elder_contacts: '联系人', support_agreements: '赡养协议' };

/** A live contact or agreement, and its elder (which must be live and this station's). */
function requireSub(ctx: CoreContext, table: SubTable, id: string, elderId?: string): { elderId: string } {
  const row = ctx.db.prepare(`SELECT elder_id FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as { elder_id: string } | undefined;
  if (!row || (elderId !== undefined && row.elder_id !== elderId)) {
    throw new LedgerError({ code: 'not_found', message: `该${SUB_LABEL[table]}不存在或已被删除`, detail: `${table} ${id} not found${elderId ? ` for elder ${elderId}` : ''}` });
  }
  requireOwnElder(ctx, row.elder_id);
  return { elderId: row.elder_id };
}

function saveSub(ctx: CoreContext, call: CallContext, table: SubTable, elderId: string, id: string | undefined, values: Record<string, string | number | null>): { id: string } {
  return ctx.write(call, (w) => {
    if (id === undefined) {
      const owner = requireOwnElder(ctx, elderId);
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

export function eldersHandlers(
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
  | 'elders.transfer'
> {
  return {
    'elders.list': (q) => listElders(ctx, q, bandsToday(ctx)),
    'elders.get': ({ id }) => getElder(ctx, id),
    'elders.findByIdNumber': ({ idNumber }) => findByIdNumber(ctx, 'elders', idNumber),
    'elders.create': (elder, call) => createElder(ctx, call, elder),
    'elders.update': ({ id, elder }, call) => updateElder(ctx, call, id, elder),
    'elders.delete': ({ id }, call) =>
      ctx.write(call, (w) => {
        requireOwnElder(ctx, id);
        softDeleteRow(w, 'elders', id);
        return { id };
      }),
    'elders.saveContact': ({ elderId, id, contact }, call) =>
      saveSub(ctx, call, 'elder_contacts', elderId, id, contactRow(elderId, contact)),
    'elders.deleteContact': ({ id }, call) => deleteSub(ctx, call, 'elder_contacts', id),
    'elders.saveAgreement': ({ elderId, id, agreement }, call) =>
      saveSub(ctx, call, 'support_agreements', elderId, id, agreementRow(elderId, agreement)),
    'elders.deleteAgreement': ({ id }, call) => deleteSub(ctx, call, 'support_agreements', id),
    'elders.transfer': ({ id, villageCode }, call) =>
      transferPerson(ctx, call, 'elders', id, villageCode, { countyOnly: '老人迁移只能由县局办理', notFound: () => NOT_FOUND(id) }),
  };
}
