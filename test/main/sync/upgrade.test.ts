/**
 * A county database from before migration 0005 holds every record's versions field by field
 * ({field: [version, origin]}), with no field sets. Upgraded, it must keep those versions: the
 * same per-field conflicts, the same records sent down, and new records stored the new way beside
 * the old ones.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChildRecord } from '../../../src/shared/contract';
import { createCore } from '../../../src/main/core/core';
import { DB_FILE } from '../../../src/main/core/db/open';
import { childInput } from '../../helpers/core';
import { asInput, childrenOf, createWorld, freshIdNumber, RONGCHENG, type Side, type StationSide } from './world';

const BEFORE_FIELD_SETS = 4;

type Versions = Record<string, [number, string] | [number, string, number]>;

/** Rewrites the county's versions in the form of schema 4 and takes the database back to it. */
function downgradeToSchema4(dir: string): number {
  const db = new Database(join(dir, DB_FILE));
  try {
    const sets = new Map((db.prepare('SELECT id, fields FROM county_field_sets').all() as { id: number; fields: string }[]).map((s) => [s.id, JSON.parse(s.fields) as string[]]));
    const rows = db.prepare('SELECT tbl, row_id, vers FROM county_versions').all() as { tbl: string; row_id: string; vers: string }[];
    const rewrite = db.prepare('UPDATE county_versions SET vers = ? WHERE tbl = ? AND row_id = ?');
    let expanded = 0;
    db.transaction(() => {
      for (const r of rows) {
        const { '': whole, ...own } = JSON.parse(r.vers) as Versions;
        if (!whole) continue;
        const perField: Versions = {};
        for (const f of sets.get(whole[2]!)!) perField[f] = [whole[0], whole[1]];
        rewrite.run(JSON.stringify({ ...perField, ...own }), r.tbl, r.row_id);
        expanded++;
      }
      db.exec('DROP TABLE county_field_sets');
      // Later migrations are undone too, so schema 4 is what the upgrade starts from.
      db.exec('ALTER TABLE visits DROP COLUMN child_check');
      for (const table of ['meal_sites', 'meal_diners', 'meal_attendance', 'meal_months']) db.exec(`DROP TABLE ${table}`);
      db.pragma(`user_version = ${BEFORE_FIELD_SETS}`);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return expanded;
  } finally {
    db.close();
  }
}

async function get(side: Side, id: string): Promise<ChildRecord> {
  return side.core.call('children.get', { id });
}

async function edit(side: Side, id: string, over: Parameters<typeof asInput>[1]): Promise<void> {
  await side.core.call('children.update', { id, child: asInput(await get(side, id), over) });
}

async function createChildAt(station: StationSide, notes: string): Promise<string> {
  return (await station.core.call('children.create', childInput({ idNumber: freshIdNumber(), villageCode: station.villages[0]!, notes }))).id;
}

describe('a county database from before field sets (schema 4), upgraded', () => {
  it('keeps every per-field version: conflicts and downstream rows as before', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const older = await createChildAt(station, '旧库登记');
      await world.round();

      // The county as schema 4 left it, then opened by this release.
      world.county.core.close();
      expect(downgradeToSchema4(world.county.dir)).toBeGreaterThan(0);
      world.county.core = createCore({ dataDir: world.county.dir, actor: world.county.actor });
      expect(world.county.core.db.pragma('user_version', { simple: true })).toBeGreaterThan(BEFORE_FIELD_SETS);
      const oldForm = world.county.core.db.prepare("SELECT vers FROM county_versions WHERE tbl = 'children' AND row_id = ?").get(older) as { vers: string };
      expect(Object.keys(JSON.parse(oldForm.vers) as Versions)).not.toContain('');

      // The same field on both sides: a conflict, the county's value kept. Another field: applied.
      await edit(world.county, older, { notes: '县局：升级后修改' });
      await edit(station, older, { notes: '站点：升级后修改', schooling: 'junior' });
      const newer = await createChildAt(station, '升级后登记');
      await world.round();
      const conflicts = await world.county.core.call('sync.conflicts', {});
      expect(conflicts).toEqual([expect.objectContaining({ rowId: older, field: 'notes', countyValue: '县局：升级后修改', stationValue: '站点：升级后修改', countyOrigin: 'county' })]);
      for (const side of [world.county, station]) expect(await get(side, older)).toMatchObject({ notes: '县局：升级后修改', schooling: 'junior' });

      // The new record is stored the new way, beside the old form.
      const newForm = world.county.core.db.prepare("SELECT vers FROM county_versions WHERE tbl = 'children' AND row_id = ?").get(newer) as { vers: string };
      expect(Object.keys(JSON.parse(newForm.vers) as Versions)).toEqual(['']);

      // And a record of either form edited at the county reaches the station.
      await edit(world.county, older, { schooling: 'senior' });
      await edit(world.county, newer, { notes: '县局：新记录修改' });
      await world.round();
      expect(await get(station, older)).toMatchObject({ schooling: 'senior' });
      expect(await get(station, newer)).toMatchObject({ notes: '县局：新记录修改' });
      expect(await childrenOf(station.core, RONGCHENG)).toEqual(await childrenOf(world.county.core, RONGCHENG));
    } finally {
      world.close();
    }
  });
});
