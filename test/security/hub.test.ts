/**
 * The county's sync hub (`node dist/main/cli.mjs serve`) probed as an attacker on the office
 * network would: rebinding, senders that are not enrolled, forged and replayed proofs, and a flood
 * of large, oversized and slow uploads. The hub must decide from the headers, stay bounded in
 * memory and slots, keep answering, and let the real station sync once the flood is over.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { HUB_HEADERS, signClaim } from '../../src/main/core/sync/hubAuth';
import { HUB_CHALLENGE_PATH, HUB_EXCHANGE_PATH, postBundle, type HubCredentials } from '../../src/main/core/sync/hubClient';
import { unlockKeys } from '../../src/main/core/sync/keystore';
import { getState } from '../../src/main/core/sync/state';
import { countyWithKeys, tempDir } from '../helpers/core';
import { childOfAge, httpRequest, procStatusKb, rawExchange, requireBuiltMain, runCli, spawnHub, startUpload, stopProcess, type Spawned, type Upload, type UploadOptions, type UploadReply } from './processes';

const COUNTY_PASS = 'county-passphrase';
const STATION_PASS = 'station-passphrase';
const STATION = '341723100';
const NOT_ENROLLED = '341723101';
const MB = 1024 * 1024;

let countyDir: string;
let station: Core;
let hub: Spawned;
/** The station's own proof material, as its sync would use it. */
let signPrivate: string;
let enrolmentToken: string | null;

beforeAll(async () => {
  requireBuiltMain();
  const county = await countyWithKeys(COUNTY_PASS);
  countyDir = county.dataDir;
  const enrolment = join(tempDir('ledger-sec-enrol-'), 'enrol.json');
  await county.call('sync.enrolStation', { code: STATION, outPath: enrolment, replace: false });
  county.close();

  station = createCore({ dataDir: tempDir('ledger-sec-station-'), actor: 'station-setup' });
  await station.call('station.init', { role: 'station', code: STATION, name: '蓉城镇社工站' });
  await station.call('sync.acceptEnrolment', { path: enrolment, passphrase: STATION_PASS });
  await station.call('children.create', childOfAge(8, '001'));

  hub = await spawnHub(countyDir, COUNTY_PASS);
  // One real sync: from now on the county knows the station's signing key.
  const first = await station.call('sync.withHub', { hubUrl: hub.url, passphrase: STATION_PASS });
  expect(first.received?.outcome).toBe('applied');
  signPrivate = unlockKeys(station.dataDir, STATION_PASS).signPrivate;
  enrolmentToken = getState(station.db, 'enrolmentToken');
});

afterAll(async () => {
  await stopProcess(hub?.proc);
  station?.close();
});

async function challenge(host?: string): Promise<string> {
  const r = await httpRequest(hub.port, { method: 'POST', path: HUB_CHALLENGE_PATH, host });
  expect(r.status).toBe(200);
  return (JSON.parse(r.text) as { nonce: string }).nonce;
}

/** The headers the station's own sync would send for a body of `size` bytes. */
function signedHeaders(nonce: string, size: number, code = STATION): Record<string, string> {
  const proof = signClaim(signPrivate, enrolmentToken, { station: code, nonce, size });
  return {
    [HUB_HEADERS.station]: code,
    [HUB_HEADERS.nonce]: nonce,
    [HUB_HEADERS.signature]: proof.signature,
    ...(proof.tokenProof ? { [HUB_HEADERS.tokenProof]: proof.tokenProof } : {}),
  };
}

const credentials = (): HubCredentials => ({ station: STATION, signPrivate, enrolmentToken });

function forgedHeaders(nonce: string, code: string): Record<string, string> {
  return { [HUB_HEADERS.station]: code, [HUB_HEADERS.nonce]: nonce, [HUB_HEADERS.signature]: randomBytes(64).toString('base64') };
}

/** An exchange upload to this test's hub (see startUpload in processes.ts). */
const upload = (headers: Record<string, string>, contentLength: number, opts: UploadOptions = {}): Upload =>
  startUpload(hub.port, HUB_EXCHANGE_PATH, { 'Content-Type': 'application/octet-stream', ...headers }, contentLength, opts);

const errorOf = (r: UploadReply) => (JSON.parse(r.text) as { error: { message: string; detail: string } }).error;

function countyBundles(): number {
  const county = createCore({ dataDir: countyDir });
  try {
    return (county.db.prepare('SELECT count(*) AS n FROM sync_bundles').get() as { n: number }).n;
  } finally {
    county.close();
  }
}

