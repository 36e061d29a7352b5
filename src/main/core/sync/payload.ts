/**
 * What a bundle carries, checked after the signature and hash have passed: a signed bundle from
 * an enrolled station is still input, and a bug there must not write garbage.
 */
import { z } from 'zod';

const sqlValue = z.union([z.string(), z.number(), z.null()]);
const fieldName = z.string().regex(/^[a-z_][a-z0-9_]*$/);

export type FieldValue = string | number | null;

/** One captured local edit, as the station's outbox holds it. A base version left out is 0. */
export interface Change {
  epoch: number;
  seq: number;
  tbl: string;
  rowId: string;
  fields: Record<string, FieldValue>;
  baseVers: Record<string, number>;
  at: string;
  actor: string;
}

export interface UpstreamPayload {
  changes: Change[];
}

/*
 * The upstream payload is checked by hand, not with zod: it is the one large input (a county
 * takes tens of thousands of changes in one import) and a schema library spends more time on it
 * than writing the rows does. The rules are those of the zod schema it replaces, quoted here;
 * test/main/sync/payload.test.ts holds the two to the same answers:
 *   { changes: array of { epoch: int ≥ 1, seq: int ≥ 1, tbl: string, rowId: string of 1–64,
 *     fields: record(FIELD_NAME → string | number | null), baseVers: record(FIELD_NAME → int ≥ 0),
 *     at: string, actor: string of ≤ 100 } }
 * with zod's readings: integers are safe integers, numbers are finite, other keys are ignored,
 * and a "__proto__" key of a record is dropped unread.
 */
const FIELD_NAME = /^[a-z_][a-z0-9_]*$/;
const PROTO = '__proto__';

type Checked<T> = (value: unknown) => value is T;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFieldValue: Checked<FieldValue> = (v): v is FieldValue => typeof v === 'string' || v === null || (typeof v === 'number' && Number.isFinite(v));
const isVersion: Checked<number> = (v): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isCounter = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** Checks a record of field name → value; returns it (without a "__proto__" key), or null. */
function fieldRecord<T>(v: unknown, isValue: Checked<T>, names: Set<string>): Record<string, T> | null {
  if (!isObject(v)) return null;
  let proto = false;
  for (const key in v) {
    if (key === PROTO) {
      proto = true;
      continue;
    }
    // A few dozen column names repeat across every change: test each once.
    if (!names.has(key)) {
      if (!FIELD_NAME.test(key)) return null;
      names.add(key);
    }
    if (!isValue(v[key])) return null;
  }
  if (!proto) return v as Record<string, T>;
  const copy: Record<string, T> = {};
  for (const key in v) if (key !== PROTO) copy[key] = v[key] as T;
  return copy;
}

/** One change, checked; `names` remembers the field names already found well-formed. */
export function checkChange(v: unknown, names: Set<string>): Change | null {
  if (!isObject(v)) return null;
  const { epoch, seq, tbl, rowId, at, actor } = v;
  if (!isCounter(epoch) || !isCounter(seq) || typeof tbl !== 'string' || typeof at !== 'string') return null;
  if (typeof rowId !== 'string' || rowId.length < 1 || rowId.length > 64 || typeof actor !== 'string' || actor.length > 100) return null;
  const fields = fieldRecord(v.fields, isFieldValue, names);
  const baseVers = fields && fieldRecord(v.baseVers, isVersion, names);
  if (!fields || !baseVers) return null;
  return { epoch, seq, tbl, rowId, fields, baseVers, at, actor };
}

/** The changes of an upstream payload, or null if anything in it is malformed: then none is used. */
export function parseUpstreamPayload(json: unknown): UpstreamPayload | null {
  if (!isObject(json) || !Array.isArray(json.changes)) return null;
  const names = new Set<string>();
  const changes: Change[] = new Array<Change>(json.changes.length);
  for (let i = 0; i < json.changes.length; i++) {
    const c = checkChange(json.changes[i], names);
    if (!c) return null;
    changes[i] = c;
  }
  return { changes };
}

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
