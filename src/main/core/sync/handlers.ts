/** The sync operations: keys, enrolment, bundles out and in, conflicts. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type ConflictRow, type ImportResult, type SyncStationRow } from '../../../shared/contract';
import type { CallContext, CoreContext, StationMeta } from '../context';
import type { Handlers } from '../handlers';
import { BundleRejected, bundleFileName, DEFAULT_MAX_BUNDLE_BYTES, openBundle, sealBundle, type BundleManifest } from './bundleFile';
import { updateRow } from './capture';
import { applyDownstream, buildDownstream, pruneAcknowledged, restoredBackup } from './downstream';
import { acceptEnrolment, makeEnrolment, parseEnrolment, tokenHash } from './enrolment';
import { fingerprint } from './keys';
import { createKeys, hasKeys, ownPublicKeys, unlockKeys } from './keystore';
import { ackSchema, downstreamRangesSchema, downstreamSchema, upstreamRangesSchema, upstreamSchema, type Acks } from './payload';
import { bumpEpoch, countyPeer, getState, setState } from './state';
import type { SyncedTableName } from './tables';
import { applyUpstream, buildUpstream } from './upstream';
import { currentCountyVersion } from './versions';

const rejected = (message: string, detail: string) => new LedgerError({ code: 'validation', message, detail });

function requireRole(ctx: CoreContext, role: 'station' | 'county'): StationMeta {
  const s = ctx.requireStation();
  if (s.role !== role) {
    throw new LedgerError({ code: 'conflict', message: role === 'county' ? '该操作只能在县局进行' : '该操作只能在乡镇站点进行', detail: `requires role ${role}` });
  }
  return s;
}

function schemaVersion(ctx: CoreContext): number {
  return ctx.db.pragma('user_version', { simple: true }) as number;
}

/** A folder gets an opaque file name inside it; a file path is used as given. */
function outputPath(outPath: string, manifest: Pick<BundleManifest, 'bundleId'>): string {
  return existsSync(outPath) && statSync(outPath).isDirectory() ? join(outPath, bundleFileName(manifest)) : outPath;
}

function stationRows(ctx: CoreContext): SyncStationRow[] {
  const rows = ctx.db.prepare('SELECT * FROM sync_stations ORDER BY code').all() as {
    code: string;
    name: string;
    state: SyncStationRow['state'];
    fingerprint: string | null;
    last_received_at: string | null;
    last_sent_at: string | null;
    applied_ver: number;
  }[];
  const waiting = ctx.db.prepare("SELECT count(*) AS n FROM county_versions WHERE scope IN (?, '*') AND max_ver > ?");
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    state: r.state,
    fingerprint: r.fingerprint,
    lastReceivedAt: r.last_received_at,
    lastSentAt: r.last_sent_at,
    waitingToSend: (waiting.get(r.code, r.applied_ver) as { n: number }).n,
  }));
}

