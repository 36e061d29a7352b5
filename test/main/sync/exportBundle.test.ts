/**
 * What an export writes and reports: the payload line for line as the outbox holds it, records
 * counted per kind in words a worker reads, and a file name that says which station and when.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCountsText, SYNCED_KIND_LABELS, type SyncedKind } from '../../../src/shared/contract';
import { bundleFileName } from '../../../src/shared/domain/bundleNames';
import { openBundle } from '../../../src/main/core/sync/bundleFile';
import { upstreamPayloadText } from '../../../src/main/core/sync/changeLines';
import { unlockKeys } from '../../../src/main/core/sync/keystore';
import { buildUpstream } from '../../../src/main/core/sync/upstream';
import { packUpstream } from '../../../src/main/core/sync/upstreamPack';
import { SYNCED_TABLES, syncedKindOf, type SyncedTableName } from '../../../src/main/core/sync/tables';
import { childInput, elderInput, tempDir, validId } from '../../helpers/core';
import { createWorld, RONGCHENG, type World } from './world';

let world: World;

beforeAll(async () => {
  world = await createWorld({ stations: [RONGCHENG] });
}, 60_000);

afterAll(() => world.close());

describe('every synced table is a kind of record people can read', () => {
  it('has a kind with a Chinese label, so no screen shows a table name', () => {
    for (const table of Object.keys(SYNCED_TABLES) as SyncedTableName[]) {
      const kind = syncedKindOf(table);
      expect(kind, `${table} has no kind of record`).toBeDefined();
      const label = SYNCED_KIND_LABELS[kind as SyncedKind];
      expect(label, `${table} (${kind}) has no label`).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(recordCountsText({ [kind!]: 2 })).not.toMatch(/[a-z_]/i);
    }
  });
});

describe('a station export', () => {
  it('counts records per kind, a person once however often it changed, in words a worker reads', async () => {
    const station = world.station(RONGCHENG);
    const { id } = await station.core.call('children.create', childInput());
    await station.core.call('children.update', { id, child: childInput({ notes: '父母春节回家' }) });
    await station.core.call('children.update', { id, child: childInput({ notes: '父母春节回家探望' }) });
    await station.core.call('elders.create', elderInput());
    const r = await station.core.call('sync.exportBundle', { outPath: join(world.root, 'bundles'), passphrase: station.passphrase });
    expect(r.records).toEqual({ child: 1, childCategory: 1, elder: 1, elderGroup: 1 });
    expect(r.changes).toBe(6);
    expect(recordCountsText(r.records)).toBe('儿童 1 人、儿童类别 1 条、老人 1 人、老人对象类别 1 条');
    await world.round();
  });

  it('writes the payload line for line as the outbox holds it, base versions from the county included', async () => {
    const station = world.station(RONGCHENG);
    // After the round the county's versions are known here: the next edits carry base versions.
    const [row] = (await station.core.call('children.list', { limit: 1 })).rows;
    await station.core.call('children.update', { id: row!.id, child: childInput({ name: '李小明', notes: '已转学' }) });
    const built = buildUpstream(station.core.db, 0);
    expect(built.payload.changes.some((c) => Object.values(c.baseVers).some((v) => v > 0))).toBe(true);
    const packed = await packUpstream(station.core.db, () => {});
    expect(gunzipSync(packed.compressed).toString('utf8')).toBe(upstreamPayloadText(built.payload));
    expect(packed.counts).toEqual(built.counts);
    expect(packed.ranges).toEqual(built.ranges.changes);

    // And the county reads the bundle: its manifest and payload as before.
    const path = (await world.upstream(station)).path;
    const opened = await openBundle(readFileSync(path), {
      identity: unlockKeys(world.county.dir, world.county.passphrase).ageIdentity,
      senderKey: () => unlockKeys(station.dir, station.passphrase).signPublic,
    });
    expect(opened.payload.toString('utf8')).toBe(upstreamPayloadText(built.payload));
    expect(opened.manifest.counts).toEqual(built.counts);
    await world.round();
  });

  it('an empty outbox is an empty payload', async () => {
    const packed = await packUpstream(world.station(RONGCHENG).core.db, () => {});
    expect(gunzipSync(packed.compressed).toString('utf8')).toBe('{"changes":[]}');
    expect(packed.changes).toBe(0);
  });

  it('reports its progress while packing', async () => {
    const station = world.station(RONGCHENG);
    await station.core.call('children.create', childInput({ name: '张小红', idNumber: validId('34172320150301002') }));
    const seen: { phase: string; done: number; total: number }[] = [];
    await station.core.call('sync.exportBundle', { outPath: join(world.root, 'bundles'), passphrase: station.passphrase }, { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['正在打包本站的修改', '正在签名并加密', '正在保存数据包']));
    const packing = seen.filter((p) => p.phase === '正在打包本站的修改');
    expect(packing.at(-1)).toMatchObject({ done: packing.at(-1)!.total });
  });
});

describe('bundle file names', () => {
  it('name the station, the direction and the time, and two exports in one minute never overwrite each other', async () => {
    const station = world.station(RONGCHENG);
    const out = tempDir('ledger-stick-');
    const before = new Date();
    const first = await station.core.call('sync.exportBundle', { outPath: out, passphrase: station.passphrase });
    const second = await station.core.call('sync.exportBundle', { outPath: out, passphrase: station.passphrase });
    const after = new Date();
    const expected = [before, after].map((at) => bundleFileName({ direction: 'toCounty', station: { code: RONGCHENG, name: '蓉城镇社工站' }, at }));
    expect(expected).toContain(basename(first.path));
    expect(basename(first.path)).toMatch(/^341723100-\d{8}-\d{4}-蓉城镇社工站-发往县局\.slbundle$/);
    expect(second.path).not.toBe(first.path);
    expect(readdirSync(out)).toHaveLength(2);

    const down = await world.county.core.call('sync.exportBundle', { outPath: out, passphrase: world.county.passphrase, for: RONGCHENG });
    expect(basename(down.path)).toMatch(/^341723100-\d{8}-\d{4}-蓉城镇社工站-县局回传\.slbundle$/);
    expect(down.records.place ?? 0).toBeGreaterThanOrEqual(0);

    const data = await station.core.call('sync.exportBundleData', { passphrase: station.passphrase });
    expect(data.fileName).toMatch(/^341723100-\d{8}-\d{4}-蓉城镇社工站-发往县局\.slbundle$/);
  });
});
