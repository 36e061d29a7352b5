/**
 * The contract: every operation the core answers, by name. Hosts validate inputs against these
 * schemas; the renderer calls them through `createClient`.
 */
import type { z } from 'zod';
import { childrenOperations } from './children';
import { demoOperations } from './demo';
import type { Operation } from './define';
import { drowningOperations } from './drowning';
import { eldersOperations } from './elders';
import { mealsOperations } from './meals';
import { placesOperations } from './places';
import { rulesOperations } from './rules';
import { stationOperations } from './station';
import { syncOperations } from './sync';
import { visitsOperations } from './visits';
import { womenOperations } from './women';
import { workbenchOperations } from './workbench';

export const operations = {
  ...stationOperations,
  ...demoOperations,
  ...placesOperations,
  ...childrenOperations,
  ...eldersOperations,
  ...syncOperations,
  ...drowningOperations,
  ...visitsOperations,
  ...workbenchOperations,
  ...rulesOperations,
  ...womenOperations,
  ...mealsOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

type OpOf<K extends OperationName> = Operations[K];
export type InputOf<K extends OperationName> = OpOf<K> extends Operation<infer I, unknown, unknown> ? z.input<I> : never;
export type ParsedInputOf<K extends OperationName> = OpOf<K> extends Operation<infer I, unknown, unknown> ? z.output<I> : never;
export type ResultOf<K extends OperationName> = OpOf<K> extends Operation<z.ZodType, infer R, unknown> ? R : never;
export type ProgressOf<K extends OperationName> = OpOf<K> extends Operation<z.ZodType, unknown, infer P> ? P : never;

export const operationNames = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

export * from './define';
export * from './errors';
export * from './fields';
export * from './children';
export * from './elders';
export * from './places';
export * from './station';
export * from './sync';
export * from './drowning';
export * from './visits';
export * from './workbench';
export * from './rules';
export * from './demo';
export * from './women';
export * from './meals';
export * from './records';
export * from './fieldMeta';
export * from './client';
export * from './transport';