describe('the county sync hub under attack', () => {
  it('refuses a foreign Host (DNS rebinding) with 421 before issuing a challenge', async () => {
    for (const host of [`evil.example:${hub.port}`, `127.0.0.1:${hub.port === 65535 ? 1 : hub.port + 1}`]) {
      const r = await httpRequest(hub.port, { method: 'POST', path: HUB_CHALLENGE_PATH, host, headers: { Origin: `http://${host}` } });
      expect(r.status, host).toBe(421);
      expect(r.text).not.toContain('nonce');
      const up = await upload(signedHeaders(await challenge(), 100), 100, { host }).reply;
      expect(up.status, host).toBe(421);
    }
    expect(await challenge()).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it('refuses an unenrolled sender at once, from its headers, without taking its 60 MB body', async () => {
    const size = 60 * MB;
    // Headers and the first 256 KB, then the client waits: the refusal comes without the rest.
    const r = await upload(forgedHeaders(await challenge(), NOT_ENROLLED), size, { patienceMs: 5_000 }).reply;
    expect(r.status, JSON.stringify(r)).toBe(403);
    expect(errorOf(r).message).toBe('县局没有登记该站点');
    expect(r.ms).toBeLessThan(3_000);
    expect(r.sentAtReply).toBeLessThan(size);
    // A sender that just keeps pushing 60 MB: the hub reads at most a bounded part to let it see
    // the refusal, then shuts the door (the refusal, or a reset when the client is mid-write);
    // the body is never kept.
    const before = procStatusKb(hub.proc.pid!, 'VmRSS');
    const blind = await upload(forgedHeaders(await challenge(), NOT_ENROLLED), size, { mode: 'blind' }).reply;
    expect(blind.status === 403 || (blind.status === null && ['EPIPE', 'ECONNRESET'].includes(blind.error!)), JSON.stringify({ ...blind, text: undefined })).toBe(true);
    expect(blind.sentAtReply).toBeLessThan(size / 2);
    expect(procStatusKb(hub.proc.pid!, 'VmRSS') - before).toBeLessThan(size / 1024 / 2);
  });

  it('refuses forged (403), resized (403), reused and replayed (401) proofs, and oversized (413), unsized and chunked (411) bodies', async () => {
    const forged = await upload(forgedHeaders(await challenge(), STATION), 10 * MB).reply;
    expect(forged.status).toBe(403);
    expect(forged.ms).toBeLessThan(3_000);
    expect(errorOf(forged).message).toBe('站点签名不正确');
    // A real signature binds the size: it cannot carry a bigger body.
    const nonce = await challenge();
    const resized = await upload(signedHeaders(nonce, 1000), 50 * MB).reply;
    expect(resized.status).toBe(403);
    expect(resized.ms).toBeLessThan(3_000);
    // That nonce is spent, even though the upload failed.
    const reused = await upload(signedHeaders(nonce, 1000), 1000).reply;
    expect(reused.status).toBe(401);
    expect(errorOf(reused).message).toBe('身份验证已过期，请重新同步');
    // A captured, valid request replayed byte for byte: the first is taken (and found not to be a
    // bundle), the replay is refused at the door.
    const captured = signedHeaders(await challenge(), 1000);
    const original = await upload(captured, 1000).reply;
    expect(original.status).toBe(403);
    expect(errorOf(original).message).toBe('文件不是有效的台账数据包');
    const replay = await upload(captured, 1000).reply;
    expect(replay.status).toBe(401);
    // No proof at all; more than the hub ever takes; no length; chunked.
    const bare = await upload({}, 1000).reply;
    expect(bare.status).toBe(401);
    const huge = await upload(signedHeaders(await challenge(), 1000), 200 * MB).reply;
    expect(huge.status).toBe(413);
    expect(errorOf(huge).message).toBe('数据包过大');
    const unsized = await rawExchange(hub.port, `POST ${HUB_EXCHANGE_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${hub.port}\r\nConnection: close\r\n\r\n`);
    expect(unsized.status).toBe(411);
    const chunked = await httpRequest(hub.port, { method: 'POST', path: HUB_EXCHANGE_PATH, headers: { 'Transfer-Encoding': 'chunked', ...signedHeaders(await challenge(), 10) } });
    expect(chunked.status).toBe(411);
  });

  it('stays bounded under 20 concurrent bad uploads, keeps answering, and frees its slots for the real station', async () => {
    const pid = hub.proc.pid!;
    const bundlesBefore = countyBundles();
    const hwmBefore = procStatusKb(pid, 'VmHWM');
    let peakRss = procStatusKb(pid, 'VmRSS');
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, procStatusKb(pid, 'VmRSS'));
      } catch {
        // the process is gone: the assertions below say so
      }
    }, 20);
    const slow: Upload[] = [];
    const floods: Upload[] = [];
    const holding = async (u: Upload) => {
      // A refused upload is answered within milliseconds; one that holds a slot is not answered.
      await new Promise((r) => setTimeout(r, 1_000));
      return !u.replied();
    };
    try {
      // Twenty at once. (a) Eight 62 MB uploads without a valid proof; (b) six declaring 200 MB;
      // half of these push blindly (the flood), half wait for the answer after their first 256 KB
      // (so that it can be read). (c) Six slow senders with the real station's valid proofs.
      const forgedNonces = await Promise.all(Array.from({ length: 4 }, () => challenge()));
      const slowNonces = await Promise.all(Array.from({ length: 6 }, () => challenge()));
      const noProof = (mode: UploadOptions['mode']) => upload({}, 62 * MB, { mode });
      const forged = (i: number, mode: UploadOptions['mode']) => upload(forgedHeaders(forgedNonces[i]!, i % 2 ? STATION : NOT_ENROLLED), 62 * MB, { mode });
      const oversize = (i: number, mode: UploadOptions['mode']) => upload(i % 2 ? signedHeaders('x'.repeat(32), 200 * MB) : {}, 200 * MB, { send: 8 * MB, mode });
      const flood = [
        { expect: [401], upload: noProof('blind') },
        { expect: [401], upload: noProof('blind') },
        { expect: [403, 503], upload: forged(0, 'blind') },
        { expect: [403, 503], upload: forged(1, 'blind') },
        { expect: [413], upload: oversize(0, 'blind') },
        { expect: [413], upload: oversize(1, 'blind') },
        { expect: [413], upload: oversize(2, 'blind') },
        { expect: [401], upload: noProof('careful'), careful: true },
        { expect: [401], upload: noProof('careful'), careful: true },
        { expect: [403, 503], upload: forged(2, 'careful'), careful: true },
        { expect: [403, 503], upload: forged(3, 'careful'), careful: true },
        { expect: [413], upload: oversize(3, 'careful'), careful: true },
        { expect: [413], upload: oversize(4, 'careful'), careful: true },
        { expect: [413], upload: oversize(5, 'careful'), careful: true },
      ];
      floods.push(...flood.map((f) => f.upload));
      for (const nonce of slowNonces) slow.push(upload(signedHeaders(nonce, MB), MB, { mode: 'slow' }));
      expect(slow.length + floods.length).toBe(20);

      // Meanwhile a station asking for a challenge is answered promptly.
      const asked = performance.now();
      const nonce = await challenge();
      const challengeMs = performance.now() - asked;
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(challengeMs).toBeLessThan(2_000);

      const replies = await Promise.all(flood.map((f) => f.upload.reply));
      const outcome: string[] = [];
      flood.forEach((f, i) => {
        const r = replies[i]!;
        outcome.push(`${r.status ?? r.error}`);
        const what = JSON.stringify({ ...r, text: r.text.slice(0, 200) });
        // Every door shut within seconds, with most of the body never taken.
        expect(r.ms, what).toBeLessThan(5_000);
        expect(r.sentAtReply, what).toBeLessThan(62 * MB);
        if (f.careful) expect(f.expect, what).toContain(r.status);
        // A blind sender may see the hub's reset before it reads the refusal; never anything else.
        else expect(r.status === null ? ['EPIPE', 'ECONNRESET'].includes(r.error!) : f.expect.includes(r.status), what).toBe(true);
      });

      // The slow senders: at most four hold a slot, every other one was told the hub is busy.
      const slowHolding = await Promise.all(slow.map(holding));
      const held = slowHolding.filter(Boolean).length;
      expect(held).toBeGreaterThanOrEqual(1);
      expect(held).toBeLessThanOrEqual(4);
      const busy = await Promise.all(slow.filter((_, i) => !slowHolding[i]).map((u) => u.reply));
      for (const r of busy) expect(r.status, JSON.stringify(r)).toBe(503);
      // Fill the remaining slots with more slow senders: exactly four are held, the fifth is turned away.
      let holders = held;
      for (;;) {
        const more = upload(signedHeaders(await challenge(), MB), MB, { mode: 'slow' });
        slow.push(more);
        if (!(await holding(more))) {
          const r = await more.reply;
          expect(r.status).toBe(503);
          expect(errorOf(r).message).toBe('同步服务器正忙，请稍后再同步');
          expect(r.text).not.toContain('nonce');
          break;
        }
        holders += 1;
        expect(holders).toBeLessThanOrEqual(4);
      }
      expect(holders).toBe(4);
      console.log(`hub flood replies: ${outcome.join(' ')}; slow senders holding a slot: ${held} of 6, then 4 of 4`);
      // Still answering, still alive, with all four slots held by senders trickling bytes.
      expect(await challenge()).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(hub.proc.exitCode).toBeNull();
    } finally {
      for (const u of [...slow, ...floods]) u.abort();
      clearInterval(sampler);
    }
    const hwm = procStatusKb(pid, 'VmHWM');
    console.log(`hub peak RSS: ${Math.round(hwm / 1024)} MB (VmHWM; ${Math.round(hwmBefore / 1024)} MB before the flood, sampled VmRSS peak ${Math.round(peakRss / 1024)} MB)`);
    expect(hwm).toBeLessThan(300 * 1024);
    // Nothing from the flood was stored at the county.
    expect(countyBundles()).toBe(bundlesBefore);

    // The slow senders have gone: their slots are free, and the real station syncs.
    await new Promise((r) => setTimeout(r, 200));
    const { id } = await station.call('children.create', childOfAge(9, '002', { name: '李四' }));
    const r = await station.call('sync.withHub', { hubUrl: hub.url, passphrase: STATION_PASS });
    expect(r.received?.outcome).toBe('applied');
    expect((await station.call('sync.status', {})).station!.unconfirmed).toBe(0);
    const county = createCore({ dataDir: countyDir });
    try {
      expect((await county.call('children.get', { id })).name).toBe('李四');
    } finally {
      county.close();
    }
  });

  /** Four slow senders with valid proofs, each holding one of the hub's four upload slots. */
  async function holdAllSlots(): Promise<Upload[]> {
    const holders: Upload[] = [];
    for (let i = 0; i < 4; i++) holders.push(upload(signedHeaders(await challenge(), MB), MB, { mode: 'slow' }));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(holders.filter((u) => u.replied())).toEqual([]);
    return holders;
  }

  it('tells a station with a small bundle that the hub is busy while every slot is held', async () => {
    const holders = await holdAllSlots();
    try {
      await expect(postBundle(hub.url, new Uint8Array(64 * 1024), credentials())).rejects.toMatchObject({ messageZh: '同步服务器正忙，请稍后再同步' });
    } finally {
      for (const u of holders) u.abort();
    }
  });

  // Product defect: the hub refuses at the door and closes at once, without reading what the
  // sender is still pushing. The unread bytes make the hub's kernel reset the connection, and the
  // reset reaches the station's client before it has read the refusal (RFC 9112 section 9.6, "the TCP
  // reset problem"). With a bundle of more than a few MB the station is told to check its network
  // (无法连接县局同步服务器，请检查网络和服务器地址) instead of 同步服务器正忙, 县局没有登记该站点 or
  // 该站点已被县局停用. A staged close (half-close, then read and discard for a bounded time) or
  // Expect: 100-continue from the client would let the refusal through.
  it('tells a station with a large bundle that the hub is busy, not that the network is down', async () => {
    const holders = await holdAllSlots();
    try {
      for (let i = 0; i < 2; i++) {
        await expect(postBundle(hub.url, new Uint8Array(40 * MB), credentials())).rejects.toMatchObject({ messageZh: '同步服务器正忙，请稍后再同步' });
      }
    } finally {
      for (const u of holders) u.abort();
    }
  });

  it('re-enrols a syncing station only with --force: refused (exit 3, no file) without it; with it the file is private (0600)', async () => {
    // One process on the county's data from here on.
    await stopProcess(hub.proc);
    const out = join(tempDir('ledger-sec-reenrol-'), 'reenrol.json');
    const stateOf = () => {
      const county = createCore({ dataDir: countyDir });
      try {
        return (county.db.prepare('SELECT state FROM sync_stations WHERE code = ?').get(STATION) as { state: string }).state;
      } finally {
        county.close();
      }
    };
    expect(stateOf()).toBe('enrolled');

    const refused = await runCli(['enrol', '--station', STATION, '--out', out, '--data-dir', countyDir, '--json']);
    expect(refused.code, refused.stdout + refused.stderr).toBe(3);
    const refusal = JSON.parse(refused.stdout) as { ok: boolean; command: string; error: { code: string; message: string } };
    expect(refusal).toMatchObject({ ok: false, command: 'enrol', error: { code: 'conflict' } });
    expect(refusal.error.message).toContain('--force');
    expect(existsSync(out)).toBe(false);
    const plain = await runCli(['enrol', '--station', STATION, '--out', out, '--data-dir', countyDir]);
    expect(plain.code).toBe(3);
    expect(plain.stderr).toContain('加 --force 确认重新登记');
    expect(existsSync(out)).toBe(false);
    expect(stateOf()).toBe('enrolled');

    const forced = await runCli(['enrol', '--station', STATION, '--out', out, '--data-dir', countyDir, '--force', '--json']);
    expect(forced.code, forced.stdout + forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ ok: true, command: 'enrol', result: { path: out } });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ station: { code: STATION } });
    // The old enrolment no longer counts: the station must import the new file before it syncs again.
    expect(stateOf()).toBe('pending');
  });
});
