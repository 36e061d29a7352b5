/**
 * The high-age allowance bands in force, as the county set them (or the national default), read
 * once per session for labels and filters. The core computes each elder's class; this only names it.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { RulesRecord } from '../../../shared/contract';
import { DEFAULT_HIGH_AGE_BANDS, type HighAgeBand } from '../../../shared/domain/elders';
import { ledger } from '../../api';

interface BandsState {
  bands: readonly HighAgeBand[];
  requested: boolean;
  load(): Promise<void>;
  /** After the rules were read or saved: new bands count only once they are in force. */
  take(rules: RulesRecord): void;
}

export const useBandsStore = create<BandsState>((set, get) => ({
  bands: DEFAULT_HIGH_AGE_BANDS,
  requested: false,
  async load() {
    if (get().requested) return;
    set({ requested: true });
    try {
      get().take(await ledger().call('rules.get', {}));
    } catch {
      // The defaults stay; the next page that needs the bands asks again.
      set({ requested: false });
    }
  },
  take(rules) {
    if (!rules.highAgeBandsFrom) set({ bands: rules.highAgeBands });
  },
}));

export function useHighAgeBands(): readonly HighAgeBand[] {
  const bands = useBandsStore((s) => s.bands);
  const load = useBandsStore((s) => s.load);
  useEffect(() => void load(), [load]);
  return bands;
}

/** A class's label; a class no band names (bands changed since) shows as its code. */
export function highAgeLabel(bands: readonly HighAgeBand[], highAgeClass: string | null): string | null {
  if (highAgeClass === null) return null;
  return bands.find((b) => b.value === highAgeClass)?.label ?? highAgeClass;
}
