/**
 * Station → county. The station sends every change the county has not acknowledged, so an old
 * bundle is a subset of a newer one and a lost USB stick loses nothing. The county applies each
 * field whose base version is current (or whose current version came from this same station) and
 * lists the others as conflicts, keeping its own value.
 */
import type { Sqlite } from '../db/open';
import { writeRow } from './applyRows';
import type { Row } from './capture';
import { digestOf, Inbox } from './inbox';
import { NewRows } from './newRows';
import type { Acks, Change, UpstreamPayload, UpstreamRanges } from './payload';
import type { WrittenRows } from './references';
import { prepared } from './statements';
import { BOOKKEEPING_COLUMNS, derivedColumns, SYNCED_TABLES, tableRules, type SyncedTableName } from './tables';
import { COUNTY_ORIGIN, countyClock, FieldSets, readCountyVersions, scopeOf, stampCountyVersions, type CountyClock } from './versions';

/** A base version of 0 (never received from the county) is what a missing one means: leave it out. */
function seenVersions(baseVers: Change['baseVers']): Change['baseVers'] {
  const seen: Change['baseVers'] = {};
  for (const f in baseVers) if (baseVers[f] !== 0) seen[f] = baseVers[f]!;
  return seen;
}

/**
 * The upstream payload as objects: the reference the export's `packUpstream` (upstreamPack.ts) must
 * match byte for byte once serialised by `upstreamPayloadText`, and the benchmark's JSON size.
 */
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
    baseVers: seenVersions(JSON.parse(r.base_vers) as Change['baseVers']),
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

/** Per table: its columns (a change naming any other is refused), and what the run has learnt of it. */
interface TableState {
  columns: Set<string>;
  /** Column lists already checked, as JSON text. */
  checked: Set<string>;
  /** Rows in the table: those the current chunk found there, plus those the run inserted since. */
  existing: Set<string>;
  /** The previous change's column list and its JSON: consecutive changes mostly share one. */
  last: { names: string[]; json: string };
}

/** JSON.stringify(names), reusing the previous text when the list is the same. */
function columnListJson(state: TableState, names: string[]): string {
  const last = state.last.names;
  if (names.length === last.length && names.every((n, i) => n === last[i])) return state.last.json;
  state.last = { names, json: JSON.stringify(names) };
  return state.last.json;
}

const bySequence = (a: { epoch: number; seq: number }, b: { epoch: number; seq: number }) => a.epoch - b.epoch || a.seq - b.seq;

/** The changes in (epoch, seq) order: as given when they already are, which is how stations write them. */
export function inSequence(changes: readonly Change[]): readonly Change[] {
  for (let i = 1; i < changes.length; i++) if (bySequence(changes[i - 1]!, changes[i]!) > 0) return [...changes].sort(bySequence);
  return changes;
}

/**
 * Applies a station's changes at the county, in the caller's transaction, a chunk at a time in
 * sequence order. `acks` is the station's acknowledgement state, updated in place: per epoch,
 * the highest sequence number stored. Every row written goes into `written`, for the caller's
 * reference check.
 */
export class UpstreamApply {
  readonly summary: UpstreamSummary = { applied: 0, alreadyHad: 0, conflicts: 0, refused: 0, reusedSequence: 0 };
  private readonly tables = new Map<string, TableState>();
  private readonly clock: CountyClock;
  private readonly sets: FieldSets;
  private readonly fresh: NewRows;
  private last = { epoch: 0, seq: 0 };

  constructor(
    private readonly db: Sqlite,
    private readonly station: string,
    /** The station's acknowledgement state, updated as changes are stored. */
    readonly acks: Acks,
    private readonly now: string,
    private readonly written: WrittenRows,
  ) {
    this.clock = countyClock(db);
    this.sets = new FieldSets(db);
    this.fresh = new NewRows(db, this.sets, this.clock, { origin: station, scope: station, now });
  }

  /** Whether `changes` continue the sequence order of what was applied so far. */
  continuesInOrder(changes: readonly Change[]): boolean {
    let previous = this.last;
    for (const c of changes) {
      if (bySequence(previous, c) > 0) return false;
      previous = c;
    }
    return true;
  }

  /** Applies the next changes; they must continue in sequence order (see `continuesInOrder`). */
  apply(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    const inbox = new Inbox(this.db, this.station, changes);
    this.refreshTables(changes);
    for (const change of changes) this.applyOne(change, inbox);
    const last = changes[changes.length - 1]!;
    this.last = { epoch: last.epoch, seq: last.seq };
    this.fresh.flush();
    inbox.flush();
  }

  finish(): UpstreamSummary {
    this.fresh.flush();
    this.clock.flush();
    return this.summary;
  }

