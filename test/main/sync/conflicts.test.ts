/**
 * Sync between a county and its stations through the real operations: enrolment by the first
 * bundle, records reaching the county whole, concurrent edits (different fields survive, the same
 * field becomes a conflict a person resolves), duplicates, bundles out of order, a restored
 * backup, and a revoked station.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChildRecord } from '../../../src/shared/contract';
import { childInput } from '../../helpers/core';
import {
  asInput,
  childrenOf,
  copyDataDir,
  createWorld,
  freshIdNumber,
  MUZHEN,
  restoreDataDir,
  RONGCHENG,
  snapshot,
  unconfirmed,
  type StationSide,
  type World,
} from './world';

const CHINESE = /[\u4e00-\u9fff]/;

async function createChildAt(station: StationSide, over: Parameters<typeof childInput>[0] = {}): Promise<string> {
  const { id } = await station.core.call('children.create', childInput({ idNumber: freshIdNumber(), villageCode: station.villages[0]!, ...over }));
  return id;
}

async function get(side: { core: World['county']['core'] }, id: string): Promise<ChildRecord> {
  return side.core.call('children.get', { id });
}

/** Edits some fields of a record where it is, starting from that side's own copy. */
async function edit(side: { core: World['county']['core'] }, id: string, over: Parameters<typeof asInput>[1]): Promise<ChildRecord> {
  await side.core.call('children.update', { id, child: asInput(await get(side, id), over) });
  return get(side, id);
}

/** Both sides hold the same records of the station. */
async function expectAgreement(world: World, station: StationSide): Promise<void> {
  expect(await childrenOf(station.core, station.code)).toEqual(await childrenOf(world.county.core, station.code));
}

describe('enrolment', () => {
  it('the first bundle enrols the station; both sides show the same fingerprints', async () => {
    const world = await createWorld({ stations: [RONGCHENG], handshake: false });
    try {
      const station = world.station(RONGCHENG);
      const countyStatus = await world.county.core.call('sync.status', {});
      const stationStatus = await station.core.call('sync.status', {});
      expect(countyStatus.fingerprint).toMatch(/\S/);
      expect(stationStatus.fingerprint).toMatch(/\S/);
      expect(countyStatus.county!.stations).toEqual([expect.objectContaining({ code: RONGCHENG, state: 'pending', fingerprint: null })]);
      // Enrolled on its side, the station waits for the county to confirm with its first reply.
      expect(stationStatus.station).toMatchObject({ enrolment: 'awaiting_county', countyFingerprint: countyStatus.fingerprint });

      // The county cannot write to a station whose keys it has not received yet.
      await expect(world.downstream(station)).rejects.toMatchObject({ data: { code: 'validation' } });

      const up = await world.upstream(station);
      expect(await world.importAtCounty([up.path])).toEqual([expect.objectContaining({ outcome: 'applied', from: RONGCHENG })]);
      const after = await world.county.core.call('sync.status', {});
      expect(after.county!.stations).toEqual([expect.objectContaining({ code: RONGCHENG, state: 'enrolled', fingerprint: stationStatus.fingerprint })]);

      const down = await world.downstream(station);
      expect(await world.importAtStation(station, [down.path])).toEqual([expect.objectContaining({ outcome: 'applied', from: world.county.code })]);
      expect((await station.core.call('sync.status', {})).station).toMatchObject({ enrolment: 'enrolled', countyFingerprint: countyStatus.fingerprint });
    } finally {
      world.close();
    }
  });
});

