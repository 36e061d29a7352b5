import { create } from 'zustand';
import type { StationInfo } from '../../../shared/contract';
import { errorMessage, ledger } from '../../api';

interface StationState {
  info: StationInfo | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
}

/** Which station this data dir belongs to; decides between first-run setup and the register. */
export const useStationStore = create<StationState>((set) => ({
  info: null,
  status: 'loading',
  error: null,
  async load() {
    set({ status: 'loading', error: null });
    try {
      const info = await ledger().call('station.info', {});
      set({ info, status: 'ready' });
    } catch (e) {
      set({ status: 'error', error: errorMessage(e) });
    }
  },
}));
