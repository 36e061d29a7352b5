/** kysely table types, mirroring migrations/. JSON columns hold TEXT and are parsed at the edge. */
import type { Generated } from 'kysely';
import type { ChildCategoriesTable, ChildrenTable } from '../children/schema';

/** Columns every synced table has (see sync/tables.ts). */
export interface SyncedColumns {
  id: string;
  station_code: string;
  created_at: string;
  updated_at: string;
  deleted: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface PlacesTable extends SyncedColumns {
  level: 'county' | 'township' | 'village';
  name: string;
  parent_code: string | null;
}

export interface SyncOutboxTable {
  seq: Generated<number>;
  epoch: number;
  actor: string;
  tbl: string;
  row_id: string;
  fields: string;
  base_vers: string;
  at: string;
}

export interface SyncVersionsTable {
  tbl: string;
  row_id: string;
  vers: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  operation: string;
  tbl: string;
  row_id: string;
  action: 'insert' | 'update' | 'delete';
  fields: string;
}

export interface CountyVersionsTable {
  tbl: string;
  row_id: string;
  scope: string;
  max_ver: number;
  vers: string;
}

/** County: column lists of records taken whole from a station (see sync/versions.ts). */
export interface CountyFieldSetsTable {
  id: Generated<number>;
  fields: string;
}

export interface SyncStationsTable {
  code: string;
  name: string;
  state: 'pending' | 'enrolled' | 'revoked';
  token_hash: string | null;
  sign_public: string | null;
  age_recipient: string | null;
  fingerprint: string | null;
  enrolled_at: string | null;
  revoked_at: string | null;
  acks: string;
  applied_ver: number;
  last_received_at: string | null;
  last_sent_at: string | null;
}

export interface SyncConflictsTable {
  id: Generated<number>;
  tbl: string;
  row_id: string;
  field: string;
  county_value: string | null;
  county_origin: string;
  station_code: string;
  station_value: string | null;
  station_actor: string;
  station_at: string;
  received_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: 'county' | 'station' | null;
}

export interface SyncBundlesTable {
  bundle_id: string;
  kind: string;
  peer: string;
  imported_at: string;
  summary: string;
}

export interface DB {
  meta: MetaTable;
  places: PlacesTable;
  children: ChildrenTable;
  child_categories: ChildCategoriesTable;
  sync_outbox: SyncOutboxTable;
  sync_versions: SyncVersionsTable;
  audit_log: AuditLogTable;
  county_versions: CountyVersionsTable;
  county_field_sets: CountyFieldSetsTable;
  sync_stations: SyncStationsTable;
  sync_conflicts: SyncConflictsTable;
  sync_bundles: SyncBundlesTable;
}
