import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function that keeps one identity across renders and always runs the latest `fn`, so memoised
 * parts of the card (toolbar, legend) are not re-rendered by every key press that moves the cursor.
 * Not for use during render: the latest `fn` is installed after commit.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  useLayoutEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
