import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type WomanData, type WomanRecord } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { placeNamesOf } from '../places/handlers';
import { checkAgainstStore, findByIdNumber, ownerOf, requireOwnLive, requireOwnTownship } from '../people/register';
import { insertRow, softDeleteRow, updateRow } from '../sync/capture';
import { listWomen } from './list';
import { womanRecord, womanRow } from './rows';
import type { WomenTable } from './schema';

const NOT_FOUND = (id: string) => new LedgerError({ code: 'not_found', message: '该留守妇女记录不存在或已被删除', detail: `woman ${id} not found` });

/** A station may change only its own records. */
const requireOwnWoman = (ctx: CoreContext, id: string) => requireOwnLive(ctx, 'women', id, () => NOT_FOUND(id), '该留守妇女的记录由其他乡镇的站点维护');

function createWoman(ctx: CoreContext, call: CallContext, woman: WomanData): { id: string } {
  return ctx.write(call, (w) => {
    checkAgainstStore(ctx, 'women', woman);
    const id = uuidv7();
    insertRow(w, 'women', id, womanRow(woman), ownerOf(w, woman.villageCode));
    return { id };
  });
}

function updateWoman(ctx: CoreContext, call: CallContext, id: string, woman: WomanData): { id: string } {
  return ctx.write(call, (w) => {
    const owner = requireOwnWoman(ctx, id);
    checkAgainstStore(ctx, 'women', woman, id);
    requireOwnTownship(woman.villageCode, owner);
    updateRow(w, 'women', id, womanRow(woman));
    return { id };
  });
}

function getWoman(ctx: CoreContext, id: string): WomanRecord {
  const row = ctx.db.prepare('SELECT * FROM women WHERE id = ? AND deleted = 0').get(id) as WomenTable | undefined;
  if (!row) throw NOT_FOUND(id);
  return womanRecord(row, placeNamesOf(ctx, row), ctx.today());
}

export function womenHandlers(ctx: CoreContext): Pick<Handlers, 'women.list' | 'women.get' | 'women.findByIdNumber' | 'women.create' | 'women.update' | 'women.delete'> {
  return {
    'women.list': (q) => listWomen(ctx, q),
    'women.get': ({ id }) => getWoman(ctx, id),
    'women.findByIdNumber': ({ idNumber }) => findByIdNumber(ctx, 'women', idNumber),
    'women.create': (woman, call) => createWoman(ctx, call, woman),
    'women.update': ({ id, woman }, call) => updateWoman(ctx, call, id, woman),
    'women.delete': ({ id }, call) =>
      ctx.write(call, (w) => {
        requireOwnWoman(ctx, id);
        softDeleteRow(w, 'women', id);
        return { id };
      }),
  };
}