  /** Which rows of this chunk each table already holds: one query per table instead of one per change. */
  private refreshTables(changes: readonly Change[]): void {
    const ids = new Map<string, string[]>();
    for (const c of changes) {
      // Only a station's own registers: the rest is refused, never looked up.
      if (!Object.hasOwn(SYNCED_TABLES, c.tbl) || SYNCED_TABLES[c.tbl as SyncedTableName].owner !== 'station') continue;
      let list = ids.get(c.tbl);
      if (!list) ids.set(c.tbl, (list = []));
      list.push(c.rowId);
    }
    for (const [table, list] of ids) {
      let state = this.tables.get(table);
      if (!state) {
        const columns = new Set((this.db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
        this.tables.set(table, (state = { columns, checked: new Set(), existing: new Set(), last: { names: [], json: '[]' } }));
      }
      const found = prepared(this.db, `SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(list)) as { id: string }[];
      state.existing = new Set(found.map((r) => r.id));
    }
  }

  /** One change: receipt and acknowledgement, column check, then a new row or a field merge. */
  private applyOne(change: Change, inbox: Inbox): void {
    if (!this.receive(change, inbox)) return;
    const table = change.tbl as SyncedTableName;
    const state = this.tables.get(table);
    const names = Object.keys(change.fields);
    const json = state && this.columnsKnown(state, names);
    if (!state || !json) {
      this.summary.refused++;
      return;
    }
    const actor = `${this.station}:${change.actor}`;
    if (!state.existing.has(change.rowId) && change.fields.station_code === this.station) {
      // A record born at the station, new here: taken whole, nothing to compare with.
      this.fresh.insert(table, change.rowId, change.fields, names, json, actor);
      state.existing.add(change.rowId);
      this.written.add(table, change.rowId);
      this.summary.applied++;
      return;
    }
    this.merge(table, change, names, actor);
  }

  /**
   * Records the change as received and moves the acknowledgement; false when the county already
   * stored exactly this change (a bundle imported twice, or a newer one repeating it).
   */
  private receive(change: Change, inbox: Inbox): boolean {
    const digest = digestOf(change);
    const seen = inbox.stored(change.epoch, change.seq);
    if (seen === digest) {
      this.summary.alreadyHad++;
      return false;
    }
    // A known sequence number with other content: the station was restored from a backup and
    // wrote anew. Apply it; the station moves to a new epoch when it sees our acknowledgement.
    if (seen !== undefined) this.summary.reusedSequence++;
    inbox.remember(change.epoch, change.seq, digest);
    // Contiguity: a change past a gap is applied, but the ack waits for the gap to fill.
    const acked = this.acks[String(change.epoch)] ?? 0;
    if (change.seq === acked + 1) this.acks[String(change.epoch)] = change.seq;
    return true;
  }

  /** The column list as JSON when every column exists in the table (and none is the id); else null. */
  private columnsKnown(state: TableState, names: string[]): string | null {
    const json = columnListJson(state, names);
    if (state.checked.has(json)) return json;
    if (names.some((f) => !state.columns.has(f) || f === 'id')) return null;
    state.checked.add(json);
    return json;
  }

  /**
   * A change to a row the county has: each field a person edits is taken when the station saw the
   * county's current version of it (see `stationWins`), otherwise listed as a conflict and the
   * county's value kept. Derived and bookkeeping columns follow the fields they come from.
   */
  private merge(table: SyncedTableName, change: Change, names: string[], actor: string): void {
    const { db, station, now } = this;
    // This reads rows and versions: what the batches hold must be in the tables first.
    this.fresh.flush();
    const current = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(change.rowId) as Row | undefined;
    const owner = current ? String(current.station_code) : change.fields.station_code;
    const rules = tableRules(table);
    const derived = derivedColumns(table);
    const decided = names.filter((f) => !derived.has(f) && !BOOKKEEPING_COLUMNS.has(f));
    const conflict = (field: string, origin: string) => this.listConflict(table, change, field, current, origin);
    if (owner !== station || !current) {
      // Not (or no longer) this station's record, e.g. moved to another township meanwhile.
      for (const field of decided) conflict(field, COUNTY_ORIGIN);
      return;
    }
    const versions = readCountyVersions(db, table, change.rowId, this.sets);
    const known = versions?.vers ?? {};
    const bulk = { clock: this.clock, stored: versions?.stored ?? { whole: null, own: {} } };
    const accepted: Row = {};
    const lost: string[] = [];
    for (const field of decided) {
      const value = change.fields[field] ?? null;
      const [countyVer, origin] = known[field] ?? [0, station];
      if (stationWins({ baseVer: change.baseVers[field] ?? 0, countyVer, origin, station, same: current[field] === value })) accepted[field] = value;
      else lost.push(field);
    }
    if (Object.keys(accepted).length > 0) {
      if ('updated_at' in change.fields) accepted.updated_at = change.fields.updated_at ?? now;
      Object.assign(accepted, rules.derive?.(accepted));
      writeRow(db, table, change.rowId, accepted, { actor, operation: 'sync.import', now }, true);
      this.written.add(table, change.rowId);
      stampCountyVersions(db, table, change.rowId, Object.keys(accepted), station, scopeOf(table, station), bulk);
    }
    for (const field of lost) {
      const origin = known[field]![1];
      conflict(field, origin);
      // Re-stamp the county's value (and what derives from it) so the station receives it again
      // once its own edit is acknowledged; otherwise its pending edit would shadow the county's.
      stampCountyVersions(db, table, change.rowId, [field, ...(rules.derived?.[field] ?? [])], origin, scopeOf(table, station), bulk);
    }
    this.summary.applied++;
  }

  private listConflict(table: SyncedTableName, change: Change, field: string, current: Row | undefined, origin: string): void {
    prepared(
      this.db,
      `INSERT INTO sync_conflicts (tbl, row_id, field, county_value, county_origin, station_code, station_value, station_actor, station_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(table, change.rowId, field, current ? JSON.stringify(current[field] ?? null) : null, origin, this.station, JSON.stringify(change.fields[field] ?? null), change.actor, change.at, this.now);
    this.summary.conflicts++;
  }
}

/**
 * The merge rule for one field. The station's value is taken when it was edited on top of the
 * county's current version (nobody changed it at the county meanwhile), when that version came
 * from this same station, or when both already agree. Otherwise the county changed it meanwhile:
 * a person decides.
 */
function stationWins(f: { baseVer: number; countyVer: number; origin: string; station: string; same: boolean }): boolean {
  return f.baseVer >= f.countyVer || f.origin === f.station || f.same;
}
