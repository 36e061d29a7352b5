import { create, type StoreApi, type UseBoundStore } from 'zustand';

export interface ListFilterState<F> {
  filters: F;
  setFilters(patch: Partial<F>): void;
  clearFilters(): void;
}

export type ListFilterStore<F> = UseBoundStore<StoreApi<ListFilterState<F>>>;

/** Filters without the empty ones (undefined, '', false), as sent and as counted. */
export function compactFilters<F extends object>(f: F): F {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== false)) as F;
}

export function activeFilterCount(f: object): number {
  return Object.keys(compactFilters(f)).length;
}

/** A register's filters, kept across visits to other screens: coming back finds the same list. */
export function createListFilterStore<F extends object>(): ListFilterStore<F> {
  const empty = {} as F;
  return create<ListFilterState<F>>((set, get) => ({
    filters: empty,
    setFilters: (patch) => set({ filters: compactFilters({ ...get().filters, ...patch }) }),
    clearFilters: () => set({ filters: empty }),
  }));
}
