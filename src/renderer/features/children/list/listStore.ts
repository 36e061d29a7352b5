import { create } from 'zustand';
import type { ChildListInput, ChildListRow } from '../../../../shared/contract';
import { errorMessage, ledger } from '../../../api';

export const PAGE_SIZE = 200;

export type ChildFilters = Omit<ChildListInput, 'offset' | 'limit'>;

interface ChildListState {
  filters: ChildFilters;
  rows: ChildListRow[];
  total: number;
  /** idle: never loaded, or invalidated by a save/delete since. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  error: string | null;
  setFilters(patch: Partial<ChildFilters>): void;
  clearFilters(): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** Called after a write elsewhere: the next visit to the list fetches again. */
  invalidate(): void;
}

// Each reload bumps the generation; replies of an older generation (a slower earlier search) are dropped.
let generation = 0;

const compact = (f: ChildFilters): ChildFilters =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== false)) as ChildFilters;

export const useChildListStore = create<ChildListState>((set, get) => ({
  filters: {},
  rows: [],
  total: 0,
  status: 'idle',
  loadingMore: false,
  error: null,
  setFilters(patch) {
    set({ filters: compact({ ...get().filters, ...patch }) });
    void get().reload();
  },
  clearFilters() {
    set({ filters: {} });
    void get().reload();
  },
  async reload() {
    const gen = ++generation;
    set({ status: 'loading', loadingMore: false, error: null });
    try {
      const page = await ledger().call('children.list', { ...get().filters, offset: 0, limit: PAGE_SIZE });
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
      const page = await ledger().call('children.list', { ...filters, offset: rows.length, limit: PAGE_SIZE });
      if (gen !== generation) return;
      // Rows added or removed meanwhile shift offsets; never show the same child twice.
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

export function activeFilterCount(f: ChildFilters): number {
  return Object.keys(compact(f)).length;
}
