/**
 * Bundles in and out, as bytes: the file operations and the network hub both use these. Order of
 * checks on the way in: decrypt, signature and hash (bundleFile.ts), recipient, reader version,
 * already imported, payload shape — and only then one transaction that applies it whole.
 */
import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type ImportResult } from '../../../shared/contract';
import type { CallContext, CoreContext, StationMeta } from '../context';
import { BundleRejected, DEFAULT_MAX_BUNDLE_BYTES, openBundle, sealBundle, type BundleManifest, type ManifestDraft } from './bundleFile';
import { applyDownstream, buildDownstream, pruneAcknowledged, restoredBackup } from './downstream';
import { tokenHash } from './enrolment';
import { fingerprint, type SyncKeys } from './keys';
import { ackSchema, downstreamRangesSchema, downstreamSchema, upstreamRangesSchema, upstreamSchema, type Acks } from './payload';
import { bumpEpoch, countyPeer, getState, setState } from './state';
import { applyUpstream, buildUpstream } from './upstream';
import { currentCountyVersion } from './versions';

const rejected = (message: string, detail: string) => new LedgerError({ code: 'validation', message, detail });

function schemaVersion(ctx: CoreContext): number {
  return ctx.db.pragma('user_version', { simple: true }) as number;
}


/** The next bundle from this machine: station → county, or county → station `forCode`. */
export async function makeBundle(ctx: CoreContext, keys: SyncKeys, forCode?: string): Promise<{ bytes: Uint8Array; manifest: ManifestDraft }> {
  const station = ctx.requireStation();
  const own = { fingerprint: fingerprint(keys) };
  const input = { for: forCode };
  const base = {
    format: 'station-ledger-bundle' as const,
    formatVersion: 1 as const,
    bundleId: uuidv7(),
    sender: { code: station.code, role: station.role, epoch: station.epoch, fingerprint: own.fingerprint },
    schemaVersion: schemaVersion(ctx),
    // Rows carry every column this schema has; an older reader could not store them.
    minReaderVersion: schemaVersion(ctx),
    appVersion: ctx.appVersion,
    createdAt: ctx.now().toISOString(),
  };
  let manifest: ManifestDraft;
  let payload: unknown;
  let recipient: string;
  if (station.role === 'station') {
    const county = countyPeer(ctx.db);
    if (!county) throw new LedgerError({ code: 'not_initialised', message: '本站尚未在县局登记，请先导入登记文件', detail: 'station is not enrolled' });
    const built = buildUpstream(ctx.db, Number(getState(ctx.db, 'appliedVer') ?? '0'));
    const token = getState(ctx.db, 'enrolmentToken');
    manifest = {
      ...base,
      kind: 'upstream',
      recipient: { code: county.code },
      ranges: built.ranges,
      counts: built.counts,
      ...(token ? { enrolment: { token, signPublic: keys.signPublic, ageRecipient: keys.ageRecipient } } : {}),
    };
    payload = built.payload;
    recipient = county.ageRecipient;
  } else {
    if (!input.for) throw rejected('请选择要发给哪个站点', 'county export needs --for CODE');
    const peer = ctx.db.prepare('SELECT * FROM sync_stations WHERE code = ?').get(input.for) as
      | { state: string; age_recipient: string | null; applied_ver: number; acks: string }
      | undefined;
    if (!peer || peer.state !== 'enrolled' || !peer.age_recipient) {
      throw rejected(`站点 ${input.for} 尚未完成登记（需先收到该站点的第一个数据包）或已停用`, `station ${input.for} is not enrolled`);
    }
    const built = buildDownstream(ctx.db, input.for, peer.applied_ver);
    manifest = {
      ...base,
      kind: 'downstream',
      recipient: { code: input.for },
      ranges: { fromVer: peer.applied_ver, toVer: currentCountyVersion(ctx.db) },
      ack: JSON.parse(peer.acks) as Acks,
      counts: built.counts,
    };
    payload = { rows: built.rows };
    recipient = peer.age_recipient;
  }
  const bytes = await sealBundle({ manifest, payload: Buffer.from(JSON.stringify(payload), 'utf8'), signPrivate: keys.signPrivate, recipient });
  const at = ctx.now().toISOString();
  if (station.role === 'station') setState(ctx.db, 'lastSyncAt', at);
  else ctx.db.prepare('UPDATE sync_stations SET last_sent_at = ? WHERE code = ?').run(at, input.for);
  return { bytes, manifest };
}

function senderKeyFor(ctx: CoreContext, station: StationMeta) {
  return (m: BundleManifest): string | null => {
    if (station.role === 'station') {
      const county = countyPeer(ctx.db);
      return m.kind === 'downstream' && county && m.sender.code === county.code ? county.signPublic : null;
    }
    if (m.kind !== 'upstream') return null;
    const peer = ctx.db.prepare('SELECT state, token_hash, sign_public FROM sync_stations WHERE code = ?').get(m.sender.code) as
      | { state: string; token_hash: string | null; sign_public: string | null }
      | undefined;
    if (!peer || peer.state === 'revoked') return null;
    if (peer.state === 'enrolled') return peer.sign_public;
    // First bundle after enrolment: its keys count only with the one-time token.
    return m.enrolment && peer.token_hash === tokenHash(m.enrolment.token) ? m.enrolment.signPublic : null;
  };
}

const EMPTY = { applied: 0, alreadyHad: 0, conflicts: 0, refused: 0 };

