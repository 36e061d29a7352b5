import type { Progress } from './define';
import { LedgerError, type Outcome } from './errors';
import type { InputOf, OperationName, ProgressOf, ResultOf } from './index';

/** Moves one call across a process boundary; never throws for a failed operation, returns it. */
export type Transport = (name: OperationName, input: unknown, onProgress?: (p: Progress) => void) => Promise<Outcome<unknown>>;

export interface LedgerClient {
  call<K extends OperationName>(name: K, input: InputOf<K>, onProgress?: (p: ProgressOf<K>) => void): Promise<ResultOf<K>>;
}

/** The typed client: a failed outcome becomes a thrown LedgerError carrying its Chinese message. */
export function createClient(transport: Transport): LedgerClient {
  return {
    async call(name, input, onProgress) {
      const outcome = await transport(name, input, onProgress as ((p: Progress) => void) | undefined);
      if (!outcome.ok) throw new LedgerError(outcome.error);
      return outcome.result as ResultOf<typeof name>;
    },
  };
}
