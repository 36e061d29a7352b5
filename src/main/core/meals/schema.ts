/** kysely table types of meal assistance, mirroring migrations/0007_meals.sql. */
import type { DB, SyncedColumns } from '../db/schema';

export interface MealSitesTable extends SyncedColumns {
  name: string;
  kind: string;
  area: string;
  township_code: string;
  village_code: string;
  address: string | null;
  operating_model: string;
  operator: string;
  contact_name: string | null;
  contact_phone: string | null;
  seats: number | null;
  daily_capacity: number;
  meal_times: string;
  serving_days: string;
  delivery: number;
  task_year: number | null;
  built_on: string | null;
  status: string;
  status_since: string;
  licence_no: string | null;
  licence_expires_on: string | null;
  notes: string | null;
}

export interface MealDinersTable extends SyncedColumns {
  site_id: string;
  elder_id: string | null;
  name: string | null;
  id_number: string | null;
  category_override: string | null;
  override_reason: string | null;
  start_on: string;
  stop_on: string | null;
  delivery: number;
  diet_notes: string | null;
}

export interface MealAttendanceTable extends SyncedColumns {
  site_id: string;
  diner_id: string;
  day: string;
  meal_time: string;
  method: string;
  delivered: number;
  category: string;
  price_fen: number;
  subsidy_fen: number;
  paid_fen: number;
  delivery_fee_fen: number;
}

export interface MealMonthsTable extends SyncedColumns {
  site_id: string;
  month: string;
  locked: number;
  locked_by: string | null;
  locked_at: string | null;
  unlock_reason: string | null;
  confirmed_checks: string | null;
}

// A type literal (not an interface): kysely's withTables wants an index-signature-compatible type.
export type MealsTables = {
  meal_sites: MealSitesTable;
  meal_diners: MealDinersTable;
  meal_attendance: MealAttendanceTable;
  meal_months: MealMonthsTable;
};

export type MealsDB = DB & MealsTables;
