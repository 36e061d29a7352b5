/**
 * The `ledger:invoke` IPC handler. The payload is untrusted: the sender must be our own page on
 * app://ledger, and the shape is checked here; the core then validates `input` with the contract.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Outcome } from '../../shared/contract/errors';
import { isAppUrl } from './appUrl';
import type { CoreHostClient } from './coreHostClient';
import { failure, MALFORMED_REQUEST_MESSAGE, UNTRUSTED_SENDER_MESSAGE } from './failures';
import { INVOKE_CHANNEL, isProgressChannel } from './ipcChannels';

export interface InvokePayload {
  name: string;
  input: unknown;
  progressChannel?: string;
}

export function parseInvokePayload(payload: unknown): InvokePayload | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { name, input, progressChannel } = payload as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0 || name.length > 100) return null;
  if (progressChannel === undefined) return { name, input };
  if (typeof progressChannel !== 'string' || !isProgressChannel(progressChannel)) return null;
  return { name, input, progressChannel };
}

/** The frame that sent the call; null once it navigated away or was destroyed. */
export function senderUrl(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

export type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export async function handleInvoke(event: InvokeEvent, payload: unknown, core: Pick<CoreHostClient, 'invoke'>): Promise<Outcome<unknown>> {
  const url = senderUrl(event);
  if (url === null || !isAppUrl(url)) return failure('internal', UNTRUSTED_SENDER_MESSAGE, `refused ${INVOKE_CHANNEL} from ${url ?? 'an unknown frame'}`);
  const call = parseInvokePayload(payload);
  if (call === null) return failure('validation', MALFORMED_REQUEST_MESSAGE, `malformed ${INVOKE_CHANNEL} payload`);
  const { progressChannel } = call;
  const onProgress =
    progressChannel === undefined
      ? undefined
      : (progress: unknown) => {
          // The window may close during a long import; the call still finishes in the core.
          if (!event.sender.isDestroyed()) event.sender.send(progressChannel, progress);
        };
  return core.invoke(call.name, call.input, onProgress);
}

export function registerLedgerIpc(ipc: Pick<IpcMain, 'handle'>, core: Pick<CoreHostClient, 'invoke'>): void {
  ipc.handle(INVOKE_CHANNEL, (event, payload: unknown) => handleInvoke(event, payload, core));
}
