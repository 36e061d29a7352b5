import { create } from 'zustand';

interface PassphraseState {
  /** Held in memory only, for this session: never persisted, gone when the app closes. */
  passphrase: string | null;
  remember(passphrase: string): void;
  forget(): void;
}

export const usePassphraseStore = create<PassphraseState>((set) => ({
  passphrase: null,
  remember: (passphrase) => set({ passphrase }),
  forget: () => set({ passphrase: null }),
}));
