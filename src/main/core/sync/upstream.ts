/**
 * Station → county. The station sends every change the county has not acknowledged, so an old
 * bundle is a subset of a newer one and a lost USB stick loses nothing. The county applies each
 * field whose base version is current (or whose current version came from this same station) and
 * lists the others as conflicts, keeping its own value.
 */
import { createHash } from 'node:crypto';
import type { Sqlite } from '../db/open';
import type { Acks, Change, UpstreamPayload, UpstreamRanges } from './payload';
import { writeRow } from './applyRows';
import type { Row } from './capture';
import { prepared } from './statements';
import { BOOKKEEPING_COLUMNS, derivedColumns, SYNCED_TABLES, tableRules, type SyncedTableName } from './tables';
import { COUNTY_ORIGIN, countyClock, readCountyVersions, scopeOf, stampCountyVersions } from './versions';

export function buildUpstream(db: Sqlite, appliedVer: number): { payload: UpstreamPayload; ranges: UpstreamRanges; counts: Record<string, number> } {
  const rows = db.prepare('SELECT seq, epoch, tbl, row_id, fields, base_vers, at, actor FROM sync_outbox ORDER BY epoch, seq').all() as {
    seq: number;
    epoch: number;
    tbl: string;
    row_id: string;
    fields: string;
    base_vers: string;
    at: string;
    actor: string;
  }[];
  const changes: Change[] = rows.map((r) => ({
    epoch: r.epoch,
    seq: r.seq,
    tbl: r.tbl,
    rowId: r.row_id,
    fields: JSON.parse(r.fields) as Change['fields'],
    baseVers: JSON.parse(r.base_vers) as Change['baseVers'],
    at: r.at,
    actor: r.actor,
  }));
  const byEpoch = new Map<number, { from: number; to: number }>();
  const counts: Record<string, number> = {};
  for (const c of changes) {
    const range = byEpoch.get(c.epoch);
    if (range) range.to = c.seq;
    else byEpoch.set(c.epoch, { from: c.seq, to: c.seq });
    counts[c.tbl] = (counts[c.tbl] ?? 0) + 1;
  }
  return {
    payload: { changes },
    ranges: { changes: [...byEpoch].map(([epoch, r]) => ({ epoch, ...r })), appliedVer },
    counts,
  };
}

export interface UpstreamSummary {
  applied: number;
  alreadyHad: number;
  conflicts: number;
  /** Changes whose sequence number the county had stored with other content (a restored backup). */
  reusedSequence: number;
  /** Changes refused whole (a row of another station, a table the station may not write). */
  refused: number;
}

function digestOf(change: Change): string {
  return createHash('sha256').update(JSON.stringify([change.tbl, change.rowId, change.fields, change.at, change.actor])).digest('base64url');
}

interface ColumnSet {
  has(name: string): boolean;
}
function columnsOf(db: Sqlite, table: string): ColumnSet {
  return new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
}

/**
 * Applies a station's changes at the county, in the caller's transaction. `acks` is the station's
 * acknowledgement state, updated in place: per epoch, the highest sequence number stored.
 */
