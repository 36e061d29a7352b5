/**
 * How hosts carry operations. Electron: the preload exposes `window.ledger` (a LedgerBridge).
 * Web host: `POST /api/<operation>` with the JSON input as body; the reply is an Outcome
 * (200 when ok, 400 for validation, 404 not found, 409 duplicate/conflict, 500 internal).
 * A caller that wants progress sends `Accept: application/x-ndjson` and reads lines
 * `{"progress": Progress}` … then one `{"outcome": Outcome}`.
 */
import type { Progress } from './define';
import type { ErrorCode, Outcome } from './errors';

export interface LedgerBridge {
  invoke(name: string, input: unknown, onProgress?: (p: Progress) => void): Promise<Outcome<unknown>>;
}

/** What a file dialog is for: its title, filters and whether it picks several files. */
export type FileRequest = { purpose: 'saveBundle' | 'saveEnrolment'; defaultName: string } | { purpose: 'openBundles' | 'openEnrolment' };

/** Print the sender's own page: the system print dialog, or (pdf) straight to a PDF file. */
export interface PrintRequest {
  pdf?: boolean;
  /** Suggested PDF file name; a name, never a path. */
  fileName?: string;
}

export type PrintOutcome =
  | { status: 'printed' }
  | { status: 'saved'; path: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/**
 * Desktop only (`window.ledgerDesktop`): native file dialogs and printing. The chosen paths go to
 * the core's path-based operations (sync.exportBundle, sync.importBundles, …). An empty list means
 * cancelled.
 */
export interface LedgerDesktop {
  chooseFiles(request: FileRequest): Promise<string[]>;
  print(request: PrintRequest): Promise<PrintOutcome>;
}

export const API_PREFIX = '/api/';
export const NDJSON = 'application/x-ndjson';

export type StreamLine = { progress: Progress } | { outcome: Outcome<unknown> };

export function httpStatusOf(outcome: Outcome<unknown>): number {
  if (outcome.ok) return 200;
  const byCode: Record<ErrorCode, number> = {
    validation: 400,
    not_found: 404,
    duplicate: 409,
    conflict: 409,
    network: 502,
    not_initialised: 409,
    unknown_operation: 404,
    internal: 500,
  };
  return byCode[outcome.error.code];
}
