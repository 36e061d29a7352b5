/**
 * Field versions. The county is the clock: it numbers every change it accepts (one counter for
 * the whole county) and remembers, per field, the version and who wrote it. A station remembers,
 * per field, the county version it last received; that is the `base_ver` of its next edit.
 *
 * Stored form at the county (county_versions.vers, one row per record): a JSON object
 * {field: [version, origin]}. A record taken whole from a station holds instead one entry under
 * the key "" — [version, origin, field set id] — standing for every field of that set (the set's
 * column list is in county_field_sets). A field's own entry overrides the "" entry. Every reader
 * goes through `fullVersions`, so both forms mean the same per-field versions.
 */
import type { Sqlite } from '../db/open';
import { prepared } from './statements';
import { SYNCED_TABLES, type SyncedTableName } from './tables';

export const COUNTY_ORIGIN = 'county';
const COUNTER_KEY = 'sync.county_ver';
const WHOLE_ROW = '';

/** [version, origin]: origin is a station code or 'county'. */
export type FieldVersion = [number, string];
export type CountyFieldVersions = Record<string, FieldVersion>;
/** [version, origin, field set id]: every field of the set at that version. */
export type WholeRowVersion = [number, string, number];

/** A record's county versions as stored: the whole-row entry, if any, and the fields' own entries. */
export interface StoredVersions {
  whole: WholeRowVersion | null;
  own: CountyFieldVersions;
}

