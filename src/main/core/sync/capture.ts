/**
 * The single write path for local edits of synced tables. Each insert/update/delete here is
 * audited and, in the same transaction, captured: at a station the changed fields go to
 * `sync_outbox` with the county versions last seen; at the county (the clock) they are stamped
 * with new county versions at once. A write without its capture cannot commit.
 * Changes arriving from the other side are written by sync/apply*.ts, never through here.
 */
import type { Sqlite } from '../db/open';
import { assertIdentifiers, prepared } from './statements';
import type { SyncedTableName } from './tables';
import { SYNCED_TABLES } from './tables';
import { COUNTY_ORIGIN, readStationVersions, scopeOf, stampCountyVersions } from './versions';

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export interface WriteContext {
  db: Sqlite;
  role: 'station' | 'county';
  actor: string;
  operation: string;
  stationCode: string;
  epoch: number;
  /** UTC ISO timestamp of this write; one value for a whole transaction. */
  now: string;
}

function assertWritable(ctx: WriteContext, table: string, columns: string[]): asserts table is SyncedTableName {
  if (!(table in SYNCED_TABLES)) throw new Error(`${table} is not a synced table`);
  assertIdentifiers(columns);
  // Reference data (places) is the county's to edit; stations receive it by sync.
  if (ctx.role === 'station' && SYNCED_TABLES[table as SyncedTableName].owner === 'county') {
    throw new Error(`${table} is county reference data and cannot be edited at a station`);
  }
}

function capture(ctx: WriteContext, table: SyncedTableName, id: string, action: 'insert' | 'update' | 'delete', fields: Row): void {
  const names = Object.keys(fields);
  if (ctx.role === 'county') {
    const owner = typeof fields.station_code === 'string' ? fields.station_code : currentOwner(ctx.db, table, id);
    stampCountyVersions(ctx.db, table, id, names, COUNTY_ORIGIN, scopeOf(table, owner));
  } else {
    // A row born here has no county versions yet; skip the lookup on the bulk path.
    const known = action === 'insert' ? {} : readStationVersions(ctx.db, table, id);
    const base = Object.fromEntries(names.map((n) => [n, known[n] ?? 0]));
    prepared(ctx.db, 'INSERT INTO sync_outbox (epoch, tbl, row_id, fields, base_vers, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      ctx.epoch,
      table,
      id,
      JSON.stringify(fields),
      JSON.stringify(base),
      ctx.now,
      ctx.actor,
    );
  }
  prepared(ctx.db, 'INSERT INTO audit_log (at, actor, operation, tbl, row_id, action, fields) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    ctx.now,
    ctx.actor,
    ctx.operation,
    table,
    id,
    action,
    JSON.stringify(names),
  );
}

function currentOwner(db: Sqlite, table: SyncedTableName, id: string): string {
  const row = prepared(db, `SELECT station_code FROM ${table} WHERE id = ?`).get(id) as { station_code: string } | undefined;
  return row?.station_code ?? '';
}

/** Inserts a new synced row; the owner, timestamps and `deleted` are filled in here. */
export function insertRow(ctx: WriteContext, table: SyncedTableName, id: string, values: Row, owner = ctx.stationCode): void {
  const row: Row = { station_code: owner, created_at: ctx.now, updated_at: ctx.now, deleted: 0, ...values };
  const columns = Object.keys(row);
  assertWritable(ctx, table, columns);
  const sql = `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`;
  prepared(ctx.db, sql).run(id, ...columns.map((c) => row[c] ?? null));
  capture(ctx, table, id, 'insert', row);
}

/**
 * Writes only the fields whose value differs from the stored row, and captures just those:
 * concurrent edits of different fields must both survive at the county. Returns what changed.
 */
export function updateRow(ctx: WriteContext, table: SyncedTableName, id: string, values: Row): string[] {
  assertWritable(ctx, table, Object.keys(values));
  const current = prepared(ctx.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!current) throw new Error(`${table} ${id} does not exist`);
  const changed: Row = {};
  for (const [k, v] of Object.entries(values)) {
    if (!(k in current)) throw new Error(`${table} has no column ${k}`);
    if ((current[k] ?? null) !== (v ?? null)) changed[k] = v ?? null;
  }
  const names = Object.keys(changed);
  if (names.length === 0) return [];
  changed.updated_at = ctx.now;
  const columns = Object.keys(changed);
  const sql = `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
  prepared(ctx.db, sql).run(...columns.map((c) => changed[c] ?? null), id);
  capture(ctx, table, id, names.includes('deleted') && changed.deleted === 1 ? 'delete' : 'update', changed);
  return names;
}

/** Rows are never removed: `deleted` is a versioned field like any other. */
export function softDeleteRow(ctx: WriteContext, table: SyncedTableName, id: string): boolean {
  return updateRow(ctx, table, id, { deleted: 1 }).length > 0;
}
