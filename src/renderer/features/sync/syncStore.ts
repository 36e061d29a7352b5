import { create } from 'zustand';
import type { SyncStationRow, SyncStatus } from '../../../shared/contract';
import { errorMessage, ledger } from '../../api';

interface SyncState {
  status: SyncStatus | null;
  loading: boolean;
  error: string | null;
  /** Loads once (the county register wants station names); screens that change sync state call `load`. */
  ensure(): Promise<void>;
  load(): Promise<void>;
}

// A slower earlier reply must not overwrite a newer one (e.g. a status read racing an import).
let generation = 0;

export const useSyncStore = create<SyncState>((set, get) => ({
  status: null,
  loading: false,
  error: null,
  async ensure() {
    if (get().status || get().loading) return;
    await get().load();
  },
  async load() {
    const gen = ++generation;
    set({ loading: true, error: null });
    try {
      const status = await ledger().call('sync.status', {});
      if (gen === generation) set({ status, loading: false });
    } catch (e) {
      if (gen === generation) set({ loading: false, error: errorMessage(e) });
    }
  },
}));

const NO_STATIONS: SyncStationRow[] = [];

/** The county's stations as sync knows them; empty at a township station. */
export function useSyncStations(): SyncStationRow[] {
  return useSyncStore((s) => s.status?.county?.stations ?? NO_STATIONS);
}
