import type { z } from 'zod';

/**
 * The hosts that carry operations to the core: the Electron window, the CLI (and the county's sync
 * hub, which runs inside it), and the loopback web host.
 */
const HOSTS = ['desktop', 'cli', 'web'] as const;
export type HostName = (typeof HOSTS)[number];

/** One operation of the contract: the schema of its input, and (as types only) its result and progress. */
export interface Operation<I extends z.ZodType, R, P = never> {
  readonly input: I;
  readonly mutates: boolean;
  /** Which hosts may expose it; the core refuses a call that arrives through any other. */
  readonly hosts: readonly HostName[];
  /** Phantom fields: never set, they carry the result and progress types. */
  readonly __result?: R;
  readonly __progress?: P;
}

/** `query<Result>()(inputSchema)`: curried so the schema's type is inferred and the result named. */
export function query<R, P = never>() {
  return <I extends z.ZodType>(input: I): Operation<I, R, P> => ({ input, mutates: false, hosts: HOSTS });
}

/** Like `query`, for operations that write; hosts may refuse these on read-only views. */
export function mutation<R, P = never>() {
  return <I extends z.ZodType>(input: I): Operation<I, R, P> => ({ input, mutates: true, hosts: HOSTS });
}

/**
 * For operations whose input names a file on the disk of the machine running the core: a web page
 * must never choose what the server reads or writes, so these stay off the web host (the browser
 * uses the upload/download variant of the same work).
 */
export function onServerDisk<I extends z.ZodType, R, P>(op: Operation<I, R, P>): Operation<I, R, P> {
  return { ...op, hosts: ['desktop', 'cli'] };
}

/** For operations only an in-process host runs (the county's sync hub inside the CLI). */
export function cliOnly<I extends z.ZodType, R, P>(op: Operation<I, R, P>): Operation<I, R, P> {
  return { ...op, hosts: ['cli'] };
}

/** Progress of a long operation: done of total units, with a Chinese phase label. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}
