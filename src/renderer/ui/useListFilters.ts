import type { ListFilterState } from './listFilterStore';
import { useSearchText } from './useSearchText';

interface ListStore<F> {
  <U>(selector: (s: ListFilterState<F>) => U): U;
  getState: () => ListFilterState<F>;
}

/** A register's filter bar on its paged list: the filters, the search box's text, and a clear of both. */
export function useListFilters<F extends { search?: string }>(store: ListStore<F>) {
  const filters = store((s) => s.filters);
  const setFilters = store((s) => s.setFilters);
  const [text, setText] = useSearchText(store);
  const clear = () => {
    setText('');
    store.getState().clearFilters();
  };
  return { filters, setFilters, text, setText, clear };
}
