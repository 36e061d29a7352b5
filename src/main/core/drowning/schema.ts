/** kysely table types of drowning prevention, mirroring migrations/0004_visits.sql. */
import type { DB, SyncedColumns } from '../db/schema';

export interface DrowningPublicityTable extends SyncedColumns {
  child_id: string;
  year: number;
  letter_on: string | null;
  pledge_on: string | null;
  handed_by: string | null;
  notes: string | null;
}

export interface WaterInspectionsTable extends SyncedColumns {
  township_code: string;
  village_code: string;
  place: string;
  inspected_on: string;
  inspectors: string;
  findings: string;
  hazard_found: number;
  actions: string | null;
  notes: string | null;
}

// A type literal (not an interface): kysely's withTables wants an index-signature-compatible type.
export type DrowningTables = {
  drowning_publicity: DrowningPublicityTable;
  water_inspections: WaterInspectionsTable;
};

export type DrowningDB = DB & DrowningTables;
