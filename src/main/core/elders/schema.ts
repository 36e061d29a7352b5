/** kysely table types of the elderly register, mirroring migrations/0003_elderly.sql. */
import type { DB, SyncedColumns } from '../db/schema';

export interface EldersTable extends SyncedColumns {
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number: string;
  birth_date: string;
  sex: 'M' | 'F';
  ethnicity: string | null;
  township_code: string;
  village_code: string;
  address: string | null;
  phone: string | null;
  marital_status: string | null;
  living_situation: string | null;
  capability: string | null;
  capability_score: number | null;
  capability_assessed_on: string | null;
  disability_type: string | null;
  disability_grade: string | null;
  health_notes: string | null;
  economic_status: string | null;
  benefits: string | null;
  high_age_class: string | null;
  risk_tier: string | null;
  visitor: string | null;
  visitor_phone: string | null;
  notes: string | null;
}

export interface ElderGroupsTable extends SyncedColumns {
  elder_id: string;
  group_code: string;
  start_date: string;
  end_date: string | null;
  note: string | null;
}

export interface ElderContactsTable extends SyncedColumns {
  elder_id: string;
  name: string;
  relationship: string;
  phone: string;
  address: string | null;
  registered_on: string;
  notes: string | null;
}

export interface SupportAgreementsTable extends SyncedColumns {
  elder_id: string;
  supporters: string;
  signed_on: string;
  witness: string | null;
  review_on: string | null;
  notes: string | null;
}

// A type literal (not an interface): kysely's withTables wants an index-signature-compatible type.
export type EldersTables = {
  elders: EldersTable;
  elder_groups: ElderGroupsTable;
  elder_contacts: ElderContactsTable;
  support_agreements: SupportAgreementsTable;
};

/** The database with the elderly register, for `ctx.kdb.withTables<EldersTables>()`. */
export type ElderlyDB = DB & EldersTables;
