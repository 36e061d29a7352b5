import type { PagedListState } from './pagedListStore';
import { useSearchText } from './useSearchText';

interface ListStore<F, R> {
  <U>(selector: (s: PagedListState<F, R>) => U): U;
  getState: () => PagedListState<F, R>;
}

/** A register's filter bar on its paged list: the filters, the search box's text, and a clear of both. */
export function useListFilters<F extends { search?: string }, R>(store: ListStore<F, R>) {
  const filters = store((s) => s.filters);
  const setFilters = store((s) => s.setFilters);
  const [text, setText] = useSearchText(store);
  const clear = () => {
    setText('');
    store.getState().clearFilters();
  };
  return { filters, setFilters, text, setText, clear };
}
