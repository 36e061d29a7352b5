import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api';

/**
 * Runs `fetch` whenever `key` (a string or number naming everything `fetch` reads) changes, and
 * after `reload()`. The last answer stays on screen while the next loads; a late one is dropped.
 */
export function useFetched<R>(key: string | number, fetch: () => Promise<R>) {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<R | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    fetch()
      .then((r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // `key` stands for `fetch`'s inputs; a new closure each render must not fetch again.
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { result, loading, error, reload };
}
