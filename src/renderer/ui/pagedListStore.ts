import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { errorMessage } from '../api';

export const PAGE_SIZE = 200;

export interface Page<R> {
  total: number;
  rows: R[];
}

export interface PagedListState<F, R> {
  filters: F;
  rows: R[];
  total: number;
  /** idle: never loaded, or invalidated by a save/delete since. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  error: string | null;
  setFilters(patch: Partial<F>): void;
  clearFilters(): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** Called after a write elsewhere: the next visit to the list fetches again. */
  invalidate(): void;
}

/** Filters without the empty ones (undefined, '', false), as sent and as counted. */
export function compactFilters<F extends object>(f: F): F {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== false)) as F;
}

export function activeFilterCount(f: object): number {
  return Object.keys(compactFilters(f)).length;
}

/**
 * A register list loaded page by page as the user scrolls. `fetchPage` calls the register's list
 * operation; rows need an `id` so a page that overlaps the previous one never shows a row twice.
 */
export function createPagedListStore<F extends object, R extends { id: string }>(
  fetchPage: (filters: F, offset: number, limit: number) => Promise<Page<R>>,
): UseBoundStore<StoreApi<PagedListState<F, R>>> {
  // Each reload bumps the generation; replies of an older generation (a slower earlier search) are dropped.
  let generation = 0;
  const empty = {} as F;
  return create<PagedListState<F, R>>((set, get) => ({
    filters: empty,
    rows: [],
    total: 0,
    status: 'idle',
    loadingMore: false,
    error: null,
    setFilters(patch) {
      set({ filters: compactFilters({ ...get().filters, ...patch }) });
      void get().reload();
    },
    clearFilters() {
      set({ filters: empty });
      void get().reload();
    },
    async reload() {
      const gen = ++generation;
      set({ status: 'loading', loadingMore: false, error: null });
      try {
        const page = await fetchPage(get().filters, 0, PAGE_SIZE);
        if (gen !== generation) return;
        set({ rows: page.rows, total: page.total, status: 'ready' });
      } catch (e) {
        if (gen !== generation) return;
        set({ rows: [], total: 0, status: 'error', error: errorMessage(e) });
      }
    },
    async loadMore() {
      const { status, loadingMore, rows, total, filters } = get();
      if (status !== 'ready' || loadingMore || rows.length >= total) return;
      const gen = generation;
      set({ loadingMore: true });
      try {
        const page = await fetchPage(filters, rows.length, PAGE_SIZE);
        if (gen !== generation) return;
        // Rows added or removed meanwhile shift offsets; never show the same person twice.
        const seen = new Set(get().rows.map((r) => r.id));
        set({ rows: [...get().rows, ...page.rows.filter((r) => !seen.has(r.id))], total: page.total, loadingMore: false });
      } catch (e) {
        if (gen !== generation) return;
        set({ loadingMore: false, error: errorMessage(e) });
      }
    },
    invalidate() {
      generation++;
      set({ status: 'idle', loadingMore: false });
    },
  }));
}
