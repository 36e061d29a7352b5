/**
 * Messages between main (coreHostClient.ts) and the core's utility process (hostService.ts).
 * Both sides check the shape: a malformed message is dropped, never trusted.
 */
import type { Progress } from '../../shared/contract/define';
import { isLedgerErrorData, type Outcome } from '../../shared/contract/errors';

export interface HostRequest {
  id: number;
  name: string;
  input: unknown;
}

export type HostReply = { id: number; progress: Progress } | { id: number; outcome: Outcome<unknown> };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

export function isHostRequest(v: unknown): v is HostRequest {
  return isRecord(v) && isId(v.id) && typeof v.name === 'string' && 'input' in v;
}

function isProgress(v: unknown): v is Progress {
  return isRecord(v) && typeof v.phase === 'string' && typeof v.done === 'number' && typeof v.total === 'number';
}

function isOutcome(v: unknown): v is Outcome<unknown> {
  if (!isRecord(v)) return false;
  if (v.ok === true) return 'result' in v;
  return v.ok === false && isLedgerErrorData(v.error);
}

export function isHostReply(v: unknown): v is HostReply {
  if (!isRecord(v) || !isId(v.id)) return false;
  return 'outcome' in v ? isOutcome(v.outcome) : isProgress(v.progress);
}
