import type { LedgerDesktop } from '../../shared/contract';

export type { PrintOutcome, PrintRequest } from '../../shared/contract';

/** `window.ledgerDesktop` as the preload builds it. */
export type DesktopBridge = LedgerDesktop;

declare global {
  interface Window {
    /** Set by the Electron preload: native file dialogs and printing. Absent in a browser. */
    ledgerDesktop?: DesktopBridge;
  }
}

export function desktop(): DesktopBridge | undefined {
  return typeof window !== 'undefined' ? window.ledgerDesktop : undefined;
}
