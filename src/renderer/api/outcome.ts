import { isLedgerErrorData, type LedgerErrorData, type Outcome } from '../../shared/contract';

export const UNREACHABLE: LedgerErrorData = {
  code: 'internal',
  message: '无法连接台账服务，请确认程序正在运行后重试',
  detail: 'transport failed',
};

/** Whatever crosses the boundary is untrusted until it has the shape of an Outcome. */
export function asOutcome(v: unknown): Outcome<unknown> | null {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return null;
  const o = v as { ok: unknown; result?: unknown; error?: unknown };
  if (o.ok === true) return { ok: true, result: o.result };
  if (o.ok === false && isLedgerErrorData(o.error)) return { ok: false, error: o.error };
  return null;
}

export function failure(detail: string, message = UNREACHABLE.message): Outcome<unknown> {
  return { ok: false, error: { code: 'internal', message, detail } };
}
