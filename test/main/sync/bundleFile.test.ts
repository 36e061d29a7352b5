/**
 * The bundle file against damaged, forged and hostile input, with real age and Ed25519.
 * Every way a file can be wrong must end in BundleRejected with the reason a user can act on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Decrypter } from 'age-encryption';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BundleRejected,
  decodeFrame,
  encodeFrame,
  encryptFrame,
  openBundle,
  sealBundle,
  signManifest,
  type BundleFrame,
  type BundleManifest,
  type BundleRejectReason,
  type ManifestDraft,
  type OpenBundleOptions,
} from '../../../src/main/core/sync/bundleFile';
import { fingerprint, generateKeys, type SyncKeys } from '../../../src/main/core/sync/keys';

const STATION = '430521101';
const COUNTY = '430521';
/** Every age v1 file starts with this 22-byte line. */
const AGE_INTRO_LENGTH = 'age-encryption.org/v1\n'.length;

let station: SyncKeys;
let county: SyncKeys;
let stranger: SyncKeys;

beforeAll(async () => {
  [station, county, stranger] = await Promise.all([generateKeys(), generateKeys(), generateKeys()]);
});

// ---------------------------------------------------------------------------------------------
// Helpers

function draft(overrides: Partial<ManifestDraft> = {}): ManifestDraft {
  return {
    format: 'station-ledger-bundle',
    formatVersion: 1,
    bundleId: uuidv7(),
    kind: 'upstream',
    sender: { code: STATION, role: 'station', epoch: 1, fingerprint: fingerprint(station) },
    recipient: { code: COUNTY },
    schemaVersion: 2,
    minReaderVersion: 2,
    appVersion: '0.1.0',
    createdAt: '2025-03-01T08:00:00.000Z',
    ranges: { epoch: 1, fromSeq: 1, toSeq: 40, appliedVer: 0 },
    counts: { children: 40 },
    ...overrides,
  };
}

function smallPayload(rows = 40, tag = 'a'): Buffer {
  const changes = Array.from({ length: rows }, (_, i) => ({ seq: i + 1, tbl: 'children', row_id: `row-${tag}-${i}`, fields: { name: `王小${i}`, village_code: '430521101203' } }));
  return Buffer.from(JSON.stringify({ changes }), 'utf8');
}

function countyOptions(overrides: Partial<OpenBundleOptions> = {}): OpenBundleOptions {
  return {
    identity: county.ageIdentity,
    senderKey: (m) => (m.sender.code === STATION ? station.signPublic : null),
    ...overrides,
  };
}

async function sealToCounty(manifest: ManifestDraft = draft(), payload: Buffer = smallPayload()): Promise<Uint8Array> {
  return sealBundle({ manifest, payload, signPrivate: station.signPrivate, recipient: county.ageRecipient });
}

