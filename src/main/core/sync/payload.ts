/**
 * What a bundle carries, checked with zod after the signature and hash have passed: a signed
 * bundle from an enrolled station is still input, and a bug there must not write garbage.
 */
import { z } from 'zod';

const sqlValue = z.union([z.string(), z.number(), z.null()]);
const fieldName = z.string().regex(/^[a-z_][a-z0-9_]*$/);

/** One captured local edit, as the station's outbox holds it. */
export const changeSchema = z.object({
  epoch: z.number().int().min(1),
  seq: z.number().int().min(1),
  tbl: z.string(),
  rowId: z.string().min(1).max(64),
  fields: z.record(fieldName, sqlValue),
  baseVers: z.record(fieldName, z.number().int().min(0)),
  at: z.string(),
  actor: z.string().max(100),
});
export type Change = z.infer<typeof changeSchema>;

export const upstreamSchema = z.object({ changes: z.array(changeSchema) });
export type UpstreamPayload = z.infer<typeof upstreamSchema>;

/** A row as the county holds it: every column, and the county version of each. */
export const countyRowSchema = z.object({
  tbl: z.string(),
  id: z.string().min(1).max(64),
  values: z.record(fieldName, sqlValue),
  vers: z.record(fieldName, z.number().int().min(0)),
});
export type CountyRow = z.infer<typeof countyRowSchema>;

export const downstreamSchema = z.object({ rows: z.array(countyRowSchema) });
export type DownstreamPayload = z.infer<typeof downstreamSchema>;

/** Upstream manifest ranges: which outbox entries are inside, and how far the station has applied. */
export const upstreamRangesSchema = z.object({
  changes: z.array(z.object({ epoch: z.number().int().min(1), from: z.number().int().min(1), to: z.number().int().min(1) })),
  appliedVer: z.number().int().min(0),
});
export type UpstreamRanges = z.infer<typeof upstreamRangesSchema>;

/** Downstream manifest: the county versions inside, and what the county has stored per epoch. */
export const downstreamRangesSchema = z.object({ fromVer: z.number().int().min(0), toVer: z.number().int().min(0) });
export type DownstreamRanges = z.infer<typeof downstreamRangesSchema>;
export const ackSchema = z.record(z.string().regex(/^\d+$/), z.number().int().min(0));
export type Acks = z.infer<typeof ackSchema>;
