import type { OperationName, ParsedInputOf, ResultOf } from '../../shared/contract';
import type { CallContext } from './context';

/** One function per contract operation; the input is already parsed by the operation's schema. */
export type Handlers = {
  [K in OperationName]: (input: ParsedInputOf<K>, call: CallContext) => ResultOf<K> | Promise<ResultOf<K>>;
};