async function rejection(promise: Promise<unknown>): Promise<BundleRejected> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BundleRejected) return err;
    throw new Error(`expected BundleRejected, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected BundleRejected, but the bundle opened');
}

async function reasonOf(bytes: Uint8Array, options: OpenBundleOptions = countyOptions()): Promise<BundleRejectReason> {
  return (await rejection(openBundle(bytes, options))).reason;
}

/** The inner frame of a bundle, as only the county can see it. */
async function frameOf(bundle: Uint8Array): Promise<BundleFrame> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(county.ageIdentity);
  return decodeFrame(Buffer.from(await decrypter.decrypt(bundle)));
}

async function reseal(frame: BundleFrame | Buffer): Promise<Uint8Array> {
  return encryptFrame(Buffer.isBuffer(frame) ? frame : encodeFrame(frame), county.ageRecipient);
}

/** Manifest bytes for a hand-built frame whose payload is `compressed`. */
function manifestBytesFor(manifest: ManifestDraft, compressed: Buffer, extra: Record<string, unknown> = {}): Buffer {
  const sha = createHash('sha256').update(compressed).digest('hex');
  return Buffer.from(JSON.stringify({ ...manifest, payloadSha256: sha, payloadSize: compressed.length, ...extra }), 'utf8');
}

async function handBuilt(compressed: Buffer, manifest: ManifestDraft = draft(), signer: SyncKeys = station): Promise<Uint8Array> {
  const manifestBytes = manifestBytesFor(manifest, compressed);
  return reseal({ manifestBytes, signature: signManifest(manifestBytes, signer.signPrivate), payload: compressed });
}

/** Offset just past the age header (the line starting with "--- " and its MAC). */
function ageHeaderEnd(bundle: Uint8Array): number {
  const text = Buffer.from(bundle).toString('latin1');
  const macLine = text.indexOf('\n--- ');
  return text.indexOf('\n', macLine + 1) + 1;
}

function flipped(bytes: Uint8Array, at: number, mask = 0x01): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ mask;
  return copy;
}

// ---------------------------------------------------------------------------------------------

describe('sealBundle / openBundle', () => {
  it('round-trips manifest and payload', async () => {
    const manifest = draft({ ack: { epoch: 1, seq: 12 } });
    const payload = smallPayload();
    const bundle = await sealToCounty(manifest, payload);
    expect(Buffer.from(bundle.subarray(0, AGE_INTRO_LENGTH)).toString('ascii')).toBe('age-encryption.org/v1\n');
    const opened = await openBundle(bundle, countyOptions());
    expect(opened.payload.equals(payload)).toBe(true);
    const { payloadSha256, payloadSize, ...rest } = opened.manifest;
    expect(rest).toEqual(manifest);
    expect(payloadSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(payloadSize).toBeGreaterThan(0);
    expect(payloadSize).toBeLessThan(payload.length);
  });

  it('asks senderKey once, with the shape-checked manifest', async () => {
    const manifest = draft();
    const senderKey = vi.fn((m: BundleManifest) => (m.sender.code === STATION ? station.signPublic : null));
    await openBundle(await sealToCounty(manifest), countyOptions({ senderKey }));
    expect(senderKey).toHaveBeenCalledTimes(1);
    expect(senderKey.mock.calls[0]?.[0].bundleId).toBe(manifest.bundleId);
  });

  it('works the other way round: county to station', async () => {
    const manifest = draft({
      kind: 'downstream',
      sender: { code: COUNTY, role: 'county', epoch: 0, fingerprint: fingerprint(county) },
      recipient: { code: STATION },
      ack: { epoch: 1, seq: 40 },
    });
    const bundle = await sealBundle({ manifest, payload: smallPayload(), signPrivate: county.signPrivate, recipient: station.ageRecipient });
    const opened = await openBundle(bundle, { identity: station.ageIdentity, senderKey: () => county.signPublic });
    expect(opened.manifest.kind).toBe('downstream');
    expect(await reasonOf(bundle)).toBe('not_for_us');
  });

  it('carries an enrolment whose keys match the sender fingerprint', async () => {
    const enrolment = { token: 'one-time-token', signPublic: station.signPublic, ageRecipient: station.ageRecipient };
    const opened = await openBundle(await sealToCounty(draft({ enrolment })), countyOptions());
    expect(opened.manifest.enrolment).toEqual(enrolment);
  });

  it('ignores unknown manifest keys from newer writers (they gate on minReaderVersion)', async () => {
    const compressed = gzipSync(smallPayload());
    const manifestBytes = manifestBytesFor(draft(), compressed, { futureField: { x: 1 } });
    const bundle = await reseal({ manifestBytes, signature: signManifest(manifestBytes, station.signPrivate), payload: compressed });
    const opened = await openBundle(bundle, countyOptions());
    expect(opened.manifest).not.toHaveProperty('futureField');
  });

  it('refuses to seal a manifest it would not open', async () => {
    await expect(sealToCounty(draft({ sender: { code: STATION, role: 'station', epoch: 1, fingerprint: 'nope' } }))).rejects.toThrow(/manifest/);
    await expect(sealToCounty(draft({ counts: { children: -1 } }))).rejects.toThrow(/manifest/);
    const enrolment = { token: 't', signPublic: stranger.signPublic, ageRecipient: stranger.ageRecipient };
    await expect(sealToCounty(draft({ enrolment }))).rejects.toThrow(/enrolment/);
  });
});

describe('openBundle rejects', () => {
  it('a flipped byte anywhere: age header, body and tail', async () => {
    const bundle = await sealToCounty();
    const headerEnd = ageHeaderEnd(bundle);
    const positions = new Set<number>();
    for (let at = 0; at < headerEnd + 32; at++) positions.add(at);
    for (let at = headerEnd; at < bundle.length; at += 13) positions.add(at);
    for (let at = bundle.length - 48; at < bundle.length; at++) positions.add(at);
    const senderKey = vi.fn(() => station.signPublic);
    for (const at of positions) {
      for (const mask of [0x01, 0x80]) {
        const reason = await reasonOf(flipped(bundle, at, mask), countyOptions({ senderKey }));
        expect(reason, `flip ${mask} at ${at} of ${bundle.length}`).toBe(at < AGE_INTRO_LENGTH ? 'malformed' : 'not_for_us');
      }
    }
    expect(senderKey).not.toHaveBeenCalled();
  });

  it('a truncated file', async () => {
    const bundle = await sealToCounty();
    const headerEnd = ageHeaderEnd(bundle);
    const n = bundle.length;
    for (const length of [0, 1, 10, 21, 22, 23, 40, headerEnd - 1, headerEnd, headerEnd + 1, headerEnd + 16, n >> 1, n - 17, n - 16, n - 1]) {
      expect(await reasonOf(bundle.subarray(0, length)), `length ${length}`).toBe(length < AGE_INTRO_LENGTH ? 'malformed' : 'not_for_us');
    }
  });

  it('a bundle encrypted to another recipient', async () => {
    const bundle = await sealBundle({ manifest: draft(), payload: smallPayload(), signPrivate: station.signPrivate, recipient: stranger.ageRecipient });
    const err = await rejection(openBundle(bundle, countyOptions()));
    expect(err.reason).toBe('not_for_us');
    expect(err.messageZh).toBe('无法解密：该数据包不是发给本机的，或文件已损坏');
  });

  it('an age header spliced onto another bundle body', async () => {
    const [a, b] = await Promise.all([sealToCounty(), sealToCounty()]);
    const spliced = Buffer.concat([a.subarray(0, ageHeaderEnd(a)), b.subarray(ageHeaderEnd(b))]);
    expect(await reasonOf(spliced)).toBe('not_for_us');
  });

  it('an unknown or revoked sender, before checking its signature', async () => {
    const bundle = await sealToCounty();
    const err = await rejection(openBundle(bundle, countyOptions({ senderKey: () => null })));
    expect(err.reason).toBe('unknown_sender');
    expect(err.messageZh).toBe('数据包来自未登记或已停用的站点，已拒绝');
    const fromCounty = await sealBundle({
      manifest: draft({ kind: 'downstream', sender: { code: COUNTY, role: 'county', epoch: 0, fingerprint: fingerprint(county) }, recipient: { code: STATION } }),
      payload: smallPayload(),
      signPrivate: county.signPrivate,
      recipient: station.ageRecipient,
    });
    const countyErr = await rejection(openBundle(fromCounty, { identity: station.ageIdentity, senderKey: () => null }));
    expect(countyErr.reason).toBe('unknown_sender');
    expect(countyErr.messageZh).toContain('县级中心');
  });

  it('a valid envelope whose frame is signed by another key', async () => {
    const frame = await frameOf(await sealToCounty());
    const forged = await reseal({ ...frame, signature: signManifest(frame.manifestBytes, stranger.signPrivate) });
    const err = await rejection(openBundle(forged, countyOptions()));
    expect(err.reason).toBe('bad_signature');
    expect(err.messageZh).toBe('数据包签名无效，可能被篡改，已拒绝');
    expect(await reasonOf(await reseal({ ...frame, signature: Buffer.alloc(64) }))).toBe('bad_signature');
    // A stranger who signs with its own key but claims to be the station.
    expect(await reasonOf(await handBuilt(gzipSync(smallPayload()), draft(), stranger))).toBe('bad_signature');
  });

  it('a manifest edited after signing', async () => {
    const frame = await frameOf(await sealToCounty());
    const manifest = JSON.parse(frame.manifestBytes.toString('utf8')) as BundleManifest;
    manifest.counts = { children: 41 };
    const edited = await reseal({ ...frame, manifestBytes: Buffer.from(JSON.stringify(manifest), 'utf8') });
    expect(await reasonOf(edited)).toBe('bad_signature');
  });

  it('a correctly signed manifest whose payload was altered before re-encryption', async () => {
    const frame = await frameOf(await sealToCounty());
    const payload = Buffer.from(frame.payload);
    payload[payload.length >> 1] = (payload[payload.length >> 1] ?? 0) ^ 0x01;
    const err = await rejection(openBundle(await reseal({ ...frame, payload }), countyOptions()));
    expect(err.reason).toBe('bad_hash');
    expect(err.messageZh).toBe('数据包内容校验失败，可能已损坏或被篡改');
    expect(await reasonOf(await reseal({ ...frame, payload: Buffer.concat([frame.payload, Buffer.from([0])]) }))).toBe('bad_hash');
    expect(await reasonOf(await reseal({ ...frame, payload: frame.payload.subarray(0, -1) }))).toBe('bad_hash');
    // Not even gzip: the hash check comes first, so gunzip never sees it.
    expect(await reasonOf(await reseal({ ...frame, payload: randomBytes(frame.payload.length) }))).toBe('bad_hash');
  });

  it('a signed, hash-correct payload that is not gzip', async () => {
    expect(await reasonOf(await handBuilt(randomBytes(300)))).toBe('malformed');
  });

  it('a payload that inflates beyond the limit (zip bomb), only after it is authenticated', async () => {
    const bomb = await sealToCounty(draft(), Buffer.alloc(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const err = await rejection(openBundle(bomb, countyOptions({ maxPayloadBytes: 1024 * 1024 })));
    expect(err.reason).toBe('too_large');
    expect(await reasonOf(bomb, countyOptions({ maxPayloadBytes: 1024 * 1024, senderKey: () => null }))).toBe('unknown_sender');
  });

  it('a malformed inner frame inside a valid envelope, without asking for the sender', async () => {
    const frame = await frameOf(await sealToCounty());
    const good = encodeFrame(frame);
    const withLength = (length: number): Buffer => {
      const copy = Buffer.from(good);
      copy.writeUInt32BE(length, 8);
      return copy;
    };
    const notJson = Buffer.from('{"format":', 'utf8');
    const badUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const wrongShape = manifestBytesFor({ ...draft(), formatVersion: 2 } as unknown as ManifestDraft, frame.payload);
    const inners: [string, Buffer][] = [
      ['empty frame', Buffer.alloc(0)],
      ['wrong magic', Buffer.concat([Buffer.from('SLBUNDL2'), good.subarray(8)])],
      ['manifest length past the end', withLength(good.length)],
      ['manifest length huge', withLength(0xffffffff)],
      ['manifest length zero', withLength(0)],
      ['frame shorter than header and signature', good.subarray(0, 40)],
      ['manifest not JSON', encodeFrame({ ...frame, manifestBytes: notJson, signature: signManifest(notJson, station.signPrivate) })],
      ['manifest not UTF-8', encodeFrame({ ...frame, manifestBytes: badUtf8, signature: signManifest(badUtf8, station.signPrivate) })],
      ['manifest of the wrong shape, validly signed', encodeFrame({ ...frame, manifestBytes: wrongShape, signature: signManifest(wrongShape, station.signPrivate) })],
    ];
    const senderKey = vi.fn(() => station.signPublic);
    for (const [label, inner] of inners) {
      const err = await rejection(openBundle(await reseal(inner), countyOptions({ senderKey })));
      expect(err.reason, label).toBe('malformed');
      expect(err.messageZh).toBe('文件不是有效的台账数据包');
    }
    expect(senderKey).not.toHaveBeenCalled();
  });

  it('enrolment keys that do not match the sender fingerprint', async () => {
    const enrolment = { token: 't', signPublic: stranger.signPublic, ageRecipient: stranger.ageRecipient };
    expect(await reasonOf(await handBuilt(gzipSync(smallPayload()), draft({ enrolment })))).toBe('malformed');
  });

  it('random garbage of several sizes, and an empty file', async () => {
    for (const size of [0, 1, 21, 22, 100, 4096, 100_000]) {
      expect(await reasonOf(randomBytes(size)), `${size} bytes`).toBe('malformed');
    }
    expect(await reasonOf(new Uint8Array(0))).toBe('malformed');
    const ageLike = Buffer.concat([Buffer.from('age-encryption.org/v1\n'), randomBytes(500)]);
    expect(await reasonOf(ageLike)).toBe('not_for_us');
  });

  it('an oversized file, before any decryption', async () => {
    const bundle = await sealToCounty();
    const err = await rejection(openBundle(bundle, countyOptions({ maxBytes: bundle.length - 1 })));
    expect(err.reason).toBe('too_large');
    expect(err.messageZh).toContain('过大');
    await expect(openBundle(bundle, countyOptions({ maxBytes: bundle.length }))).resolves.toBeTruthy();
    expect(await reasonOf(randomBytes(2 * 1024 * 1024), countyOptions({ maxBytes: 1024 * 1024 }))).toBe('too_large');
  });

  it('as BundleRejected even when the caller or its configuration throws', async () => {
    const bundle = await sealToCounty();
    const throwing = countyOptions({
      senderKey: () => {
        throw new Error('database is locked');
      },
    });
    const err = await rejection(openBundle(bundle, throwing));
    expect(err.reason).toBe('malformed');
    expect(err.message).toContain('database is locked');
    expect(await reasonOf(bundle, countyOptions({ identity: 'not an identity' }))).toBe('not_for_us');
    expect(await reasonOf(bundle, countyOptions({ senderKey: () => 'not a key' }))).toBe('bad_signature');
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzz

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'remove'; at: number; length: number }
  | { kind: 'splice'; cutA: number; cutB: number };

const position = fc.nat({ max: 1 << 20 });
/** Half the positions fall in the first 256 bytes: the age header is where parsing happens. */
const biasedPosition = fc.oneof(fc.nat({ max: 255 }), position);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: biasedPosition, mask: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: biasedPosition, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: biasedPosition, length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('splice' as const), cutA: biasedPosition, cutB: biasedPosition }) },
);

function applyMutation(bytes: Buffer, m: Mutation, other: Buffer): Buffer {
  const at = (n: number, len = bytes.length): number => (len === 0 ? 0 : n % (len + 1));
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = Buffer.from(bytes);
      const i = m.at % bytes.length;
      copy[i] = (copy[i] ?? 0) ^ m.mask;
      return copy;
    }
    case 'truncate':
      return bytes.subarray(0, at(m.at));
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at(m.at)), m.bytes, bytes.subarray(at(m.at))]);
    case 'remove':
      return Buffer.concat([bytes.subarray(0, at(m.at)), bytes.subarray(at(m.at) + m.length)]);
    case 'splice':
      return Buffer.concat([bytes.subarray(0, at(m.cutA)), other.subarray(at(m.cutB, other.length))]);
  }
}

describe('openBundle fuzz', () => {
  it('either returns an original bundle unchanged or throws BundleRejected, never anything else', async () => {
    const payloadA = smallPayload(20, 'a');
    const payloadB = smallPayload(20, 'b');
    const a = Buffer.from(await sealToCounty(draft(), payloadA));
    const b = Buffer.from(await sealToCounty(draft(), payloadB));
    const originals = [
      { bytes: a, payload: payloadA },
      { bytes: b, payload: payloadB },
    ];
    const outcomes = { rejected: new Map<string, number>(), unchanged: 0 };
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (startWithB, mutations) => {
        const [base, other] = startWithB ? [b, a] : [a, b];
        const mutated = mutations.reduce<Buffer>((bytes, m) => applyMutation(bytes, m, other), base);
        try {
          const opened = await openBundle(mutated, countyOptions());
          const original = originals.find((o) => o.bytes.equals(mutated));
          expect(original, 'a changed file opened').toBeDefined();
          expect(opened.payload.equals(original!.payload)).toBe(true);
          outcomes.unchanged++;
        } catch (err) {
          if (!(err instanceof BundleRejected)) throw err;
          outcomes.rejected.set(err.reason, (outcomes.rejected.get(err.reason) ?? 0) + 1);
        }
      }),
      { numRuns: 2500 },
    );
    console.info(`fuzz: ${outcomes.unchanged} unchanged, rejected ${JSON.stringify(Object.fromEntries(outcomes.rejected))}`);
    // Both decryption and frame parsing were exercised, not just the file's first line.
    expect(outcomes.rejected.get('not_for_us') ?? 0).toBeGreaterThan(1000);
    expect(outcomes.rejected.get('malformed') ?? 0).toBeGreaterThan(10);
    for (const reason of outcomes.rejected.keys()) expect(['malformed', 'not_for_us']).toContain(reason);
  }, 60_000);

  // age authenticates the envelope, so the file fuzz above never reaches the frame checks. Here
  // the decrypted frame itself is mutated and re-encrypted to us: what a sender's bug, or a
  // holder of our public recipient, could hand us.
  it('rejects every mutated inner frame inside a valid envelope', async () => {
    const payloadA = smallPayload(20, 'a');
    const frameA = encodeFrame(await frameOf(await sealToCounty(draft(), payloadA)));
    const frameB = encodeFrame(await frameOf(await sealToCounty(draft(), smallPayload(20, 'b'))));
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (mutations) => {
        const mutated = mutations.reduce<Buffer>((bytes, m) => applyMutation(bytes, m, frameB), frameA);
        try {
          const opened = await openBundle(await reseal(mutated), countyOptions());
          expect(mutated.equals(frameA) || mutated.equals(frameB), 'a changed frame opened').toBe(true);
          if (mutated.equals(frameA)) expect(opened.payload.equals(payloadA)).toBe(true);
          seen.set('unchanged', (seen.get('unchanged') ?? 0) + 1);
        } catch (err) {
          if (!(err instanceof BundleRejected)) throw err;
          seen.set(err.reason, (seen.get(err.reason) ?? 0) + 1);
        }
      }),
      { numRuns: 1000 },
    );
    console.info(`frame fuzz: ${JSON.stringify(Object.fromEntries(seen))}`);
    for (const reason of ['malformed', 'bad_signature', 'bad_hash']) expect(seen.get(reason) ?? 0, reason).toBeGreaterThan(5);
    expect(seen.has('not_for_us')).toBe(false);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Compression

/** mulberry32: reproducible synthetic data. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'], ['周', 'zhou'], ['吴', 'wu'], ['邓', 'deng'], ['曾', 'zeng'], ['谢', 'xie'], ['罗', 'luo'], ['彭', 'peng'], ['唐', 'tang']] as const;
const GIVEN = [['子', 'zi'], ['涵', 'han'], ['浩', 'hao'], ['宇', 'yu'], ['欣', 'xin'], ['怡', 'yi'], ['轩', 'xuan'], ['俊', 'jun'], ['杰', 'jie'], ['雨', 'yu'], ['萱', 'xuan'], ['思', 'si'], ['佳', 'jia'], ['明', 'ming'], ['诗', 'shi'], ['晨', 'chen'], ['博', 'bo'], ['文', 'wen'], ['静', 'jing'], ['建', 'jian'], ['国', 'guo'], ['秀', 'xiu'], ['英', 'ying'], ['华', 'hua']] as const;
const VILLAGES = ['石桥村', '白竹村', '新田村', '枫林村', '黄泥村', '双江村', '龙山村', '桐子村'];
const NOTES = ['', '', '', '父母均在广东务工，随祖父母生活', '本学期转学至镇中心小学', '已申请临时救助', '监护人身体状况较差，需重点关注', '家访时孩子情绪稳定'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function personName(rand: () => number): { name: string; pinyin: string; initials: string } {
  const parts = [pick(rand, SURNAMES), pick(rand, GIVEN), ...(rand() < 0.7 ? [pick(rand, GIVEN)] : [])];
  return { name: parts.map((p) => p[0]).join(''), pinyin: parts.map((p) => p[1]).join(' '), initials: parts.map((p) => p[1][0]).join('') };
}

/** A valid 18-digit resident ID number (ISO 7064 MOD 11-2 check digit). */
function idNumber(rand: () => number, birth: string): string {
  const body = `430521${birth.replaceAll('-', '')}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

function realisticChanges(count: number): object[] {
  const rand = prng(20250301);
  let clock = Date.UTC(2025, 0, 1);
  const born: string[] = [];
  return Array.from({ length: count }, (_, i) => {
    clock += Math.floor(rand() * 600_000);
    const at = new Date(clock).toISOString();
    const birth = `20${String(8 + Math.floor(rand() * 10)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const child = personName(rand);
    const village = Math.floor(rand() * VILLAGES.length);
    const address = `湖南省邵阳市邵东县团山镇${VILLAGES[village]}${1 + Math.floor(rand() * 12)}组`;
    const fields = {
      station_code: STATION,
      created_at: at,
      updated_at: at,
      deleted: 0,
      name: child.name,
      name_pinyin: child.pinyin,
      name_initials: child.initials,
      id_number: idNumber(rand, birth),
      birth_date: birth,
      sex: rand() < 0.5 ? 'M' : 'F',
      ethnicity: rand() < 0.9 ? 'han' : 'yao',
      township_code: '430521101',
      village_code: `430521101${String(201 + village)}`,
      registered_address: address,
      current_address: rand() < 0.8 ? address : null,
      health_status: pick(rand, ['good', 'good', 'good', 'chronic', 'disabled']),
      schooling: pick(rand, ['primary', 'junior', 'preschool', 'senior']),
      guardian: personName(rand).name,
      guardianship_type: pick(rand, ['grandparents', 'grandparents', 'relatives', 'one_parent']),
      father: personName(rand).name,
      mother: personName(rand).name,
      child_director: pick(rand, ['李秀英', '王建国', '刘佳怡']),
      child_director_phone: `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
      report_date: at.slice(0, 10),
      notes: pick(rand, NOTES),
    };
    const rowId = uuidv7({ msecs: clock });
    born.push(rowId);
    // A quarter are later edits of a few fields of an earlier row, as the outbox records them.
    const edit = i > 0 && rand() < 0.25;
    const changed: Record<string, unknown> = edit
      ? { updated_at: at, ...(rand() < 0.5 ? { current_address: address } : { schooling: fields.schooling }), ...(rand() < 0.3 ? { notes: pick(rand, NOTES) } : {}) }
      : fields;
    const baseVers = Object.fromEntries(Object.keys(changed).map((k) => [k, edit ? 1 + Math.floor(rand() * 40) : 0]));
    return { epoch: 1, seq: i + 1, tbl: 'children', rowId: edit ? pick(rand, born) : rowId, fields: changed, baseVers, at, actor: pick(rand, ['liuxy', 'wangjg']) };
  });
}

describe('compression', () => {
  it('shrinks ~5,000 realistic change rows to at most 30% of their JSON size', async () => {
    const payload = Buffer.from(JSON.stringify({ changes: realisticChanges(5000) }), 'utf8');
    const bundle = await sealToCounty(draft({ counts: { children: 5000 } }), payload);
    const opened = await openBundle(bundle, countyOptions());
    expect(opened.payload.equals(payload)).toBe(true);
    const payloadRatio = opened.manifest.payloadSize / payload.length;
    const fileRatio = bundle.length / payload.length;
    console.info(`compression: JSON ${payload.length} B, gzip payload ${opened.manifest.payloadSize} B (${(payloadRatio * 100).toFixed(1)}%), whole file ${bundle.length} B (${(fileRatio * 100).toFixed(1)}%)`);
    expect(fileRatio).toBeLessThanOrEqual(0.3);
  });
});
