/**
 * The synced tables. A register joins sync by being listed here; its rows are then written only
 * through `sync/capture.ts`, which records every change in the outbox. `owner` says whose scope a
 * row belongs to: a station's own records, or county reference data every station receives.
 */
import type { RecordCounts, RecordKind, ReferenceKind, SyncedKind } from '../../../shared/contract';
import type { DB } from '../db/schema';
import { derivePersonColumns, PERSON_DERIVED } from '../people/derive';
import type { DrowningTables } from '../drowning/schema';
import type { EldersTables } from '../elders/schema';
import type { MealsTables } from '../meals/schema';
import type { RulesTables } from '../rules/schema';
import type { VisitsTables } from '../visits/schema';
import type { WomenTables } from '../women/schema';
import type { Row } from './capture';

export interface SyncedTable {
  owner: 'station' | 'county';
  /**
   * Columns computed from another column (search keys from a name, birth date from an ID number).
   * They are never merged on their own: they follow their source, recomputed by `derive`.
   */
  derived?: Readonly<Record<string, readonly string[]>>;
  derive?: (values: Row) => Row;
  /** A station's register: the kind of record its rows are, for conflicts named in contract terms. */
  record?: RecordKind;
  /** County reference data: what its rows are to people. Every table has `record` or this. */
  reference?: ReferenceKind;
  /** Columns whose contract field is not simply their camel-cased name. */
  fields?: Readonly<Record<string, string>>;
}

/** Every table is a kind of record people can name: a station's register or county reference data. */
type SyncedTableEntry = SyncedTable & ({ owner: 'station'; record: RecordKind } | { owner: 'county'; reference: ReferenceKind });

export const SYNCED_TABLES = {
  places: { owner: 'county', reference: 'place' },
  children: {
    owner: 'station',
    record: 'child',
    derived: PERSON_DERIVED,
    derive: derivePersonColumns,
  },
  child_categories: { owner: 'station', record: 'childCategory' },
  // high_age_class is not derived: it depends on the day of the save as well as the birth date.
  elders: {
    owner: 'station',
    record: 'elder',
    derived: PERSON_DERIVED,
    derive: derivePersonColumns,
  },
  elder_groups: { owner: 'station', record: 'elderGroup', fields: { group_code: 'group' } },
  elder_contacts: { owner: 'station', record: 'elderContact' },
  support_agreements: { owner: 'station', record: 'supportAgreement' },
  women: {
    owner: 'station',
    record: 'woman',
    derived: PERSON_DERIVED,
    derive: derivePersonColumns,
  },
  // A visit's village and township are copied from its person when saved: where the visit took
  // place, kept when the person later moves. Not derived columns, so never recomputed.
  visits: { owner: 'station', record: 'visit' },
  major_changes: { owner: 'station', record: 'majorChange' },
  drowning_publicity: { owner: 'station', record: 'drowningPublicity' },
  water_inspections: { owner: 'station', record: 'waterInspection' },
  meal_sites: { owner: 'station', record: 'mealSite' },
  meal_diners: { owner: 'station', record: 'mealDiner' },
  meal_attendance: { owner: 'station', record: 'meal' },
  meal_months: { owner: 'station', record: 'mealMonth' },
  // The county's configurable rules: reference data every station receives, like places.
  rules: { owner: 'county', reference: 'rule' },
} as const satisfies Partial<Record<keyof (DB & EldersTables & VisitsTables & WomenTables & DrowningTables & RulesTables & MealsTables), SyncedTableEntry>>;

/** Bookkeeping columns: written with every edit, never a matter for a person to decide. */
export const BOOKKEEPING_COLUMNS: ReadonlySet<string> = new Set(['created_at', 'updated_at']);

export function tableRules(table: SyncedTableName): SyncedTable {
  return SYNCED_TABLES[table];
}

/** Derived columns of a table (all of them, whatever their source). */
export function derivedColumns(table: SyncedTableName): Set<string> {
  return new Set(Object.values(tableRules(table).derived ?? {}).flat());
}

export type SyncedTableName = keyof typeof SYNCED_TABLES;

/** What a table's rows are to people; undefined only for a table missing from `SYNCED_TABLES` or its kind. */
export function syncedKindOf(table: string): SyncedKind | undefined {
  if (!Object.hasOwn(SYNCED_TABLES, table)) return undefined;
  const rules = tableRules(table as SyncedTableName);
  return rules.record ?? rules.reference;
}

/** Rows per table as records per kind: what results report, so no screen ever sees a table name. */
export function recordCountsOf(rowsPerTable: Readonly<Record<string, number>>): RecordCounts {
  const out: RecordCounts = {};
  for (const [table, n] of Object.entries(rowsPerTable)) {
    const kind = syncedKindOf(table);
    if (!kind) throw new Error(`synced table ${table} has no kind of record`);
    out[kind] = (out[kind] ?? 0) + n;
  }
  return out;
}

/** The contract's name for a column of a synced table: `village_code` is `villageCode`. */
export function fieldOfColumn(table: SyncedTableName, column: string): string {
  return tableRules(table).fields?.[column] ?? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Columns every synced table has; `id` is the key and never a captured field. */
export const SYNCED_BASE_COLUMNS = ['id', 'station_code', 'created_at', 'updated_at', 'deleted'] as const;
