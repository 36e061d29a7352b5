import type { DemoScale } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';

export function loadDemo(_ctx: CoreContext, _call: CallContext, _scale: DemoScale): { children: number } {
  throw new Error('demo data generator not written yet');
}
