/**
 * A conflict names a kind of record and a field; people read the field's label and its stored value
 * as the register shows it (a SCHOOLING code as 小学, a village code as its name). Both come from
 * the contract's field declarations; this module only turns stored values into text.
 */
import { describeField, recordField, type DescribedField, type PlaceTree, type RecordKind } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';

export const EMPTY_VALUE = '（空）';

/** The form's label for a field, or its name for one the contract does not declare. */
export function fieldLabel(kind: RecordKind, field: string): string {
  return recordField(kind, field)?.label ?? field;
}

/** Lists and nested records are stored as JSON text. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!(t.startsWith('[') || t.startsWith('{'))) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}

export interface ValueContext {
  places?: PlaceTree | null;
  stationName?: (code: string) => string;
}

function placeName(code: string, places: PlaceTree | null | undefined, level: 'township' | 'village'): string {
  const township = places?.townships.find((t) => t.code === code.slice(0, 9));
  if (!township) return code;
  if (level === 'township') return township.name;
  const village = township.villages.find((v) => v.code === code);
  return village ? `${township.name} ${village.name}` : code;
}

/** "姓名：张大山；父母状况：外出务工": a nested record's filled fields by their labels. */
function recordText(value: unknown, shape: DescribedField['shape'], ctx: ValueContext): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return String(value);
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => {
      const field = shape?.[k] ? describeField(shape[k]) : undefined;
      return `${field?.label ?? k}：${field ? valueText(field, v, ctx) : String(v)}`;
    });
  return parts.length > 0 ? parts.join('；') : '（未填写）';
}

function valueText(field: DescribedField, raw: unknown, ctx: ValueContext): string {
  if (raw === null || raw === undefined || raw === '') return EMPTY_VALUE;
  const value = parsed(raw);
  const options = field.options ?? [];
  switch (field.kind) {
    case 'bool':
      return value === true || value === 1 || value === '1' ? '是' : '否';
    case 'code':
      return labelOf(options, String(value));
    case 'codes':
    case 'list':
    case 'records': {
      if (!Array.isArray(value)) return String(raw);
      if (value.length === 0) return '（无）';
      if (field.kind === 'records') return value.map((v) => recordText(v, field.shape, ctx)).join('\n');
      return value.map((c) => (field.kind === 'codes' ? labelOf(options, String(c)) : String(c))).join('、');
    }
    case 'record':
      return recordText(value, field.shape, ctx);
    case 'village':
      return placeName(String(value), ctx.places, 'village');
    case 'township':
      return placeName(String(value), ctx.places, 'township');
    case 'station':
      return ctx.stationName ? ctx.stationName(String(value)) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A stored value as people read it in the register; a field the contract does not declare shows it raw. */
export function displayValue(kind: RecordKind, field: string, value: unknown, ctx: ValueContext = {}): string {
  const described = recordField(kind, field);
  if (described) return valueText(described, value, ctx);
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
