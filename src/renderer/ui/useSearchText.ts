import { useEffect, useState } from 'react';
import { useDebounced } from './useDebounced';

interface SearchFilters {
  filters: { search?: string };
  setFilters(patch: { search?: string }): void;
}

/** The search box's text, handed to the store's filters once typing settles. */
export function useSearchText(store: { getState: () => SearchFilters }, delayMs = 200): [string, (text: string) => void] {
  const [text, setText] = useState(() => store.getState().filters.search ?? '');
  const search = useDebounced(text.trim(), delayMs);
  // Only a settled change of the typed text searches; clearing filters must not re-apply old text.
  useEffect(() => {
    const { filters, setFilters } = store.getState();
    if (search !== (filters.search ?? '')) setFilters({ search: search || undefined });
  }, [search, store]);
  return [text, setText];
}
