import type { LedgerDesktop } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload: native file dialogs. Absent in a browser. */
    ledgerDesktop?: LedgerDesktop;
  }
}

export function desktop(): LedgerDesktop | undefined {
  return typeof window !== 'undefined' ? window.ledgerDesktop : undefined;
}