async function exportBundle(ctx: CoreContext, input: { outPath: string; passphrase: string; for?: string }) {
  const station = ctx.requireStation();
  const keys = unlockKeys(ctx.dataDir, input.passphrase);
  const own = ownPublicKeys(ctx.dataDir)!;
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
  let manifest: Omit<BundleManifest, 'payloadSha256' | 'payloadSize'>;
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
  const path = outputPath(input.outPath, manifest);
  writeFileSync(path, bytes);
  const at = ctx.now().toISOString();
  if (station.role === 'station') setState(ctx.db, 'lastSyncAt', at);
  else ctx.db.prepare('UPDATE sync_stations SET last_sent_at = ? WHERE code = ?').run(at, input.for);
  return { path, bundleId: manifest.bundleId, kind: manifest.kind, recipient: manifest.recipient.code, counts: manifest.counts, bytes: bytes.length };
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

async function importOne(ctx: CoreContext, call: CallContext, station: StationMeta, identity: string, path: string): Promise<ImportResult> {
  const file = basename(path);
  const refuse = (reason: string, detail: string, from?: string): ImportResult => ({ file, outcome: 'rejected', reason, detail, from, ...EMPTY });
  if (!existsSync(path)) return refuse('文件不存在', `no such file ${path}`);
  if (statSync(path).size > DEFAULT_MAX_BUNDLE_BYTES) return refuse('文件过大，不是有效的数据包', 'file too large');
  let opened;
  try {
    opened = await openBundle(readFileSync(path), { identity, senderKey: senderKeyFor(ctx, station) });
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
      .prepare('UPDATE sync_stations SET acks = ?, applied_ver = max(applied_ver, ?), last_received_at = ? WHERE code = ?')
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

function describeRecord(ctx: CoreContext, table: string, id: string): string {
  if (table === 'children') return (ctx.db.prepare('SELECT name FROM children WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? id;
  if (table === 'child_categories') {
    const r = ctx.db.prepare('SELECT c.name FROM child_categories k JOIN children c ON c.id = k.child_id WHERE k.id = ?').get(id) as { name: string } | undefined;
    return r ? `${r.name}（儿童类别）` : id;
  }
  return id;
}

const parseValue = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

export function syncHandlers(
  ctx: CoreContext,
): Pick<
  Handlers,
  | 'sync.status'
  | 'sync.createKeys'
  | 'sync.enrolStation'
  | 'sync.acceptEnrolment'
  | 'sync.revokeStation'
  | 'sync.exportBundle'
  | 'sync.importBundles'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
> {
  return {
    'sync.status': () => {
      const station = ctx.requireStation();
      const own = ownPublicKeys(ctx.dataDir);
      if (station.role === 'county') {
        const open = ctx.db.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number };
        return { role: 'county', fingerprint: own?.fingerprint ?? null, county: { stations: stationRows(ctx), openConflicts: open.n } };
      }
      const county = countyPeer(ctx.db);
      const unconfirmed = ctx.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number };
      return {
        role: 'station',
        fingerprint: own?.fingerprint ?? null,
        station: { enrolled: county !== null, countyFingerprint: county?.fingerprint ?? null, unconfirmed: unconfirmed.n, lastSyncAt: getState(ctx.db, 'lastSyncAt') },
      };
    },
    'sync.createKeys': async ({ passphrase }) => {
      requireRole(ctx, 'county');
      return { fingerprint: (await createKeys(ctx.dataDir, passphrase)).fingerprint };
    },
    'sync.enrolStation': ({ code, name, outPath }) => {
      const county = requireRole(ctx, 'county');
      const own = ownPublicKeys(ctx.dataDir);
      if (!own) throw new LedgerError({ code: 'not_initialised', message: '县局尚未创建同步密钥', detail: 'county has no keys' });
      const file = ctx.db
        .transaction(() =>
          makeEnrolment(ctx.db, { code: county.countyCode, name: county.name, ...own }, { code, name }, ctx.now().toISOString()),
        )
        .immediate();
      writeFileSync(outPath, JSON.stringify(file, null, 1));
      return { path: outPath, fingerprint: own.fingerprint };
    },
    'sync.acceptEnrolment': async ({ path, passphrase }) => {
      const station = requireRole(ctx, 'station');
      if (!existsSync(path)) throw new LedgerError({ code: 'validation', message: '登记文件不存在', detail: `no such file ${path}`, fieldErrors: { path: '登记文件不存在' } });
      const file = parseEnrolment(readFileSync(path, 'utf8'));
      if (file.station.code !== station.code) {
        const message = `该登记文件是发给“${file.station.name}”（${file.station.code}）的，不是本站`;
        throw new LedgerError({ code: 'validation', message, detail: `enrolment is for ${file.station.code}`, fieldErrors: { path: message } });
      }
      const own = hasKeys(ctx.dataDir) ? (unlockKeys(ctx.dataDir, passphrase), ownPublicKeys(ctx.dataDir)!) : await createKeys(ctx.dataDir, passphrase);
      ctx.db.transaction(() => acceptEnrolment(ctx.db, file, ctx.now().toISOString())).immediate();
      return { countyFingerprint: file.county.fingerprint, fingerprint: own.fingerprint };
    },
    'sync.revokeStation': ({ code }) => {
      requireRole(ctx, 'county');
      const changed = ctx.db.prepare("UPDATE sync_stations SET state = 'revoked', revoked_at = ?, token_hash = NULL WHERE code = ?").run(ctx.now().toISOString(), code).changes;
      if (changed === 0) throw new LedgerError({ code: 'not_found', message: `没有站点 ${code}`, detail: `no station ${code}` });
      return { code };
    },
    'sync.exportBundle': (input) => exportBundle(ctx, input),
    'sync.importBundles': async ({ paths, passphrase }, call) => {
      const station = ctx.requireStation();
      const keys = unlockKeys(ctx.dataDir, passphrase);
      const results: ImportResult[] = [];
      // Oldest first: downstream bundles then move the cursor in order.
      for (const path of paths) results.push(await importOne(ctx, call, station, keys.ageIdentity, path));
      return { results };
    },
    'sync.conflicts': ({ open }) => {
      requireRole(ctx, 'county');
      const rows = ctx.db
        .prepare(`SELECT * FROM sync_conflicts ${open ? 'WHERE resolved_at IS NULL' : ''} ORDER BY id`)
        .all() as {
        id: number;
        tbl: string;
        row_id: string;
        field: string;
        county_value: string | null;
        county_origin: string;
        station_code: string;
        station_value: string | null;
        station_actor: string;
        station_at: string;
        received_at: string;
        resolution: 'county' | 'station' | null;
        resolved_by: string | null;
        resolved_at: string | null;
      }[];
      return rows.map(
        (r): ConflictRow => ({
          id: r.id,
          table: r.tbl,
          rowId: r.row_id,
          record: describeRecord(ctx, r.tbl, r.row_id),
          field: r.field,
          countyValue: parseValue(r.county_value),
          countyOrigin: r.county_origin,
          stationCode: r.station_code,
          stationValue: parseValue(r.station_value),
          stationActor: r.station_actor,
          stationAt: r.station_at,
          receivedAt: r.received_at,
          resolution: r.resolution,
          resolvedBy: r.resolved_by,
          resolvedAt: r.resolved_at,
        }),
      );
    },
    'sync.resolveConflict': ({ id, keep }, call) => {
      requireRole(ctx, 'county');
      return ctx.write(call, (w) => {
        const c = ctx.db.prepare('SELECT * FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as
          | { tbl: string; row_id: string; field: string; station_value: string | null }
          | undefined;
        if (!c) throw new LedgerError({ code: 'not_found', message: '该冲突不存在或已处理', detail: `conflict ${id} not open` });
        // Taking the station's value is a county edit like any other: versioned, sent to stations.
        if (keep === 'station') updateRow(w, c.tbl as SyncedTableName, c.row_id, { [c.field]: parseValue(c.station_value) as string | number | null });
        ctx.db.prepare('UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?').run(w.now, call.actor, keep, id);
        return { id };
      });
    },
  };
}
