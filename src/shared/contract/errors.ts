/**
 * Errors that cross the contract. `message` is Chinese (shown to users); `code` and `detail`
 * are for programs and logs.
 */
export type ErrorCode =
  | 'validation' // input rejected field by field; nothing changed
  | 'not_found'
  | 'duplicate' // a natural key (ID number) already exists
  | 'not_initialised' // the data directory has no station yet
  | 'conflict'
  | 'network' // the other side could not be reached, or the connection broke; nothing was applied
  | 'unknown_operation'
  | 'internal';

export interface LedgerErrorData {
  code: ErrorCode;
  message: string;
  /** English, for logs and the CLI's JSON. */
  detail?: string;
  /** Field path (dot-joined) → Chinese message. */
  fieldErrors?: Record<string, string>;
  /** For `duplicate`: the record that already holds the key. */
  existingId?: string;
}

export class LedgerError extends Error {
  readonly data: LedgerErrorData;
  constructor(data: LedgerErrorData) {
    super(data.detail ?? data.message);
    this.name = 'LedgerError';
    this.data = data;
  }
}

export function isLedgerErrorData(v: unknown): v is LedgerErrorData {
  return typeof v === 'object' && v !== null && typeof (v as LedgerErrorData).code === 'string' && typeof (v as LedgerErrorData).message === 'string';
}

/** What every transport carries back: a result or an error, never a thrown exception. */
export type Outcome<R> = { ok: true; result: R } | { ok: false; error: LedgerErrorData };
