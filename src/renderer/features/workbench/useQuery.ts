import { useEffect, useRef, useState } from 'react';
import type { InputOf, OperationName, ResultOf } from '../../../shared/contract';
import { errorMessage, ledger } from '../../api';
import { useWorkbenchStore } from './workbenchStore';

export interface QueryState<R> {
  /** The last answer; kept while a new one loads, so figures do not blink on every refresh. */
  data: R | null;
  loading: boolean;
  error: string | null;
}

/**
 * Asks the core `name` with `input` (compared by value), again whenever the workbench is refreshed
 * (a visit saved). `null` asks nothing. A slower earlier reply never overwrites a newer one.
 */
export function useQuery<K extends OperationName>(name: K, input: InputOf<K> | null): QueryState<ResultOf<K>> {
  const version = useWorkbenchStore((s) => s.version);
  const [state, setState] = useState<QueryState<ResultOf<K>>>({ data: null, loading: input !== null, error: null });
  const generation = useRef(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    const gen = ++generation.current;
    if (key === null) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true, error: null }));
    ledger()
      .call(name, JSON.parse(key) as InputOf<K>)
      .then(
        (data) => {
          if (gen === generation.current) setState({ data, loading: false, error: null });
        },
        (e: unknown) => {
          if (gen === generation.current) setState((s) => ({ ...s, loading: false, error: errorMessage(e) }));
        },
      );
    return () => {
      generation.current++;
    };
  }, [name, key, version]);

  return state;
}
