import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type ChildData, type ChildRecord } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import type { ChildCategoriesTable, ChildrenTable } from './schema';
import type { Handlers } from '../handlers';
import { transferPerson } from '../people/transfer';
import { checkAgainstStore, findByIdNumber, MOVE_BY_TRANSFER, ownerOf, requireOwnLive, requireOwnTownship, writeTagRows, type TagRows } from '../people/register';
import { insertRow, softDeleteRow, updateRow } from '../sync/capture';
import { placeNamesOf } from '../places/handlers';
import { listChildren } from './list';
import { categoryRow, childRecord, childRow } from './rows';

const NOT_FOUND = (id: string) =>
  new LedgerError({ code: 'not_found', message: '该儿童记录不存在或已被删除', detail: `child ${id} not found` });

type CategoryInput = ChildData['categories'][number];

const CATEGORY_ROWS: TagRows<CategoryInput> = {
  table: 'child_categories',
  parentColumn: 'child_id',
  codeColumn: 'category',
  codeOf: (c) => c.category,
  startOf: (c) => c.startDate,
  row: categoryRow,
};

const MOVED_AWAY = '该儿童已迁至其他乡镇，记录由新乡镇的站点维护';
const requireOwnChild = (ctx: CoreContext, id: string) => requireOwnLive(ctx, 'children', id, () => NOT_FOUND(id), MOVED_AWAY);

export function createChild(ctx: CoreContext, call: CallContext, child: ChildData): { id: string } {
  return ctx.write(call, (w) => {
    checkAgainstStore(ctx, 'children', child);
    const id = uuidv7();
    const owner = ownerOf(w, child.villageCode);
    insertRow(w, 'children', id, childRow(child), owner);
    writeTagRows(w, CATEGORY_ROWS, id, child.categories, owner);
    return { id };
  });
}

function getChild(ctx: CoreContext, id: string): ChildRecord {
  const row = ctx.db.prepare('SELECT * FROM children WHERE id = ? AND deleted = 0').get(id) as ChildrenTable | undefined;
  if (!row) throw NOT_FOUND(id);
  const cats = ctx.db
    .prepare('SELECT * FROM child_categories WHERE child_id = ? AND deleted = 0 ORDER BY start_date, id')
    .all(id) as ChildCategoriesTable[];
  return childRecord(row, cats, placeNamesOf(ctx, row));
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
    'children.findByIdNumber': ({ idNumber }) => findByIdNumber(ctx, 'children', idNumber),
    'children.create': (child, call) => createChild(ctx, call, child),
    'children.update': ({ id, child }, call) =>
      ctx.write(call, (w) => {
        const owner = requireOwnChild(ctx, id);
        checkAgainstStore(ctx, 'children', child, id);
        requireOwnTownship(child.villageCode, owner, MOVE_BY_TRANSFER);
        updateRow(w, 'children', id, childRow(child));
        writeTagRows(w, CATEGORY_ROWS, id, child.categories, owner);
        return { id };
      }),
    'children.transfer': ({ id, villageCode }, call) =>
      transferPerson(ctx, call, 'children', id, villageCode, { countyOnly: '儿童迁移只能由县局办理', notFound: () => NOT_FOUND(id) }),
    'children.delete': ({ id }, call) =>
      ctx.write(call, (w) => {
        requireOwnChild(ctx, id);
        softDeleteRow(w, 'children', id);
        return { id };
      }),
  };
}
