/**
 * Network sync against a real `station-ledger serve` process on 127.0.0.1: the same bundles as
 * the USB stick, unenrolled senders refused, bodies bounded, and a dropped connection harmless.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../src/main/core/appRoot';
import { createCore, type Core } from '../../../src/main/core/core';
import { HUB_EXCHANGE_PATH, postBundle, type HubCredentials } from '../../../src/main/core/sync/hubClient';
import { unlockKeys } from '../../../src/main/core/sync/keystore';
import { getState } from '../../../src/main/core/sync/state';
import { MAX_HUB_BUNDLE_BYTES } from '../../../src/shared/contract';
import { childInput, tempDir, validId } from '../../helpers/core';

const COUNTY_PASS = 'county-passphrase';
const STATION_PASS = 'station-passphrase';
const root = findAppRoot();
let countyDir: string;
let station: Core;
let hub: ChildProcess;
let hubUrl: string;
let enrolmentFile: string;

/** What the station's own sync would sign with. */
const credentials = (core: Core, code = '341723100'): HubCredentials => ({
  station: code,
  signPrivate: unlockKeys(core.dataDir, STATION_PASS).signPrivate,
  enrolmentToken: getState(core.db, 'enrolmentToken'),
});

async function startServe(dir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), 'serve', '--port', '0', '--data-dir', dir], {
    cwd: root,
    env: { ...process.env, STATION_LEDGER_PASSPHRASE: COUNTY_PASS },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    proc.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(seen);
      if (m) resolve(m[0]);
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${seen}`)));
  });
  return { proc, url };
}

beforeAll(async () => {
  countyDir = tempDir('ledger-county-');
  const county = createCore({ dataDir: countyDir, actor: 'county-tester' });
  await county.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  await county.call('sync.createKeys', { passphrase: COUNTY_PASS });
  const enrolment = join(tempDir(), 'enrol.json');
  enrolmentFile = enrolment;
  await county.call('sync.enrolStation', { code: '341723100', outPath: enrolment });
  county.close();
  station = createCore({ dataDir: tempDir('ledger-station-'), actor: 'station-tester' });
  await station.call('station.init', { role: 'station', code: '341723100', name: '蓉城镇社工站' });
  await station.call('sync.acceptEnrolment', { path: enrolment, passphrase: STATION_PASS });
  ({ proc: hub, url: hubUrl } = await startServe(countyDir));
}, 60_000);

afterAll(() => {
  hub?.kill('SIGTERM');
  station?.close();
});

describe('network sync with the county hub', () => {
  it('pushes the station bundle and applies the county reply in one call', async () => {
    const { id } = await station.call('children.create', childInput());
    const r = await station.call('sync.withHub', { hubUrl, passphrase: STATION_PASS });
    expect(r.sent.records).toMatchObject({ child: 1, childCategory: 1 });
    expect(r.received).toMatchObject({ outcome: 'applied', from: '341723' });
    const status = await station.call('sync.status', {});
    expect(status.station).toMatchObject({ enrolment: 'enrolled', unconfirmed: 0 });
    expect(status.station!.lastExportedAt).not.toBeNull();
    expect(status.station!.lastConfirmedAt).not.toBeNull();
    // The county has the child (read its database directly: the hub process owns the core).
    const county = createCore({ dataDir: countyDir });
    expect((await county.call('children.get', { id })).name).toBe('张三');
    county.close();
  });

  it('a connection dropped after the county applied leaves the station as it was, and the next sync completes', async () => {
    const { id } = await station.call('children.create', childInput({ name: '李四', idNumber: validId('34172320160202002') }));
    const before = (await station.call('sync.status', {})).station!.unconfirmed;
    expect(before).toBeGreaterThan(0);
    // Send the station's bundle ourselves, signed as the station would, and drop the reply on the floor.
    const out = join(tempDir(), 'up.slbundle');
    await station.call('sync.exportBundle', { outPath: out, passphrase: STATION_PASS });
    const reply = await postBundle(hubUrl, readFileSync(out), credentials(station));
    expect(reply.length).toBeGreaterThan(0);
    expect((await station.call('sync.status', {})).station!.unconfirmed).toBe(before);
    // Next sync: the county already has these changes, acknowledges them, and replies.
    const r = await station.call('sync.withHub', { hubUrl, passphrase: STATION_PASS });
    expect(r.received?.outcome).toBe('applied');
    expect((await station.call('sync.status', {})).station!.unconfirmed).toBe(0);
    const county = createCore({ dataDir: countyDir });
    expect((await county.call('children.get', { id })).name).toBe('李四');
    county.close();
  });

  it('a connection dropped mid-upload changes nothing at the county', async () => {
    const county = createCore({ dataDir: countyDir });
    const bundlesBefore = county.db.prepare('SELECT count(*) AS n FROM sync_bundles').get();
    county.close();
    const url = new URL(HUB_EXCHANGE_PATH, hubUrl);
    await new Promise<void>((resolve) => {
      const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': 100_000 } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(10_000, 1));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    const after = createCore({ dataDir: countyDir });
    expect(after.db.prepare('SELECT count(*) AS n FROM sync_bundles').get()).toEqual(bundlesBefore);
    after.close();
  });

  it('refuses a bundle from a station that is not enrolled, and oversized bodies', async () => {
    const stranger = createCore({ dataDir: tempDir() });
    await stranger.call('station.init', { role: 'station', code: '341723101', name: '木镇镇社工站' });
    await expect(stranger.call('sync.withHub', { hubUrl, passphrase: STATION_PASS })).rejects.toMatchObject({ data: { code: 'not_initialised' } });
    stranger.close();
    // A station the county never enrolled, holding the county's keys (a copied enrolment file
    // relabelled): its bundle reaches the hub and is refused there, not only at home.
    const copied = JSON.parse(readFileSync(enrolmentFile, 'utf8')) as { station: { code: string; name: string } };
    copied.station = { code: '341723102', name: '庙前镇社工站' };
    const forged = join(tempDir(), 'forged.json');
    writeFileSync(forged, JSON.stringify(copied));
    const impostor = createCore({ dataDir: tempDir() });
    await impostor.call('station.init', { role: 'station', code: '341723102', name: '庙前镇社工站' });
    await impostor.call('sync.acceptEnrolment', { path: forged, passphrase: STATION_PASS });
    // Refused at the door, from its headers alone: the hub never takes its body.
    await expect(impostor.call('sync.withHub', { hubUrl, passphrase: STATION_PASS })).rejects.toMatchObject({
      data: { code: 'network', message: '县局没有登记该站点' },
    });
    impostor.close();
    // The real station's proof, a body that is not a bundle: taken, verified, refused.
    await expect(postBundle(hubUrl, new Uint8Array(1000).fill(7), credentials(station))).rejects.toMatchObject({ messageZh: '文件不是有效的台账数据包' });
    const huge = await fetch(new URL(HUB_EXCHANGE_PATH, hubUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(MAX_HUB_BUNDLE_BYTES + 1) },
      body: Buffer.alloc(16),
    }).catch(() => null);
    expect(huge === null || huge.status === 413).toBe(true);
  });

  it('says clearly when the hub cannot be reached', async () => {
    await expect(station.call('sync.withHub', { hubUrl: 'http://127.0.0.1:9', passphrase: STATION_PASS })).rejects.toMatchObject({
      data: { code: 'network', message: '无法连接县局同步服务器，请检查网络和服务器地址' },
    });
  });
});
