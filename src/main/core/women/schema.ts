/** kysely table type of the left-behind women register, mirroring migrations/0004_visits.sql. */
import type { DB, SyncedColumns } from '../db/schema';

export interface WomenTable extends SyncedColumns {
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number: string;
  birth_date: string;
  sex: 'M' | 'F';
  township_code: string;
  village_code: string;
  address: string | null;
  phone: string | null;
  husband_name: string;
  husband_phone: string | null;
  husband_work_province: string | null;
  husband_work_city: string | null;
  children_at_home: number | null;
  elders_at_home: number | null;
  health: string | null;
  needs: string | null;
  since_on: string;
  ended_on: string | null;
  notes: string | null;
}

// A type literal (not an interface): kysely's withTables wants an index-signature-compatible type.
export type WomenTables = { women: WomenTable };

export type WomenDB = DB & WomenTables;
