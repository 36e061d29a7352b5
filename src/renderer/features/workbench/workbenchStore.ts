import { create } from 'zustand';
import type { DueKind } from '../../../shared/contract';
import type { DueStatusKind } from '../../../shared/domain/visitDue';

/** The statuses the due list has a tab for; `ok` people need nothing and are not listed. */
export type DueTab = Exclude<DueStatusKind, 'ok'>;

export interface DueFilters {
  subjectKind?: DueKind;
  townshipCode?: string;
  villageCode?: string;
  search?: string;
}

// The first screen: a short page keeps the rate and the chart within reach below the list.
export const DUE_PAGE_SIZE = 20;

interface WorkbenchState {
  tab: DueTab;
  filters: DueFilters;
  page: number;
  setTab(tab: DueTab): void;
  setFilters(patch: Partial<DueFilters>): void;
  setPage(page: number): void;
}

/** Kept across visits to other screens: coming back from a person's page finds the same list. */
export const useWorkbenchStore = create<WorkbenchState>((set, get) => ({
  tab: 'overdue',
  filters: {},
  page: 1,
  setTab: (tab) => set({ tab, page: 1 }),
  setFilters: (patch) => {
    const merged: DueFilters = { ...get().filters, ...patch };
    const filters = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== '')) as DueFilters;
    set({ filters, page: 1 });
  },
  setPage: (page) => set({ page }),
}));

export function hasDueFilters(filters: DueFilters): boolean {
  return Object.keys(filters).length > 0;
}
