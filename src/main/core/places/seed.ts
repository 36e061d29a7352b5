import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShippedCounty } from '../../../shared/contract';
import type { Sqlite } from '../db/open';
import { writeRow } from '../sync/applyRows';
import { insertRow, type WriteContext } from '../sync/capture';

export interface PlaceSeed {
  county: { code: string; name: string; city: string; province: string };
  townships: { code: string; name: string; villages: { code: string; name: string }[] }[];
}

export const DEFAULT_COUNTY = '341723';

/** The county's divisions, reduced from the national package at build time (build/seed-places.mjs). */
export function placeSeedFile(appRoot: string, countyCode: string): string {
  return join(appRoot, 'dist', 'seed', `places-${countyCode}.json`);
}

export function loadPlaceSeed(appRoot: string, countyCode = DEFAULT_COUNTY): PlaceSeed {
  const file = placeSeedFile(appRoot, countyCode);
  if (!existsSync(file)) throw new Error(`place seed ${file} is missing: run "npm run build:places"`);
  return JSON.parse(readFileSync(file, 'utf8')) as PlaceSeed;
}

/** The counties whose seed ships in `dist/seed`, with their townships, in code order. */
export function shippedCounties(appRoot: string): ShippedCounty[] {
  const dir = join(appRoot, 'dist', 'seed');
  const codes = existsSync(dir) ? readdirSync(dir).flatMap((f) => /^places-(\d{6})\.json$/.exec(f)?.[1] ?? []).sort() : [];
  return codes.map((code) => {
    const seed = loadPlaceSeed(appRoot, code);
    return { code: seed.county.code, name: seed.county.name, townships: seed.townships.map((t) => ({ code: t.code, name: t.name })) };
  });
}

/**
 * Writes the divisions as county-owned reference rows, skipping those already present. At the
 * county they are edits (stamped with county versions, sent to every station); at a station they
 * stand in for reference data not yet received, at version 0, so the county's copy overrides them.
 */
export function seedPlaces(w: WriteContext, seed: PlaceSeed): number {
  const exists = (db: Sqlite, id: string) => db.prepare('SELECT 1 FROM places WHERE id = ?').get(id) !== undefined;
  const owner = seed.county.code;
  let added = 0;
  const add = (id: string, level: 'county' | 'township' | 'village', name: string, parent: string | null) => {
    if (exists(w.db, id)) return;
    const values = { level, name, parent_code: parent };
    if (w.role === 'county') insertRow(w, 'places', id, values, owner);
    else writeRow(w.db, 'places', id, { station_code: owner, created_at: w.now, updated_at: w.now, deleted: 0, ...values }, w);
    added++;
  };
  add(seed.county.code, 'county', seed.county.name, null);
  for (const t of seed.townships) {
    add(t.code, 'township', t.name, seed.county.code);
    for (const v of t.villages) add(v.code, 'village', v.name, t.code);
  }
  return added;
}
