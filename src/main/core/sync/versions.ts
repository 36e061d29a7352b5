/**
 * Field versions. The county is the clock: it numbers every change it accepts (one counter for
 * the whole county) and remembers, per field, the version and who wrote it. A station remembers,
 * per field, the county version it last received; that is the `base_ver` of its next edit.
 */
import type { Sqlite } from '../db/open';
import { prepared } from './statements';
import { SYNCED_TABLES, type SyncedTableName } from './tables';

export const COUNTY_ORIGIN = 'county';
const COUNTER_KEY = 'sync.county_ver';

/** [version, origin]: origin is a station code or 'county'. */
export type FieldVersion = [number, string];
export type CountyFieldVersions = Record<string, FieldVersion>;

export function currentCountyVersion(db: Sqlite): number {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(COUNTER_KEY) as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

export function readCountyVersions(db: Sqlite, table: string, id: string): { vers: CountyFieldVersions; scope: string } | null {
  const row = prepared(db, 'SELECT vers, scope FROM county_versions WHERE tbl = ? AND row_id = ?').get(table, id) as
    | { vers: string; scope: string }
    | undefined;
  return row ? { vers: JSON.parse(row.vers) as CountyFieldVersions, scope: row.scope } : null;
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
  bulk?: { clock: CountyClock; known: CountyFieldVersions },
): number {
  const clock = bulk?.clock ?? countyClock(db);
  const current = bulk?.known ?? readCountyVersions(db, table, id)?.vers ?? {};
  let ver = 0;
  for (const f of fields) current[f] = [(ver = clock.next()), origin];
  if (!bulk) clock.flush();
  const max = Math.max(ver, ...Object.values(current).map(([v]) => v));
  prepared(
    db,
    `INSERT INTO county_versions (tbl, row_id, scope, max_ver, vers) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (tbl, row_id) DO UPDATE SET scope = excluded.scope, max_ver = excluded.max_ver, vers = excluded.vers`,
  ).run(table, id, scope, max, JSON.stringify(current));
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
