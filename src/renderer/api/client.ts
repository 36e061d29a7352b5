import { createClient, LedgerError, type LedgerClient, type LedgerErrorData, type Transport } from '../../shared/contract';
import { UNREACHABLE } from './outcome';
import { defaultTransport } from './transports';

let client: LedgerClient | null = null;

/** The typed client; the transport is chosen on first use, after the preload has run. */
export function ledger(): LedgerClient {
  client ??= createClient(defaultTransport());
  return client;
}

/** Replaces the transport (component tests, or a host that wants another base URL). */
export function setTransport(transport: Transport): void {
  client = createClient(transport);
}

/** Any thrown value as the contract's error shape, so screens show one kind of Chinese message. */
export function errorData(e: unknown): LedgerErrorData {
  if (e instanceof LedgerError) return e.data;
  return { ...UNREACHABLE, code: 'internal', message: '操作失败，请稍后重试', detail: e instanceof Error ? e.message : String(e) };
}

export function errorMessage(e: unknown): string {
  return errorData(e).message;
}
