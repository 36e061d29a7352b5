/**
 * County → station: every row in the station's scope (its own records, and reference data) that
 * changed after the county version the station last reported, plus the acknowledgement of what
 * the county stored. The station overwrites only fields it has no unacknowledged edit of, so
 * bundles may arrive twice or out of order and still converge.
 */
import type { Sqlite } from '../db/open';
import { writeRow } from './applyRows';
import type { Row } from './capture';
import type { Acks, CountyRow } from './payload';
import type { WrittenRows } from './references';
import { prepared } from './statements';
import { SYNCED_TABLES, type SyncedTableName } from './tables';
import { decodeVersions, FieldSets, fullVersions, readStationVersions, writeStationVersions } from './versions';

export function buildDownstream(db: Sqlite, station: string, sinceVer: number): { rows: CountyRow[]; counts: Record<string, number> } {
  // Rows in scope that changed, and rows that moved out of this station's scope (transfers).
  const changed = db
    .prepare(
      `SELECT tbl, row_id, vers, max_ver FROM county_versions WHERE scope IN (?, '*') AND max_ver > ?
       UNION
       SELECT v.tbl, v.row_id, v.vers, v.max_ver FROM county_scope_moves m JOIN county_versions v ON v.tbl = m.tbl AND v.row_id = m.row_id
       WHERE m.from_scope = ? AND m.ver > ?
       ORDER BY max_ver`,
    )
    .all(station, sinceVer, station, sinceVer) as { tbl: string; row_id: string; vers: string }[];
  const rows: CountyRow[] = [];
  const counts: Record<string, number> = {};
  const sets = new FieldSets(db);
  for (const c of changed) {
    if (!(c.tbl in SYNCED_TABLES)) continue;
    const values = prepared(db, `SELECT * FROM ${c.tbl} WHERE id = ?`).get(c.row_id) as Row | undefined;
    if (!values) continue;
    const { id: _id, ...fields } = values;
    const vers = fullVersions(decodeVersions(c.vers), sets);
    rows.push({ tbl: c.tbl, id: c.row_id, values: fields, vers: Object.fromEntries(Object.entries(vers).map(([f, [v]]) => [f, v])) });
    counts[c.tbl] = (counts[c.tbl] ?? 0) + 1;
  }
  return { rows, counts };
}

export interface DownstreamSummary {
  applied: number;
  keptLocal: number;
  pruned: number;
  restoredBackupDetected: boolean;
}

/** Outbox entries the county acknowledged are stored there: drop them. */
export function pruneAcknowledged(db: Sqlite, acks: Acks): number {
  let pruned = 0;
  for (const [epoch, seq] of Object.entries(acks)) {
    pruned += db.prepare('DELETE FROM sync_outbox WHERE epoch = ? AND seq <= ?').run(Number(epoch), seq).changes;
  }
  return pruned;
}

/**
 * A restored backup: the county acknowledges more of this epoch than this database ever wrote.
 * New local edits must then use a new epoch, or their sequence numbers would repeat ones the
 * county already stored and be skipped as "already had".
 */
export function restoredBackup(db: Sqlite, epoch: number, acks: Acks): boolean {
  const acked = acks[String(epoch)] ?? 0;
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").get() as { seq: number } | undefined;
  return acked > (row?.seq ?? 0);
}

/** Applies county rows at a station, in the caller's transaction, after the acks were pruned; rows written go into `written`. */
export function applyDownstream(db: Sqlite, rows: readonly CountyRow[], now: string, written?: WrittenRows): { applied: number; keptLocal: number } {
  const pending = new Map<string, Set<string>>();
  for (const r of db.prepare('SELECT tbl, row_id, fields FROM sync_outbox').all() as { tbl: string; row_id: string; fields: string }[]) {
    const key = `${r.tbl}\u0000${r.row_id}`;
    const set = pending.get(key) ?? new Set<string>();
    for (const f of Object.keys(JSON.parse(r.fields) as object)) set.add(f);
    pending.set(key, set);
  }
  let applied = 0;
  let keptLocal = 0;
  const audit = { actor: 'county', operation: 'sync.import', now };
  for (const row of rows) {
    if (!(row.tbl in SYNCED_TABLES)) continue;
    const table = row.tbl as SyncedTableName;
    const local = readStationVersions(db, table, row.id);
    const mine = pending.get(`${table}\u0000${row.id}`);
    const values: Row = {};
    for (const [field, ver] of Object.entries(row.vers)) {
      if (!(field in row.values) || ver <= (local[field] ?? 0)) continue;
      if (mine?.has(field)) {
        // An edit made here is still on its way: keep it; the county decides when it arrives.
        keptLocal++;
        continue;
      }
      values[field] = row.values[field] ?? null;
      local[field] = ver;
    }
    if (Object.keys(values).length === 0) continue;
    if (!prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(row.id)) {
      // A row new to this station (or a transfer in) is written whole.
      Object.assign(values, row.values);
      for (const [f, v] of Object.entries(row.vers)) if (!mine?.has(f)) local[f] = Math.max(local[f] ?? 0, v);
    }
    writeRow(db, table, row.id, values, audit);
    written?.add(table, row.id);
    writeStationVersions(db, table, row.id, local);
    applied++;
  }
  return { applied, keptLocal };
}
