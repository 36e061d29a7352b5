/**
 * What a field is to a person: its form label and how its stored value reads (a code as its label,
 * a village code as its name). Field builders register it on the schema they build, so a label is
 * written once, where the field is declared, and screens that show a field out of its form (the
 * county's conflicts) read it from there.
 */
import { z } from 'zod';
import type { Option } from '../domain/labels';

/** How a value reads: plain text or a list of it, 是/否, codes, a place, a station, nested records. */
export type FieldKind = 'text' | 'list' | 'bool' | 'code' | 'codes' | 'village' | 'township' | 'station' | 'record' | 'records';

export interface FieldMeta {
  label: string;
  kind?: FieldKind;
  options?: readonly Option[];
}

export interface DescribedField extends FieldMeta {
  kind: FieldKind;
  /** For a nested record (a parent, a supporter): its own fields. */
  shape?: Readonly<Record<string, z.ZodType>>;
}

export const fieldMeta = z.registry<FieldMeta>();

/** Registers what a field is; returns the same schema, so it reads inline where the field is declared. */
export function labelled<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  fieldMeta.add(schema as z.ZodType, meta);
  return schema;
}

/** The schema a wrapper (optional, default, a transform's input) stands for. */
function innerOf(schema: z.ZodType): z.ZodType | null {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
    return schema.unwrap() as z.ZodType;
  }
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType;
  return null;
}

function metaOf(schema: z.ZodType): FieldMeta | undefined {
  for (let s: z.ZodType | null = schema; s; s = innerOf(s)) {
    const meta = fieldMeta.get(s);
    if (meta) return meta;
  }
  return undefined;
}

function bare(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let inner = innerOf(s); inner; inner = innerOf(s)) s = inner;
  return s;
}

/** A field's label and reading, from the meta registered anywhere along its wrappers; undefined if none. */
export function describeField(schema: z.ZodType): DescribedField | undefined {
  const meta = metaOf(schema);
  const core = bare(schema);
  if (core instanceof z.ZodArray) {
    const element = describeField(core.element as z.ZodType);
    const label = meta?.label ?? element?.label;
    if (label === undefined) return undefined;
    if (element?.kind === 'record') return { label, kind: 'records', shape: element.shape };
    if (element?.kind === 'code') return { label, kind: 'codes', options: element.options };
    return { label, kind: 'list' };
  }
  if (!meta) return undefined;
  if (core instanceof z.ZodObject) return { ...meta, kind: 'record', shape: core.shape as Record<string, z.ZodType> };
  if (core instanceof z.ZodBoolean) return { ...meta, kind: 'bool' };
  return { ...meta, kind: meta.kind ?? (meta.options ? 'code' : 'text') };
}
