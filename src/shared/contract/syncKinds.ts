/**
 * What a bundle carries, in the words of the people who use it: kinds of record, never table
 * names. Every synced table is one of these kinds (`core/sync/tables.ts`); a test fails for a
 * table without one.
 */
import { RECORD_KIND_LABELS, type RecordKind } from './records';

/** County reference data every station receives. */
export const REFERENCE_KIND_LABELS = {
  place: '行政区划',
  rule: '县局规则',
} as const;
export type ReferenceKind = keyof typeof REFERENCE_KIND_LABELS;

export type SyncedKind = RecordKind | ReferenceKind;

export const SYNCED_KIND_LABELS: Readonly<Record<SyncedKind, string>> = { ...RECORD_KIND_LABELS, ...REFERENCE_KIND_LABELS };

/** Records counted per kind; a kind with none is left out. */
export type RecordCounts = Partial<Record<SyncedKind, number>>;

/** A person is counted in 人, a place in 个, anything else in 条. */
const UNITS: Partial<Record<SyncedKind, string>> = { child: '人', elder: '人', woman: '人', mealDiner: '人', place: '个', mealSite: '个' };

/** The kinds in the order people read them: registers first, then what hangs off them, then reference data. */
const ORDER = Object.keys(SYNCED_KIND_LABELS) as SyncedKind[];

/** "儿童 12 人、探访记录 30 条", or "没有新的修改". */
export function recordCountsText(records: RecordCounts): string {
  const parts = ORDER.filter((k) => (records[k] ?? 0) > 0).map((k) => `${SYNCED_KIND_LABELS[k]} ${records[k]!.toLocaleString('zh-CN')} ${UNITS[k] ?? '条'}`);
  return parts.length > 0 ? parts.join('、') : '没有新的修改';
}