describe('records and edits', () => {
  it('a child created at a station reaches the county whole, and the station then has nothing unconfirmed', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const id = await createChildAt(station, {
        notes: '父母均在外务工',
        categories: [
          { category: 'left_behind', startDate: '2024-03-01', reason: 'both_away' },
          { category: 'difficulty', startDate: '2024-05-01', reasons: ['poverty'] },
        ],
      });
      expect(await unconfirmed(station)).toBeGreaterThan(0);

      const up = await world.upstream(station);
      expect(await world.importAtCounty([up.path])).toEqual([expect.objectContaining({ outcome: 'applied', conflicts: 0 })]);
      const atStation = await get(station, id);
      expect(atStation.categories).toHaveLength(2);
      expect(await get(world.county, id)).toEqual(atStation);
      // Stored at the county, but the station has not heard so yet.
      expect(await unconfirmed(station)).toBeGreaterThan(0);

      const down = await world.downstream(station);
      expect(await world.importAtStation(station, [down.path])).toEqual([expect.objectContaining({ outcome: 'applied' })]);
      expect(await unconfirmed(station)).toBe(0);
      expect(await get(station, id)).toEqual(atStation);
      await expectAgreement(world, station);
    } finally {
      world.close();
    }
  });

  it('concurrent edits of different fields of one record both survive, on both sides', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const id = await createChildAt(station, { notes: '初次登记', schooling: 'primary' });
      await world.round();

      await edit(station, id, { notes: '已入户走访' });
      await edit(world.county, id, { schooling: 'junior' });
      await world.round();

      for (const side of [world.county, station]) {
        expect(await get(side, id)).toMatchObject({ notes: '已入户走访', schooling: 'junior' });
      }
      expect(await world.county.core.call('sync.conflicts', {})).toEqual([]);
      expect(await unconfirmed(station)).toBe(0);
      await expectAgreement(world, station);
    } finally {
      world.close();
    }
  });

  it('concurrent edits of the same field: the county value stays until a person decides; either side can be kept', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const id = await createChildAt(station, { name: '王小明', notes: '初次登记' });
      await world.round();

      const stationEdit = await edit(station, id, { notes: '站点：已转入镇中心小学' });
      await edit(world.county, id, { notes: '县局：核实为事实无人抚养' });
      await world.round();

      expect((await get(world.county, id)).notes).toBe('县局：核实为事实无人抚养');
      expect((await get(station, id)).notes).toBe('县局：核实为事实无人抚养');
      const conflicts = await world.county.core.call('sync.conflicts', {});
      expect(conflicts).toEqual([
        expect.objectContaining({
          kind: 'child',
          rowId: id,
          record: '王小明',
          field: 'notes',
          countyValue: '县局：核实为事实无人抚养',
          countyOrigin: 'county',
          stationValue: '站点：已转入镇中心小学',
          stationCode: RONGCHENG,
          stationActor: station.actor,
          stationAt: stationEdit.updatedAt,
          resolution: null,
        }),
      ]);
      expect((await world.county.core.call('sync.status', {})).county!.openConflicts).toBe(1);

      // Keep the station's value: it becomes the county's, and reaches the station as such.
      await world.county.core.call('sync.resolveConflict', { id: conflicts[0]!.id, keep: 'station' });
      expect((await get(world.county, id)).notes).toBe('站点：已转入镇中心小学');
      expect(await world.county.core.call('sync.conflicts', {})).toEqual([]);
      expect(await world.county.core.call('sync.conflicts', { open: false })).toEqual([
        expect.objectContaining({ id: conflicts[0]!.id, resolution: 'station', resolvedBy: world.county.actor }),
      ]);
      await world.round();
      expect((await get(station, id)).notes).toBe('站点：已转入镇中心小学');
      await expectAgreement(world, station);

      // A second clash, and this time the county's value is kept.
      await edit(station, id, { notes: '站点：第二次修改' });
      await edit(world.county, id, { notes: '县局：第二次修改' });
      await world.round();
      const [second, ...more] = await world.county.core.call('sync.conflicts', {});
      expect(more).toEqual([]);
      expect(second).toMatchObject({ field: 'notes', countyValue: '县局：第二次修改', stationValue: '站点：第二次修改' });
      await world.county.core.call('sync.resolveConflict', { id: second!.id, keep: 'county' });
      expect(await world.county.core.call('sync.conflicts', {})).toEqual([]);
      expect((await get(world.county, id)).notes).toBe('县局：第二次修改');
      await world.round();
      expect((await get(station, id)).notes).toBe('县局：第二次修改');
      expect(await unconfirmed(station)).toBe(0);
      await expectAgreement(world, station);
      // A resolved conflict cannot be resolved again.
      await expect(world.county.core.call('sync.resolveConflict', { id: second!.id, keep: 'station' })).rejects.toMatchObject({ data: { code: 'not_found' } });
    } finally {
      world.close();
    }
  });
  it('a rename clash keeps the search keys of the name that stays', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const id = await createChildAt(station, { name: '王芳' });
      await world.round();

      // 汪芳 sounds like 王芳 (same pinyin), so the county's rename changes only the name itself.
      await edit(station, id, { name: '李明' });
      await edit(world.county, id, { name: '汪芳' });
      await world.round();

      for (const side of [world.county, station]) {
        expect((await get(side, id)).name).toBe('汪芳');
        expect((await side.core.call('children.list', { search: 'wangfang' })).rows.map((r) => r.id)).toEqual([id]);
        expect((await side.core.call('children.list', { search: 'liming' })).rows).toEqual([]);
      }
    } finally {
      world.close();
    }
  });

  it('a rename clash is one conflict, and keeping the station name brings its search keys along', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const id = await createChildAt(station, { name: '王芳' });
      await world.round();

      await edit(station, id, { name: '张伟' });
      await edit(world.county, id, { name: '刘洋' });
      await world.round();

      // (updated_at is the subject of the tests above; here only what a person would decide on.)
      const conflicts = (await world.county.core.call('sync.conflicts', {})).filter((c) => c.field !== 'updatedAt');
      expect(conflicts.map((c) => [c.field, c.countyValue, c.stationValue])).toEqual([['name', '刘洋', '张伟']]);
      await world.county.core.call('sync.resolveConflict', { id: conflicts[0]!.id, keep: 'station' });
      await world.round();
      for (const side of [world.county, station]) {
        expect((await get(side, id)).name).toBe('张伟');
        expect((await side.core.call('children.list', { search: 'zhangwei' })).rows.map((r) => r.id)).toEqual([id]);
        expect((await side.core.call('children.list', { search: 'liuyang' })).rows).toEqual([]);
      }
    } finally {
      world.close();
    }
  });
});

