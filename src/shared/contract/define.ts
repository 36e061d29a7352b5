import type { z } from 'zod';

/** One operation of the contract: the schema of its input, and (as types only) its result and progress. */
export interface Operation<I extends z.ZodType, R, P = never> {
  readonly input: I;
  readonly mutates: boolean;
  /** Phantom fields: never set, they carry the result and progress types. */
  readonly __result?: R;
  readonly __progress?: P;
}

/** `query<Result>()(inputSchema)`: curried so the schema's type is inferred and the result named. */
export function query<R, P = never>() {
  return <I extends z.ZodType>(input: I): Operation<I, R, P> => ({ input, mutates: false });
}

/** Like `query`, for operations that write; hosts may refuse these on read-only views. */
export function mutation<R, P = never>() {
  return <I extends z.ZodType>(input: I): Operation<I, R, P> => ({ input, mutates: true });
}

/** Progress of a long operation: done of total units, with a Chinese phase label. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}
