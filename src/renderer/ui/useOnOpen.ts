import { useState } from 'react';

/**
 * Runs `reset` in the render in which a modal opens (or opens on another record: `opening` is what
 * it is open for, null while closed), so its own state (the last message, a fold) starts afresh
 * before anything is painted. Form fields live in the antd form store: reset those in an effect.
 */
export function useOnOpen<T>(opening: T | null, reset: (opening: T) => void): void {
  const [openedFor, setOpenedFor] = useState<T | null>(null);
  if (opening !== openedFor) {
    setOpenedFor(opening);
    if (opening !== null) reset(opening);
  }
}
