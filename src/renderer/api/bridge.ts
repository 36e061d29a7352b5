import type { LedgerBridge } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the UI is served over HTTP. */
    ledger?: LedgerBridge;
  }
}

export function electronBridge(): LedgerBridge | undefined {
  return typeof window !== 'undefined' ? window.ledger : undefined;
}
