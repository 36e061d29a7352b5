/**
 * The synced tables. A register joins sync by being listed here; its rows are then written only
 * through `sync/capture.ts`, which records every change in the outbox. `owner` says whose scope a
 * row belongs to: a station's own records, or county reference data every station receives.
 */
import type { DB } from '../db/schema';

export interface SyncedTable {
  owner: 'station' | 'county';
}

export const SYNCED_TABLES = {
  places: { owner: 'county' },
  children: { owner: 'station' },
  child_categories: { owner: 'station' },
} as const satisfies Partial<Record<keyof DB, SyncedTable>>;

export type SyncedTableName = keyof typeof SYNCED_TABLES;

/** Columns every synced table has; `id` is the key and never a captured field. */
export const SYNCED_BASE_COLUMNS = ['id', 'station_code', 'created_at', 'updated_at', 'deleted'] as const;
