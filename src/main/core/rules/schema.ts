/** kysely table type of the county's configurable rules, mirroring migrations/0004_visits.sql. */
import type { DB, SyncedColumns } from '../db/schema';

export interface RulesTable extends SyncedColumns {
  /** JSON, checked by the contract's schema for the rule's key (the row id). */
  value: string;
}

// A type literal (not an interface): kysely's withTables wants an index-signature-compatible type.
export type RulesTables = { rules: RulesTable };

export type RulesDB = DB & RulesTables;
