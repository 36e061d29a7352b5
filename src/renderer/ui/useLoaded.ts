import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/**
 * Runs `load` for `key`, which must name everything `load` reads (no key, nothing runs), and again
 * after `reload()`. Kept per key: following a link to another record must never show the previous
 * one while the next is loading; a reload keeps the last answer on screen until the new one comes.
 */
export function useLoaded<T>(key: string | undefined, load: () => Promise<T>): { loaded: Loaded<T>; reload: () => void } {
  const [version, setVersion] = useState(0);
  const [fetched, setFetched] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    load()
      .then((value) => live && setFetched({ key, loaded: { state: 'ready', value } }))
      .catch((e: unknown) => live && setFetched({ key, loaded: { state: 'error', message: errorMessage(e) } }));
    return () => {
      live = false;
    };
    // `key` stands for `load`'s inputs; a new closure each render must not reload.
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { loaded: fetched && fetched.key === key ? fetched.loaded : { state: 'loading' }, reload };
}
