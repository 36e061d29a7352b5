/** kysely table types of visits and major changes, mirroring migrations/0004_visits.sql and 0006_visit_child_check.sql. */
import type { DB, SyncedColumns } from '../db/schema';

export interface VisitsTable extends SyncedColumns {
  subject_kind: string;
  subject_id: string;
  village_code: string;
  township_code: string;
  visited_on: string;
  visitors: string;
  method: string;
  health: string | null;
  illness: string | null;
  living_difficulties: string | null;
  money_difficulties: string | null;
  benefits_received: string | null;
  supporters_visit: string | null;
  hazards: string | null;
  hazard_note: string | null;
  needs: string | null;
  actions: string | null;
  referrals: string | null;
  next_visit_on: string | null;
  notes: string | null;
  /** JSON of the child check (contract `childCheck`); null for anyone but a child. */
  child_check: string | null;
}

export interface MajorChangesTable extends SyncedColumns {
  subject_kind: string;
  subject_id: string;
  occurred_on: string;
  description: string;
}

// A type literal (not an interface): kysely's withTables wants an index-signature-compatible type.
export type VisitsTables = {
  visits: VisitsTable;
  major_changes: MajorChangesTable;
};

export type VisitsDB = DB & VisitsTables;