export function currentCountyVersion(db: Sqlite): number {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(COUNTER_KEY) as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/**
 * Field sets by id and by their JSON text. Remembered only for one transaction (or one savepoint):
 * a set inserted there and rolled back must not be named by a later write.
 */
export class FieldSets {
  private readonly ids = new Map<string, number>();
  private readonly lists = new Map<number, readonly string[]>();

  constructor(private readonly db: Sqlite) {}

  /** The id of the field list whose JSON text is `json`, made if new. */
  idOf(json: string): number {
    let id = this.ids.get(json);
    if (id === undefined) {
      prepared(this.db, 'INSERT INTO county_field_sets (fields) VALUES (?) ON CONFLICT (fields) DO NOTHING').run(json);
      id = (prepared(this.db, 'SELECT id FROM county_field_sets WHERE fields = ?').get(json) as { id: number }).id;
      this.ids.set(json, id);
    }
    return id;
  }

  fieldsOf(id: number): readonly string[] {
    let list = this.lists.get(id);
    if (!list) {
      const row = prepared(this.db, 'SELECT fields FROM county_field_sets WHERE id = ?').get(id) as { fields: string } | undefined;
      if (!row) throw new Error(`county_field_sets has no set ${id}`);
      this.lists.set(id, (list = JSON.parse(row.fields) as string[]));
    }
    return list;
  }
}

export function decodeVersions(text: string): StoredVersions {
  const own = JSON.parse(text) as Record<string, FieldVersion | WholeRowVersion>;
  const whole = own[WHOLE_ROW];
  if (whole === undefined) return { whole: null, own: own as CountyFieldVersions };
  delete own[WHOLE_ROW];
  return { whole: whole as WholeRowVersion, own: own as CountyFieldVersions };
}

export function encodeVersions(stored: StoredVersions): string {
  return JSON.stringify(stored.whole ? { [WHOLE_ROW]: stored.whole, ...stored.own } : stored.own);
}

/** The stored form of a record taken whole: one entry for all of `fieldSet`. `originJson` is the origin as a JSON string. */
export function wholeRowVersions(ver: number, originJson: string, fieldSet: number): string {
  return `{"${WHOLE_ROW}":[${ver},${originJson},${fieldSet}]}`;
}

/** Every field's [version, origin]. */
export function fullVersions(stored: StoredVersions, sets: FieldSets): CountyFieldVersions {
  if (!stored.whole) return { ...stored.own };
  const [ver, origin, set] = stored.whole;
  const out: CountyFieldVersions = {};
  for (const f of sets.fieldsOf(set)) out[f] = [ver, origin];
  return Object.assign(out, stored.own);
}

function highestVersion(stored: StoredVersions): number {
  let max = stored.whole?.[0] ?? 0;
  for (const [v] of Object.values(stored.own)) if (v > max) max = v;
  return max;
}

export interface CountyRowVersions {
  /** Every field's version, as the conflict rules read them. */
  vers: CountyFieldVersions;
  stored: StoredVersions;
  scope: string;
}

function readStored(db: Sqlite, table: string, id: string): { stored: StoredVersions; scope: string } | null {
  const row = prepared(db, 'SELECT vers, scope FROM county_versions WHERE tbl = ? AND row_id = ?').get(table, id) as
    | { vers: string; scope: string }
    | undefined;
  return row ? { stored: decodeVersions(row.vers), scope: row.scope } : null;
}

export function readCountyVersions(db: Sqlite, table: string, id: string, sets = new FieldSets(db)): CountyRowVersions | null {
  const row = readStored(db, table, id);
  return row ? { ...row, vers: fullVersions(row.stored, sets) } : null;
}

/** Whose records a row is: its owner station, or every station for county reference data. */
export function scopeOf(table: SyncedTableName, stationCode: string): string {
  return SYNCED_TABLES[table].owner === 'county' ? '*' : stationCode;
}

/** The county's version counter, read once and written once per transaction on bulk paths. */
export interface CountyClock {
  next(): number;
  flush(): void;
}

export function countyClock(db: Sqlite): CountyClock {
  let ver = currentCountyVersion(db);
  let dirty = false;
  return {
    next() {
      dirty = true;
      return ++ver;
    },
    flush() {
      if (dirty) prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(COUNTER_KEY, String(ver));
      dirty = false;
    },
  };
}

/** The upsert of a record's versions, in parts for a many-row statement: head, five values, tail. */
export const COUNTY_VERSIONS_UPSERT = {
  head: 'INSERT INTO county_versions (tbl, row_id, scope, max_ver, vers)',
  tail: 'ON CONFLICT (tbl, row_id) DO UPDATE SET scope = excluded.scope, max_ver = excluded.max_ver, vers = excluded.vers',
} as const;

/**
 * Stamps `fields` of a row with fresh county versions from `origin`; returns the highest one.
 * Runs inside the caller's transaction. A bulk caller passes its clock (flushed by the caller)
 * and the versions it already read (updated in place).
 */
export function stampCountyVersions(
  db: Sqlite,
  table: SyncedTableName,
  id: string,
  fields: string[],
  origin: string,
  scope: string,
  bulk?: { clock: CountyClock; stored: StoredVersions },
): number {
  const clock = bulk?.clock ?? countyClock(db);
  const stored = bulk?.stored ?? readStored(db, table, id)?.stored ?? { whole: null, own: {} };
  for (const f of fields) stored.own[f] = [clock.next(), origin];
  if (!bulk) clock.flush();
  const max = highestVersion(stored);
  prepared(db, `${COUNTY_VERSIONS_UPSERT.head} VALUES (?, ?, ?, ?, ?) ${COUNTY_VERSIONS_UPSERT.tail}`).run(table, id, scope, max, encodeVersions(stored));
  return max;
}

/** Station side: the county versions last received for a row's fields. */
export function readStationVersions(db: Sqlite, table: string, id: string): Record<string, number> {
  const row = prepared(db, 'SELECT vers FROM sync_versions WHERE tbl = ? AND row_id = ?').get(table, id) as { vers: string } | undefined;
  return row ? (JSON.parse(row.vers) as Record<string, number>) : {};
}

export function writeStationVersions(db: Sqlite, table: string, id: string, vers: Record<string, number>): void {
  prepared(db, 'INSERT INTO sync_versions (tbl, row_id, vers) VALUES (?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET vers = excluded.vers').run(
    table,
    id,
    JSON.stringify(vers),
  );
}

/**
 * A row left `fromScope` (a transfer): remember it at the current county version, so the next
 * downstream bundle for that station carries the row with its new owner.
 */
export function recordScopeMove(db: Sqlite, table: SyncedTableName, id: string, fromScope: string): void {
  prepared(
    db,
    `INSERT INTO county_scope_moves (tbl, row_id, from_scope, ver) VALUES (?, ?, ?, ?)
     ON CONFLICT (tbl, row_id, from_scope) DO UPDATE SET ver = excluded.ver`,
  ).run(table, id, fromScope, currentCountyVersion(db));
}
