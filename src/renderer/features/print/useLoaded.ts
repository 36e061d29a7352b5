import { useEffect, useState } from 'react';
import { errorData } from '../../api';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/**
 * Runs `load` once per `key`, which must name everything `load` reads. Kept per key: following a
 * link to another record must never show (or print) the previous one while the next is loading.
 */
export function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [fetched, setFetched] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    let live = true;
    load()
      .then((value) => live && setFetched({ key, loaded: { state: 'ready', value } }))
      .catch((e: unknown) => live && setFetched({ key, loaded: { state: 'error', message: errorData(e).message } }));
    return () => {
      live = false;
    };
    // `key` stands for `load`'s inputs; a new closure each render must not reload.
  }, [key]);
  return fetched?.key === key ? fetched.loaded : { state: 'loading' };
}
