/**
 * Sandboxed preload (bundled to dist/main/preload.cjs). It may require only 'electron': keep every
 * import here and in ledgerBridge.ts type-only or free of packages.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createLedgerBridge } from './ledgerBridge';

contextBridge.exposeInMainWorld('ledger', createLedgerBridge(ipcRenderer));