/** Verifies and applies one bundle; every refusal is a result, never a partial write. */
export async function receiveBundle(ctx: CoreContext, call: CallContext, identity: string, bytes: Uint8Array, file: string): Promise<ImportResult> {
  const station = ctx.requireStation();
  const refuse = (reason: string, detail: string, from?: string): ImportResult => ({ file, outcome: 'rejected', reason, detail, from, ...EMPTY });
  if (bytes.length > DEFAULT_MAX_BUNDLE_BYTES) return refuse('文件过大，不是有效的数据包', 'file too large');
  let opened;
  try {
    opened = await openBundle(bytes, { identity, senderKey: senderKeyFor(ctx, station) });
  } catch (e) {
    if (e instanceof BundleRejected) return refuse(e.messageZh, `${e.reason}: ${e.message}`);
    throw e;
  }
  const m = opened.manifest;
  if (m.recipient.code !== station.code) return refuse('该数据包不是发给本机的', `bundle is for ${m.recipient.code}`, m.sender.code);
  if (m.minReaderVersion > schemaVersion(ctx)) {
    return refuse('数据包来自更新版本的软件，请升级软件后再导入', `bundle needs schema ${m.minReaderVersion}, this app has ${schemaVersion(ctx)}`, m.sender.code);
  }
  if (ctx.db.prepare('SELECT 1 FROM sync_bundles WHERE bundle_id = ?').get(m.bundleId)) {
    return { file, outcome: 'already_imported', reason: '该数据包已导入过，无需重复导入', from: m.sender.code, ...EMPTY };
  }
  let json: unknown;
  try {
    json = JSON.parse(opened.payload.toString('utf8'));
  } catch {
    json = null;
  }
  const now = ctx.now().toISOString();
  call.progress({ phase: `正在导入 ${file}`, done: 0, total: 1 });
  const summary = station.role === 'county' ? importUpstream(ctx, m, json, now) : importDownstream(ctx, station, m, json, now);
  if (!summary) return refuse('文件不是有效的台账数据包', 'payload does not match its schema', m.sender.code);
  call.progress({ phase: `正在导入 ${file}`, done: 1, total: 1 });
  return { file, outcome: 'applied', from: m.sender.code, ...summary };
}

function recordBundle(ctx: CoreContext, m: BundleManifest, summary: object, now: string): void {
  ctx.db.prepare('INSERT INTO sync_bundles (bundle_id, kind, peer, imported_at, summary) VALUES (?, ?, ?, ?, ?)').run(m.bundleId, m.kind, m.sender.code, now, JSON.stringify(summary));
}

function importUpstream(ctx: CoreContext, m: BundleManifest, json: unknown, now: string) {
  const payload = upstreamSchema.safeParse(json);
  const ranges = upstreamRangesSchema.safeParse(m.ranges);
  if (!payload.success || !ranges.success) return null;
  return ctx.db.transaction(() => {
    // Rows arrive in version order, not parent-first; references are checked at commit.
    ctx.db.pragma('defer_foreign_keys = ON');
    const peer = ctx.db.prepare('SELECT state, acks, applied_ver FROM sync_stations WHERE code = ?').get(m.sender.code) as { state: string; acks: string; applied_ver: number };
    if (peer.state === 'pending' && m.enrolment) {
      const keys = { signPublic: m.enrolment.signPublic, ageRecipient: m.enrolment.ageRecipient };
      ctx.db
        .prepare("UPDATE sync_stations SET state = 'enrolled', token_hash = NULL, sign_public = ?, age_recipient = ?, fingerprint = ?, enrolled_at = ? WHERE code = ?")
        .run(keys.signPublic, keys.ageRecipient, fingerprint(keys), now, m.sender.code);
    }
    const acks = JSON.parse(peer.acks) as Acks;
    const summary = applyUpstream(ctx.db, m.sender.code, payload.data.changes, acks, now);
    ctx.db
      // As reported, even if lower than before: a station restored from a backup has gone back.
      .prepare('UPDATE sync_stations SET acks = ?, applied_ver = ?, last_received_at = ? WHERE code = ?')
      .run(JSON.stringify(acks), ranges.data.appliedVer, now, m.sender.code);
    recordBundle(ctx, m, summary, now);
    return summary;
  }).immediate();
}

function importDownstream(ctx: CoreContext, station: StationMeta, m: BundleManifest, json: unknown, now: string) {
  const payload = downstreamSchema.safeParse(json);
  const ranges = downstreamRangesSchema.safeParse(m.ranges);
  const acks = ackSchema.safeParse(m.ack ?? {});
  if (!payload.success || !ranges.success || !acks.success) return null;
  return ctx.db.transaction(() => {
    // Rows arrive in version order, not parent-first; references are checked at commit.
    ctx.db.pragma('defer_foreign_keys = ON');
    const restored = restoredBackup(ctx.db, station.epoch, acks.data);
    const pruned = pruneAcknowledged(ctx.db, acks.data);
    if (restored) bumpEpoch(ctx.db);
    const { applied, keptLocal } = applyDownstream(ctx.db, payload.data.rows, now);
    const cursor = Number(getState(ctx.db, 'appliedVer') ?? '0');
    // Only a bundle that starts where this station stands moves the cursor; a gap keeps it, so
    // the county sends the missing versions again.
    if (ranges.data.fromVer <= cursor && ranges.data.toVer > cursor) setState(ctx.db, 'appliedVer', String(ranges.data.toVer));
    // The county answered: it has our keys, so the one-time token is spent.
    setState(ctx.db, 'enrolmentToken', null);
    setState(ctx.db, 'lastSyncAt', now);
    const summary = { applied, alreadyHad: 0, conflicts: 0, refused: 0, keptLocal, pruned, restoredBackupDetected: restored };
    recordBundle(ctx, m, summary, now);
    return { applied, alreadyHad: 0, conflicts: keptLocal, refused: 0 };
  }).immediate();
}

