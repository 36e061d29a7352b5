/** A child who moved townships: the county transfers the record; both stations learn of it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/core';
import { childInput, tempDir } from '../../helpers/core';

const PASS = 'transfer-passphrase';

async function enrolled(county: Core, code: string, name: string): Promise<Core> {
  const file = join(tempDir(), `${code}.json`);
  await county.call('sync.enrolStation', { code, outPath: file });
  const station = createCore({ dataDir: tempDir(), actor: `staff-${code}` });
  await station.call('station.init', { role: 'station', code, name });
  await station.call('sync.acceptEnrolment', { path: file, passphrase: PASS });
  return station;
}

/** station → county → station, as files. */
async function round(county: Core, station: Core, code: string): Promise<void> {
  const dir = tempDir();
  const up = await station.call('sync.exportBundle', { outPath: join(dir, 'up.slbundle'), passphrase: PASS });
  await county.call('sync.importBundles', { paths: [up.path], passphrase: PASS });
  const down = await county.call('sync.exportBundle', { outPath: join(dir, 'down.slbundle'), passphrase: PASS, for: code });
  const r = await station.call('sync.importBundles', { paths: [down.path], passphrase: PASS });
  expect(r.results[0]!.outcome).toBe('applied');
}

describe('transfers', () => {
  it('moves a child to the new township station with its categories, and out of the old one', async () => {
    const county = createCore({ dataDir: tempDir(), actor: 'county-staff' });
    await county.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    await county.call('sync.createKeys', { passphrase: PASS });
    const a = await enrolled(county, '341723100', '蓉城镇社工站');
    const b = await enrolled(county, '341723101', '木镇镇社工站');
    const { id } = await a.call('children.create', childInput());
    await round(county, a, '341723100');
    await round(county, b, '341723101');

    const toVillage = (await county.call('places.tree', {})).townships.find((t) => t.code === '341723101')!.villages[0]!.code;
    expect(await county.call('children.transfer', { id, villageCode: toVillage })).toEqual({ id, stationCode: '341723101' });
    expect((await county.call('children.list', { stationCode: '341723101' })).rows.map((r) => r.id)).toEqual([id]);

    await round(county, a, '341723100');
    await round(county, b, '341723101');
    // The old station no longer lists or edits the child; the row stays with its history.
    expect((await a.call('children.list', {})).total).toBe(0);
    await expect(a.call('children.update', { id, child: childInput({ notes: '旧站修改' }) })).rejects.toMatchObject({ data: { code: 'conflict' } });
    expect(a.db.prepare('SELECT station_code FROM children WHERE id = ?').get(id)).toEqual({ station_code: '341723101' });
    // The new station has the whole record and can keep it up.
    const atB = await b.call('children.get', { id });
    expect(atB).toMatchObject({ name: '张三', villageCode: toVillage, stationCode: '341723101' });
    expect(atB.categories).toHaveLength(1);
    await b.call('children.update', { id, child: { ...childInput({ villageCode: toVillage, notes: '新站走访' }), categories: atB.categories } });
    await round(county, b, '341723101');
    expect((await county.call('children.get', { id })).notes).toBe('新站走访');
    expect((await county.call('sync.conflicts', {})).length).toBe(0);
  });

  it('refuses a village in another township on an ordinary edit', async () => {
    const county = createCore({ dataDir: tempDir() });
    await county.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    const { id } = await county.call('children.create', childInput());
    const other = (await county.call('places.tree', {})).townships.find((t) => t.code === '341723102')!.villages[0]!.code;
    await expect(county.call('children.update', { id, child: childInput({ villageCode: other }) })).rejects.toMatchObject({
      data: { fieldErrors: { villageCode: expect.stringContaining('迁移') } },
    });
  });
});
