/**
 * Sandboxed preload (bundled to dist/main/preload.cjs). It may require only 'electron': keep every
 * import here and in ledgerBridge.ts type-only or free of packages.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { FileRequest, LedgerDesktop } from '../../shared/contract/transport';
import { DIALOG_CHANNEL } from './ipcChannels';
import { createLedgerBridge } from './ledgerBridge';
import { PRINT_CHANNEL, readPrintOutcome, type PrintRequest } from './printChannel';

contextBridge.exposeInMainWorld('ledger', createLedgerBridge(ipcRenderer));
const desktop: LedgerDesktop = {
  chooseFiles: async (request: FileRequest) => {
    const paths: unknown = await ipcRenderer.invoke(DIALOG_CHANNEL, request);
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  },
  print: async (request: PrintRequest) => {
    // Only the two known fields cross: anything else the page put in the object stays behind.
    const payload = { pdf: request?.pdf === true, fileName: typeof request?.fileName === 'string' ? request.fileName : undefined };
    return readPrintOutcome(await ipcRenderer.invoke(PRINT_CHANNEL, payload).catch(() => null));
  },
};
contextBridge.exposeInMainWorld('ledgerDesktop', desktop);
