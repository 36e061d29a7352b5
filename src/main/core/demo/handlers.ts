import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { loadDemo } from './generate';

export function demoHandlers(ctx: CoreContext): Pick<Handlers, 'demo.load'> {
  return {
    'demo.load': ({ scale }, call) => loadDemo(ctx, call, scale),
  };
}
