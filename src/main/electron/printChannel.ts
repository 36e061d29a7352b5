/**
 * The print channel, shared by preload.ts and printing.ts. It must stay free of runtime imports:
 * the sandboxed preload bundles it and can load nothing but 'electron' (type imports vanish).
 */
import type { PrintOutcome, PrintRequest } from '../../shared/contract/transport';

export type { PrintOutcome, PrintRequest };

export const PRINT_CHANNEL = 'ledger:print';

const UNREADABLE_ANSWER = '打印失败，请重试';

/** Main's answer as the page may see it: anything unexpected becomes a plain failure. */
export function readPrintOutcome(value: unknown): PrintOutcome {
  if (typeof value !== 'object' || value === null) return { status: 'failed', message: UNREADABLE_ANSWER };
  const { status, path, message } = value as Record<string, unknown>;
  if (status === 'printed' || status === 'cancelled') return { status };
  if (status === 'saved' && typeof path === 'string') return { status, path };
  if (status === 'failed' && typeof message === 'string') return { status, message };
  return { status: 'failed', message: UNREADABLE_ANSWER };
}
