/**
 * The single write path for synced tables. Each insert/update/delete here also appends the
 * changed fields to `sync_outbox` (with the county versions last seen) and a row to `audit_log`,
 * in the caller's transaction — so a write without its capture cannot commit.
 */
import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import type { SyncedTableName } from './tables';
import { SYNCED_TABLES } from './tables';

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export interface WriteContext {
  db: Sqlite;
  actor: string;
  operation: string;
  stationCode: string;
  epoch: number;
  /** UTC ISO timestamp of this write; one value for a whole transaction. */
  now: string;
}

type Statement = Database.Statement<unknown[], unknown>;

/** Prepared statements by SQL text, per connection: bulk paths reuse them instead of re-preparing. */
const statementCache = new WeakMap<Sqlite, Map<string, Statement>>();
function prepared(db: Sqlite, sql: string): Statement {
  let byDb = statementCache.get(db);
  if (!byDb) statementCache.set(db, (byDb = new Map()));
  let stmt = byDb.get(sql);
  if (!stmt) byDb.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
function assertSynced(table: string, columns: string[]): asserts table is SyncedTableName {
  if (!(table in SYNCED_TABLES)) throw new Error(`${table} is not a synced table`);
  for (const c of columns) if (!IDENT.test(c)) throw new Error(`bad column name ${c}`);
}

function baseVersions(db: Sqlite, table: string, id: string, fields: string[]): Record<string, number> {
  const row = prepared(db, 'SELECT vers FROM sync_versions WHERE tbl = ? AND row_id = ?').get(table, id) as
    | { vers: string }
    | undefined;
  const known = row ? (JSON.parse(row.vers) as Record<string, number>) : {};
  const out: Record<string, number> = {};
  for (const f of fields) out[f] = known[f] ?? 0;
  return out;
}

function capture(ctx: WriteContext, table: string, id: string, action: 'insert' | 'update' | 'delete', fields: Row): void {
  const names = Object.keys(fields);
  // A row born here has no county versions yet; skip the lookup on the bulk path.
  const base = action === 'insert' ? Object.fromEntries(names.map((n) => [n, 0])) : baseVersions(ctx.db, table, id, names);
  prepared(ctx.db, 'INSERT INTO sync_outbox (epoch, tbl, row_id, fields, base_vers, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    ctx.epoch,
    table,
    id,
    JSON.stringify(fields),
    JSON.stringify(base),
    ctx.now,
  );
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

/** Inserts a new synced row; the owner, timestamps and `deleted` are filled in here. */
export function insertRow(ctx: WriteContext, table: SyncedTableName, id: string, values: Row, owner = ctx.stationCode): void {
  const row: Row = { station_code: owner, created_at: ctx.now, updated_at: ctx.now, deleted: 0, ...values };
  const columns = Object.keys(row);
  assertSynced(table, columns);
  const sql = `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`;
  prepared(ctx.db, sql).run(id, ...columns.map((c) => row[c] ?? null));
  capture(ctx, table, id, 'insert', row);
}

/**
 * Writes only the fields whose value differs from the stored row, and captures just those:
 * concurrent edits of different fields must both survive at the county. Returns what changed.
 */
export function updateRow(ctx: WriteContext, table: SyncedTableName, id: string, values: Row): string[] {
  assertSynced(table, Object.keys(values));
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
