import { create } from 'zustand';
import type { PlaceTree, Township } from '../../../shared/contract';
import { errorMessage, ledger } from '../../api';

interface PlacesState {
  tree: PlaceTree | null;
  error: string | null;
  loading: boolean;
  /** Loads once; divisions change only through county reference data, not while a form is open. */
  ensure(): Promise<void>;
  reload(): Promise<void>;
}

export const usePlacesStore = create<PlacesState>((set, get) => ({
  tree: null,
  error: null,
  loading: false,
  async ensure() {
    if (get().tree || get().loading) return;
    await get().reload();
  },
  async reload() {
    set({ loading: true, error: null });
    try {
      const tree = await ledger().call('places.tree', {});
      set({ tree, loading: false });
    } catch (e) {
      set({ loading: false, error: errorMessage(e) });
    }
  },
}));

const NO_TOWNSHIPS: Township[] = [];

export function useTownships(): Township[] {
  return usePlacesStore((s) => s.tree?.townships ?? NO_TOWNSHIPS);
}