describe('bundles as files', () => {
  it('importing the same bundle again says so and changes nothing, on either side', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      await createChildAt(station);
      const up = await world.upstream(station);
      expect((await world.deliver(up)).outcome).toBe('applied');
      const county = snapshot(world.county.core);
      expect(await world.importAtCounty([up.path, up.path])).toEqual([
        expect.objectContaining({ outcome: 'already_imported', reason: expect.stringMatching(CHINESE), applied: 0 }),
        expect.objectContaining({ outcome: 'already_imported', applied: 0 }),
      ]);
      expect(snapshot(world.county.core)).toEqual(county);

      const down = await world.downstream(station);
      expect((await world.deliver(down)).outcome).toBe('applied');
      const atStation = snapshot(station.core);
      expect(await world.deliver(down)).toMatchObject({ outcome: 'already_imported', reason: expect.stringMatching(CHINESE) });
      expect(snapshot(station.core)).toEqual(atStation);
    } finally {
      world.close();
    }
  });

  it('an older downstream bundle imported after a newer one changes nothing: the station ends as the county is', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const id = await createChildAt(station, { schooling: 'primary', guardianshipType: 'fair' });
      await world.round();

      await edit(world.county, id, { schooling: 'junior', notes: '县局第一次更正' });
      const older = await world.downstream(station);
      await edit(world.county, id, { schooling: 'senior', guardianshipType: 'good' });
      const newer = await world.downstream(station);

      expect((await world.deliver(newer)).outcome).toBe('applied');
      expect((await world.deliver(older)).outcome).toBe('applied');
      const county = await get(world.county, id);
      expect(county).toMatchObject({ schooling: 'senior', guardianshipType: 'good', notes: '县局第一次更正' });
      expect(await get(station, id)).toEqual(county);
      await world.round();
      await expectAgreement(world, station);
    } finally {
      world.close();
    }
  });

  it('an older upstream bundle imported after a newer one changes nothing at the county', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const id = await createChildAt(station, { notes: '第一稿' });
      const older = await world.upstream(station);
      await edit(station, id, { notes: '第二稿' });
      const newer = await world.upstream(station);

      expect((await world.deliver(newer)).outcome).toBe('applied');
      const county = snapshot(world.county.core);
      expect(await world.deliver(older)).toMatchObject({ outcome: 'applied', applied: 0 });
      expect((await get(world.county, id)).notes).toBe('第二稿');
      // Only the bookkeeping of imported bundles grew.
      const after = snapshot(world.county.core);
      expect({ ...after, sync_bundles: [], sync_stations: [] }).toEqual({ ...county, sync_bundles: [], sync_stations: [] });
      await world.round();
      await expectAgreement(world, station);
      expect(await unconfirmed(station)).toBe(0);
    } finally {
      world.close();
    }
  });

  it('a restored backup: later edits come back from the county, and new edits are not taken for ones it already has', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      const first = await createChildAt(station, { name: '陈一', notes: '备份前' });
      await world.round();

      station.core.close();
      const backup = join(world.root, 'backup');
      copyDataDir(station.dir, backup);
      world.reopen(station);

      // After the backup: a new child and an edit, synced a full round.
      const second = await createChildAt(station, { name: '陈二' });
      await edit(station, first, { notes: '备份后修改' });
      await world.round();
      const before = await childrenOf(world.county.core, RONGCHENG);
      expect(before.map((c) => c.name).sort()).toEqual(['陈一', '陈二']);

      // The PC dies; the backup is restored, and work goes on before the next sync.
      station.core.close();
      restoreDataDir(backup, station.dir);
      world.reopen(station);
      expect((await childrenOf(station.core, RONGCHENG)).map((c) => c.name)).toEqual(['陈一']);
      const third = await createChildAt(station, { name: '陈三' });
      await edit(station, first, { schooling: 'junior' });

      await world.round();
      const county = await childrenOf(world.county.core, RONGCHENG);
      expect(county.map((c) => c.name).sort()).toEqual(['陈一', '陈三', '陈二']);
      expect(county.find((c) => c.id === third)).toBeDefined();
      expect(county.find((c) => c.id === first)).toMatchObject({ notes: '备份后修改', schooling: 'junior' });
      expect(await get(station, second)).toEqual(await get(world.county, second));
      expect((await get(station, first)).notes).toBe('备份后修改');
      await world.round();
      expect(await unconfirmed(station)).toBe(0);
      await expectAgreement(world, station);
    } finally {
      world.close();
    }
  });

  it('a restored backup after several rounds: a new edit still reaches the county, and all later records come back', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      await createChildAt(station, { name: '孙一' });
      await world.round();

      station.core.close();
      const backup = join(world.root, 'backup');
      copyDataDir(station.dir, backup);
      world.reopen(station);

      // Weeks of work after the backup, synced as usual.
      await createChildAt(station, { name: '孙二' });
      await createChildAt(station, { name: '孙四' });
      await world.round();
      await world.round();

      station.core.close();
      restoreDataDir(backup, station.dir);
      world.reopen(station);
      const fresh = await createChildAt(station, { name: '孙三' });

      await world.round();
      await world.round();
      expect((await childrenOf(world.county.core, RONGCHENG)).map((c) => c.name).sort()).toEqual(['孙一', '孙三', '孙二', '孙四']);
      expect(await get(world.county, fresh)).toEqual(await get(station, fresh));
      expect((await childrenOf(station.core, RONGCHENG)).map((c) => c.name).sort()).toEqual(['孙一', '孙三', '孙二', '孙四']);
      expect(await unconfirmed(station)).toBe(0);
      await expectAgreement(world, station);
    } finally {
      world.close();
    }
  });

  it('a restored backup: a record the county corrected meanwhile comes back whole', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      await createChildAt(station, { name: '周一' });
      await world.round();

      station.core.close();
      const backup = join(world.root, 'backup');
      copyDataDir(station.dir, backup);
      world.reopen(station);

      const second = await createChildAt(station, { name: '周二' });
      await world.round();
      // The county corrects the new record: its row now has a newer version than its category row.
      await edit(world.county, second, { notes: '县局更正：监护人电话已核实' });

      station.core.close();
      restoreDataDir(backup, station.dir);
      world.reopen(station);

      await world.round();
      expect(await get(station, second)).toEqual(await get(world.county, second));
      await expectAgreement(world, station);
    } finally {
      world.close();
    }
  });

  it("a revoked station's next bundle is rejected, in Chinese, and the county database is unchanged", async () => {
    const world = await createWorld({ stations: [RONGCHENG, MUZHEN] });
    try {
      const station = world.station(RONGCHENG);
      await createChildAt(station);
      await world.round();
      await world.county.core.call('sync.revokeStation', { code: RONGCHENG });
      expect((await world.county.core.call('sync.status', {})).county!.stations).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: RONGCHENG, state: 'revoked' })]),
      );

      await createChildAt(station, { name: '赵四' });
      const up = await world.upstream(station);
      const county = snapshot(world.county.core);
      const [result] = await world.importAtCounty([up.path]);
      expect(result).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(CHINESE), applied: 0 });
      expect(snapshot(world.county.core)).toEqual(county);
      // Nothing more goes to it either.
      await expect(world.downstream(station)).rejects.toMatchObject({ data: { code: 'validation' } });
      // The other station is unaffected.
      await world.round(world.station(MUZHEN));
    } finally {
      world.close();
    }
  });
});
