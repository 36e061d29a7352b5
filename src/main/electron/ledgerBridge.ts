/**
 * What the preload exposes as `window.ledger`: one task-shaped `invoke`, never ipcRenderer itself,
 * so a compromised page can only ask for contract operations.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Progress } from '../../shared/contract/define';
import type { Outcome } from '../../shared/contract/errors';
import type { LedgerBridge } from '../../shared/contract/transport';
import { describeError, failure, TRANSPORT_FAILED_MESSAGE } from './failures';
import { INVOKE_CHANNEL, PROGRESS_CHANNEL_PREFIX } from './ipcChannels';

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createLedgerBridge(ipc: BridgeIpc): LedgerBridge {
  // Unique within this page; main sends progress only to the page that made the call.
  let lastCall = 0;
  return {
    async invoke(name: string, input: unknown, onProgress?: (p: Progress) => void): Promise<Outcome<unknown>> {
      const progressChannel = onProgress ? `${PROGRESS_CHANNEL_PREFIX}${++lastCall}` : undefined;
      const listener = (_event: IpcRendererEvent, progress: Progress) => onProgress?.(progress);
      if (progressChannel !== undefined) ipc.on(progressChannel, listener);
      try {
        return (await ipc.invoke(INVOKE_CHANNEL, { name, input, progressChannel })) as Outcome<unknown>;
      } catch (e) {
        // The contract promises an outcome, never a rejection (e.g. input that cannot be cloned).
        return failure('internal', TRANSPORT_FAILED_MESSAGE, `${INVOKE_CHANNEL} ${name} failed: ${describeError(e)}`);
      } finally {
        if (progressChannel !== undefined) ipc.removeListener(progressChannel, listener);
      }
    },
  };
}
