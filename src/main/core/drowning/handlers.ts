import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { batchPublicity } from './batch';
import { deleteInspection, listInspections, saveInspection } from './inspections';
import { deletePublicity, publicityOfChild, savePublicity } from './publicity';
import { listPublicity } from './publicityList';
import { drowningSummary } from './summary';

export function drowningHandlers(
  ctx: CoreContext,
): Pick<
  Handlers,
  | 'drowning.publicity.forChild'
  | 'drowning.publicity.save'
  | 'drowning.publicity.delete'
  | 'drowning.publicity.batch'
  | 'drowning.publicity.list'
  | 'drowning.inspections.list'
  | 'drowning.inspections.save'
  | 'drowning.inspections.delete'
  | 'drowning.summary'
> {
  return {
    'drowning.publicity.forChild': ({ childId }) => publicityOfChild(ctx, childId),
    'drowning.publicity.save': (p, call) => savePublicity(ctx, call, p),
    'drowning.publicity.delete': ({ id }, call) => deletePublicity(ctx, call, id),
    'drowning.publicity.batch': (b, call) => batchPublicity(ctx, call, b),
    'drowning.publicity.list': (q) => listPublicity(ctx, q),
    'drowning.inspections.list': (q) => listInspections(ctx, q),
    'drowning.inspections.save': ({ id, inspection }, call) => saveInspection(ctx, call, id, inspection),
    'drowning.inspections.delete': ({ id }, call) => deleteInspection(ctx, call, id),
    'drowning.summary': ({ year }) => drowningSummary(ctx, year),
  };
}
