import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { dueList } from './due';
import { visitRate, visitsByMonth } from './rates';

/** The workbench: who is due a visit, the monthly visit rate, visits by month. */
export function workbenchHandlers(ctx: CoreContext): Pick<Handlers, 'workbench.due' | 'workbench.visitRate' | 'workbench.visitsByMonth'> {
  return {
    'workbench.due': (q) => dueList(ctx, q),
    'workbench.visitRate': (q) => visitRate(ctx, q),
    'workbench.visitsByMonth': (q) => visitsByMonth(ctx, q),
  };
}