export function applyUpstream(
  db: Sqlite,
  station: string,
  changes: readonly Change[],
  acks: Acks,
  now: string,
): UpstreamSummary {
  const summary: UpstreamSummary = { applied: 0, alreadyHad: 0, conflicts: 0, refused: 0, reusedSequence: 0 };
  const columns = new Map<string, ColumnSet>();
  const conflict = prepared(
    db,
    `INSERT INTO sync_conflicts (tbl, row_id, field, county_value, county_origin, station_code, station_value, station_actor, station_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const stored = prepared(db, 'SELECT digest FROM sync_inbox WHERE station_code = ? AND epoch = ? AND seq = ?');
  const remember = prepared(
    db,
    'INSERT INTO sync_inbox (station_code, epoch, seq, digest) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET digest = excluded.digest',
  );
  const sorted = [...changes].sort((a, b) => a.epoch - b.epoch || a.seq - b.seq);
  const clock = countyClock(db);
  for (const change of sorted) {
    const acked = acks[String(change.epoch)] ?? 0;
    const digest = digestOf(change);
    const seen = stored.get(station, change.epoch, change.seq) as { digest: string } | undefined;
    if (seen?.digest === digest) {
      summary.alreadyHad++;
      continue;
    }
    // A known sequence number with other content: the station was restored from a backup and
    // wrote anew. Apply it; the station moves to a new epoch when it sees our acknowledgement.
    if (seen) summary.reusedSequence++;
    remember.run(station, change.epoch, change.seq, digest);
    // Contiguity: a change past a gap is applied, but the ack waits for the gap to fill.
    if (change.seq === acked + 1) acks[String(change.epoch)] = change.seq;
    const table = change.tbl as SyncedTableName;
    if (!(change.tbl in SYNCED_TABLES) || SYNCED_TABLES[table].owner !== 'station') {
      summary.refused++;
      continue;
    }
    let cols = columns.get(table);
    if (!cols) columns.set(table, (cols = columnsOf(db, table)));
    if (Object.keys(change.fields).some((f) => !cols.has(f) || f === 'id')) {
      summary.refused++;
      continue;
    }
    const current = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(change.rowId) as Row | undefined;
    const owner = current ? String(current.station_code) : change.fields.station_code;
    const audit = { actor: `${station}:${change.actor}`, operation: 'sync.import', now };
    const rules = tableRules(table);
    const derived = derivedColumns(table);
    // Only fields a person edits are decided (and listed) one by one; derived and bookkeeping
    // columns follow the fields they come from.
    const decided = Object.keys(change.fields).filter((f) => !derived.has(f) && !BOOKKEEPING_COLUMNS.has(f));
    const listConflict = (field: string, origin: string) => {
      conflict.run(table, change.rowId, field, current ? JSON.stringify(current[field] ?? null) : null, origin, station, JSON.stringify(change.fields[field] ?? null), change.actor, change.at, now);
      summary.conflicts++;
    };
    if (owner !== station) {
      // Not (or no longer) this station's record, e.g. moved to another township meanwhile.
      for (const field of decided) listConflict(field, COUNTY_ORIGIN);
      continue;
    }
    if (!current) {
      // A record born at the station: taken whole.
      writeRow(db, table, change.rowId, change.fields, audit, false);
      stampCountyVersions(db, table, change.rowId, Object.keys(change.fields), station, scopeOf(table, station), { clock, known: {} });
      summary.applied++;
      continue;
    }
    const known = readCountyVersions(db, table, change.rowId)?.vers ?? {};
    const bulk = { clock, known };
    const accepted: Row = {};
    const lost: string[] = [];
    for (const field of decided) {
      const value = change.fields[field] ?? null;
      const [ver, origin] = known[field] ?? [0, station];
      if ((change.baseVers[field] ?? 0) >= ver || origin === station || current[field] === value) accepted[field] = value;
      else lost.push(field);
    }
    if (Object.keys(accepted).length > 0) {
      if ('updated_at' in change.fields) accepted.updated_at = change.fields.updated_at ?? now;
      Object.assign(accepted, rules.derive?.(accepted));
      writeRow(db, table, change.rowId, accepted, audit, true);
      stampCountyVersions(db, table, change.rowId, Object.keys(accepted), station, scopeOf(table, station), bulk);
    }
    for (const field of lost) {
      const origin = known[field]![1];
      listConflict(field, origin);
      // Re-stamp the county's value (and what derives from it) so the station receives it again
      // once its own edit is acknowledged; otherwise its pending edit would shadow the county's.
      stampCountyVersions(db, table, change.rowId, [field, ...(rules.derived?.[field] ?? [])], origin, scopeOf(table, station), bulk);
    }
    summary.applied++;
  }
  clock.flush();
  return summary;
}
