/**
 * The core's side of the utility process: answers each request with exactly one outcome, posting
 * progress before it. Kept free of Electron so it is tested with a plain port and a real core.
 */
import type { Progress } from '../../shared/contract/define';
import { LedgerError, type Outcome } from '../../shared/contract/errors';
import { DatabaseFromFutureError } from '../core/db/migrate';
import { CORE_UNAVAILABLE_MESSAGE, DATABASE_TOO_NEW_MESSAGE, describeError, failure, type Failure } from './failures';
import { isHostRequest, type HostReply } from './hostMessages';

export type CoreInvoke = (name: string, input: unknown, opts: { onProgress: (p: Progress) => void }) => Promise<Outcome<unknown>>;

/** What the host needs of Electron's `process.parentPort`. */
export interface RequestPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: HostReply): void;
}

export function serveCoreRequests(port: RequestPort, invoke: CoreInvoke): void {
  port.on('message', ({ data }) => {
    // Without a valid id there is nobody to answer; main only sends well-formed requests.
    if (!isHostRequest(data)) return;
    const { id, name, input } = data;
    let pending: Promise<Outcome<unknown>>;
    try {
      pending = invoke(name, input, { onProgress: (progress) => port.postMessage({ id, progress }) });
    } catch (e) {
      pending = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    pending
      .catch((e: unknown) => failure('internal', CORE_UNAVAILABLE_MESSAGE, `operation ${name} threw: ${describeError(e)}`))
      .then((outcome) => port.postMessage({ id, outcome }))
      .catch(() => {
        // The parent is gone: nobody is left to tell.
      });
  });
}

/** Why the core could not open, in words for the station worker. */
export function startupFailure(error: unknown): Failure {
  if (error instanceof LedgerError) return { ok: false, error: error.data };
  if (error instanceof DatabaseFromFutureError) return failure('internal', DATABASE_TOO_NEW_MESSAGE, error.message);
  return failure('internal', CORE_UNAVAILABLE_MESSAGE, `cannot open the core: ${describeError(error)}`);
}

/** Answers every call with the same startup failure, instead of exiting into a restart loop. */
export function unavailableCore(outcome: Failure): CoreInvoke {
  return () => Promise.resolve(outcome);
}
