/**
 * Bundles in and out, as bytes: the file operations and the network hub both use these. Order of
 * checks on the way in: decrypt, signature and hash (bundleFile.ts), recipient, reader version,
 * already imported, payload shape. One import call is one transaction; each bundle is applied in
 * a savepoint of it, and lands whole or not at all.
 */
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type ImportResult, type Progress, type RecordCounts } from '../../../shared/contract';
import { asciiBundleFileName, bundleFileName } from '../../../shared/domain/bundleNames';
import type { CallContext, CoreContext, StationMeta } from '../context';
import {
  authenticateBundle,
  BundleRejected,
  DEFAULT_MAX_BUNDLE_BYTES,
  inflatePayload,
  inflatePieces,
  PayloadWriter,
  sealCompressed,
  statedPayloadSize,
  type AuthenticatedBundle,
  type BundleManifest,
  type ManifestDraft,
} from './bundleFile';
import { applyDownstream, buildDownstream, pruneAcknowledged, restoredBackup } from './downstream';
import { tokenHash } from './enrolment';
import { fingerprint, type SyncKeys } from './keys';
import { ackSchema, downstreamRangesSchema, downstreamSchema, parseUpstreamPayload, upstreamRangesSchema, type Acks, type Change, type UpstreamRanges } from './payload';
import { WrittenRows } from './references';
import { bumpEpoch, countyPeer, getState, setState } from './state';
import { ChangeLineReader } from './changeLines';
import { recordCountsOf } from './tables';
import { inSequence, UpstreamApply } from './upstream';
import { packUpstream } from './upstreamPack';
import { currentCountyVersion } from './versions';

const rejected = (message: string, detail: string) => new LedgerError({ code: 'validation', message, detail });

function schemaVersion(ctx: CoreContext): number {
  return ctx.db.pragma('user_version', { simple: true }) as number;
}


type ManifestBase = Omit<ManifestDraft, 'kind' | 'recipient' | 'ranges' | 'counts' | 'ack' | 'enrolment'>;

/** What to seal: the manifest, the compressed payload and whom to encrypt it to, and what it holds. */
interface Outgoing {
  manifest: ManifestDraft;
  compressed: Buffer;
  recipient: string;
  /** The station the bundle is from or for, as its file is named. */
  station: { code: string; name: string };
  changes: number;
  /** Distinct rows per table. */
  rows: Record<string, number>;
}

type Report = (p: Progress) => void;

/** Station → county: every change the county has not acknowledged (and, until it answers, the enrolment). */
async function upstreamBundle(ctx: CoreContext, station: StationMeta, keys: SyncKeys, base: ManifestBase, report: Report): Promise<Outgoing> {
  const county = countyPeer(ctx.db);
  if (!county) throw new LedgerError({ code: 'not_initialised', message: '本站尚未在县局登记，请先导入登记文件', detail: 'station is not enrolled' });
  // One change per line: the county reads it a piece at a time (changeLines.ts).
  const packed = await packUpstream(ctx.db, (done, total) => report({ phase: '正在打包本站的修改', done, total }));
  const token = getState(ctx.db, 'enrolmentToken');
  const manifest: ManifestDraft = {
    ...base,
    kind: 'upstream',
    recipient: { code: county.code },
    ranges: { changes: packed.ranges, appliedVer: Number(getState(ctx.db, 'appliedVer') ?? '0') } satisfies UpstreamRanges,
    counts: packed.counts,
    ...(token ? { enrolment: { token, signPublic: keys.signPublic, ageRecipient: keys.ageRecipient } } : {}),
  };
  return { manifest, compressed: packed.compressed, recipient: county.ageRecipient, station, changes: packed.changes, rows: packed.rows };
}

/** County → station: what changed in the station's scope since it last applied, and the acknowledgement. */
async function downstreamBundle(ctx: CoreContext, base: ManifestBase, forCode: string | undefined, report: Report): Promise<Outgoing> {
  if (!forCode) throw rejected('请选择要发给哪个站点', 'county export needs --for CODE');
  const peer = ctx.db.prepare('SELECT * FROM sync_stations WHERE code = ?').get(forCode) as
    | { name: string; state: string; age_recipient: string | null; applied_ver: number; acks: string }
    | undefined;
  if (!peer || peer.state !== 'enrolled' || !peer.age_recipient) {
    throw rejected(`站点 ${forCode} 尚未完成登记（需先收到该站点的第一个数据包）或已停用`, `station ${forCode} is not enrolled`);
  }
  report({ phase: '正在打包发给站点的数据', done: 0, total: 1 });
  const built = buildDownstream(ctx.db, forCode, peer.applied_ver);
  const manifest: ManifestDraft = {
    ...base,
    kind: 'downstream',
    recipient: { code: forCode },
    ranges: { fromVer: peer.applied_ver, toVer: currentCountyVersion(ctx.db) },
    ack: JSON.parse(peer.acks) as Acks,
    counts: built.counts,
  };
  const writer = new PayloadWriter();
  await writer.write(JSON.stringify({ rows: built.rows }));
  const compressed = await writer.end();
  return { manifest, compressed, recipient: peer.age_recipient, station: { code: forCode, name: peer.name }, changes: built.rows.length, rows: built.counts };
}

export interface MadeBundle {
  bytes: Uint8Array;
  manifest: ManifestDraft;
  /** Its file name (`bundleNames.ts`), and the ASCII one for a file system that refuses Chinese. */
  fileName: string;
  asciiFileName: string;
  changes: number;
  records: RecordCounts;
}

/** The next bundle from this machine: station → county, or county → station `forCode`. */
export async function makeBundle(ctx: CoreContext, keys: SyncKeys, forCode?: string, report: Report = () => {}): Promise<MadeBundle> {
  const station = ctx.requireStation();
  const createdAt = ctx.now();
  const base: ManifestBase = {
    format: 'station-ledger-bundle',
    formatVersion: 1,
    bundleId: uuidv7(),
    sender: { code: station.code, role: station.role, epoch: station.epoch, fingerprint: fingerprint(keys) },
    schemaVersion: schemaVersion(ctx),
    // Rows carry every column this schema has; an older reader could not store them.
    minReaderVersion: schemaVersion(ctx),
    appVersion: ctx.appVersion,
    createdAt: createdAt.toISOString(),
  };
  const out = station.role === 'station' ? await upstreamBundle(ctx, station, keys, base, report) : await downstreamBundle(ctx, base, forCode, report);
  report({ phase: '正在签名并加密', done: 0, total: 1 });
  const bytes = await sealCompressed({ manifest: out.manifest, compressed: out.compressed, signPrivate: keys.signPrivate, recipient: out.recipient });
  const at = ctx.now().toISOString();
  if (station.role === 'station') setState(ctx.db, 'lastExportedAt', at);
  else ctx.db.prepare('UPDATE sync_stations SET last_sent_at = ? WHERE code = ?').run(at, forCode);
  const naming = { direction: station.role === 'station' ? 'toCounty' : 'fromCounty', station: out.station, at: createdAt } as const;
  return {
    bytes,
    manifest: out.manifest,
    fileName: bundleFileName(naming),
    asciiFileName: asciiBundleFileName(naming),
    changes: out.changes,
    records: recordCountsOf(out.rows),
  };
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

/** A bundle to import: its name in the report, and its bytes or the reason there are none. */
export interface BundleSource {
  file: string;
  read(): Uint8Array | { reason: string; detail: string };
}

/**
 * Verifies and applies bundles, in order, in ONE transaction: a crash anywhere leaves the database
 * as before. Each bundle runs in its own savepoint, so a bundle that fails lands not at all while
 * the others land whole; every refusal is a result, never a partial write.
 */
export async function receiveBundles(ctx: CoreContext, call: CallContext, identity: string, sources: readonly BundleSource[]): Promise<ImportResult[]> {
  const station = ctx.requireStation();
  return ctx.writeInChunks(call, async (_w, pause) => {
    // Rows arrive in version order, not parent-first: references are checked per bundle
    // (references.ts) and, as a backstop, by SQLite at the commit.
    ctx.db.pragma('defer_foreign_keys = ON');
    const results: ImportResult[] = [];
    for (const source of sources) {
      const phase = `正在导入 ${source.file}`;
      call.progress({ phase, done: 0, total: 1 });
      const step: Step = async (done, total) => {
        call.progress({ phase, done, total });
        await pause();
      };
      results.push(await receiveOne(ctx, station, identity, source, step));
      call.progress({ phase, done: 1, total: 1 });
      // Let the progress reach the window between bundles.
      await pause();
    }
    return results;
  });
}

/** Imports one bundle from its bytes (the network hub's body). */
export async function receiveBundle(ctx: CoreContext, call: CallContext, identity: string, bytes: Uint8Array, file: string): Promise<ImportResult> {
  const [result] = await receiveBundles(ctx, call, identity, [{ file, read: () => bytes }]);
  return result!;
}

/** Reports progress inside a bundle and lets the event loop turn. */
type Step = (done: number, total: number) => Promise<void>;

const SAVEPOINT = 'bundle_import';
/** Changes applied at a time, between progress reports: few enough that they die young in memory. */
const CHANGES_PER_STEP = 500;

type Refusal = Pick<ImportResult, 'outcome' | 'reason' | 'detail' | 'from'>;

/** Reads and authenticates one bundle, up to where its payload would be inflated. */
async function openSource(ctx: CoreContext, station: StationMeta, identity: string, source: BundleSource): Promise<Refusal | AuthenticatedBundle> {
  const refuse = (reason: string, detail: string, from?: string): Refusal => ({ outcome: 'rejected', reason, detail, from });
  const bytes = source.read();
  if (!(bytes instanceof Uint8Array)) return refuse(bytes.reason, bytes.detail);
  if (bytes.length > DEFAULT_MAX_BUNDLE_BYTES) return refuse('文件过大，不是有效的数据包', 'file too large');
  let opened;
  try {
    opened = await authenticateBundle(bytes, { identity, senderKey: senderKeyFor(ctx, station) });
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
    return { outcome: 'already_imported', reason: '该数据包已导入过，无需重复导入', from: m.sender.code };
  }
  return opened;
}

/**
 * The payload inflated and parsed whole: null if it is not JSON. A function of its own: the
 * inflated bytes and the text are garbage once it returns. Throws BundleRejected if it does not inflate.
 */
function parseWhole(compressed: Buffer): unknown {
  const text = inflatePayload(compressed).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

type Summary = Pick<ImportResult, 'applied' | 'alreadyHad' | 'conflicts' | 'refused'>;
/** What writing a bundle came to: its summary, or that its payload is malformed (then the savepoint is rolled back). */
type Written = { summary: Summary; rows: WrittenRows } | null;

async function receiveOne(ctx: CoreContext, station: StationMeta, identity: string, source: BundleSource, step: Step): Promise<ImportResult> {
  const file = source.file;
  const refuse = (reason: string, detail: string, from?: string): ImportResult => ({ file, outcome: 'rejected', reason, detail, from, ...EMPTY });
  const opened = await openSource(ctx, station, identity, source);
  if (!('manifest' in opened)) return { file, ...opened, ...EMPTY };
  const { manifest: m, compressed } = opened;
  const now = ctx.now().toISOString();
  ctx.db.exec(`SAVEPOINT ${SAVEPOINT}`);
  const undo = () => ctx.db.exec(`ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}`);
  let written: Written;
  try {
    written = station.role === 'county' ? await writeUpstream(ctx, m, compressed, now, step) : writeDownstream(ctx, station, m, parseWhole(compressed), now);
  } catch (e) {
    undo();
    if (e instanceof BundleRejected) return refuse(e.messageZh, `${e.reason}: ${e.message}`);
    if (e instanceof Database.SqliteError && e.code.startsWith('SQLITE_CONSTRAINT')) {
      return refuse('数据包中的记录不符合本机的数据规则，未导入', `a row breaks a constraint: ${e.message}`, m.sender.code);
    }
    throw e;
  }
  if (!written) {
    undo();
    return refuse('文件不是有效的台账数据包', 'payload does not match its schema', m.sender.code);
  }
  const dangling = written.rows.dangling(ctx.db);
  if (dangling) {
    undo();
    return refuse('数据包中的记录引用了本机没有的记录，未导入', `reference to a missing row: ${dangling}`, m.sender.code);
  }
  ctx.db.exec(`RELEASE ${SAVEPOINT}`);
  return { file, outcome: 'applied', from: m.sender.code, ...written.summary };
}

function recordBundle(ctx: CoreContext, m: BundleManifest, summary: object, now: string): void {
  ctx.db.prepare('INSERT INTO sync_bundles (bundle_id, kind, peer, imported_at, summary) VALUES (?, ?, ?, ?, ?)').run(m.bundleId, m.kind, m.sender.code, now, JSON.stringify(summary));
}

/**
 * County, in the bundle's savepoint. A payload in the writer's one-change-per-line layout is read
 * and applied as it inflates, a few hundred changes at a time; if a line turns out unreadable or
 * out of sequence (or the payload does not inflate), what was written is rolled back and the
 * payload is taken whole — which then accepts or rejects it exactly as a whole parse always did.
 */
async function writeUpstream(ctx: CoreContext, m: BundleManifest, compressed: Buffer, now: string, step: Step): Promise<Written> {
  const ranges = upstreamRangesSchema.safeParse(m.ranges);
  if (!ranges.success) return null;
  const streamed = await streamUpstream(ctx, m, compressed, now, step);
  if (streamed) return { summary: finishUpstream(ctx, m, streamed.run, ranges.data.appliedVer, now), rows: streamed.rows };
  ctx.db.exec(`ROLLBACK TO ${SAVEPOINT}`);
  const whole = parseUpstreamPayload(parseWhole(compressed));
  if (!whole) return null;
  const rows = new WrittenRows();
  const run = beginUpstream(ctx, m, now, rows);
  run.apply(inSequence(whole.changes));
  return { summary: finishUpstream(ctx, m, run, ranges.data.appliedVer, now), rows };
}

/** The changes applied line by line; null where the payload must be taken whole instead. */
async function streamUpstream(ctx: CoreContext, m: BundleManifest, compressed: Buffer, now: string, step: Step): Promise<{ run: UpstreamApply; rows: WrittenRows } | null> {
  const reader = new ChangeLineReader();
  const rows = new WrittenRows();
  const run = beginUpstream(ctx, m, now, rows);
  // Progress in inflated bytes, of the size gzip's trailer states (when believable).
  const stated = statedPayloadSize(compressed);
  let inflated = 0;
  let pending: Change[] = [];
  const apply = async (changes: Change[] | 'whole', last: boolean): Promise<boolean> => {
    if (changes === 'whole') return false;
    pending = pending.length === 0 ? changes : pending.concat(changes);
    if (pending.length < CHANGES_PER_STEP && !last) return true;
    if (!run.continuesInOrder(pending)) return false;
    run.apply(pending);
    pending = [];
    await step(stated ? Math.min(inflated, stated) : 0, stated || 1);
    return true;
  };
  try {
    for await (const piece of inflatePieces(compressed)) {
      inflated += piece.length;
      if (!(await apply(reader.push(piece), false))) return null;
    }
  } catch (e) {
    // Not inflatable: the whole path says so, as before.
    if (e instanceof BundleRejected) return null;
    throw e;
  }
  return (await apply(reader.end(), true)) ? { run, rows } : null;
}

/** The station's enrolment completes with its first bundle; then its changes are applied against its acknowledgement state. */
function beginUpstream(ctx: CoreContext, m: BundleManifest, now: string, rows: WrittenRows): UpstreamApply {
  const peer = ctx.db.prepare('SELECT state, acks FROM sync_stations WHERE code = ?').get(m.sender.code) as { state: string; acks: string };
  if (peer.state === 'pending' && m.enrolment) {
    const keys = { signPublic: m.enrolment.signPublic, ageRecipient: m.enrolment.ageRecipient };
    ctx.db
      .prepare("UPDATE sync_stations SET state = 'enrolled', token_hash = NULL, sign_public = ?, age_recipient = ?, fingerprint = ?, enrolled_at = ? WHERE code = ?")
      .run(keys.signPublic, keys.ageRecipient, fingerprint(keys), now, m.sender.code);
  }
  return new UpstreamApply(ctx.db, m.sender.code, JSON.parse(peer.acks) as Acks, now, rows);
}

function finishUpstream(ctx: CoreContext, m: BundleManifest, run: UpstreamApply, appliedVer: number, now: string): Summary {
  const summary = run.finish();
  ctx.db
    // As reported, even if lower than before: a station restored from a backup has gone back.
    .prepare('UPDATE sync_stations SET acks = ?, applied_ver = ?, last_received_at = ? WHERE code = ?')
    .run(JSON.stringify(run.acks), appliedVer, now, m.sender.code);
  recordBundle(ctx, m, summary, now);
  return summary;
}

/** Station, in the bundle's savepoint: the county's rows, checked whole first. */
function writeDownstream(ctx: CoreContext, station: StationMeta, m: BundleManifest, json: unknown, now: string): Written {
  const payload = downstreamSchema.safeParse(json);
  const ranges = downstreamRangesSchema.safeParse(m.ranges);
  const acks = ackSchema.safeParse(m.ack ?? {});
  if (!payload.success || !ranges.success || !acks.success) return null;
  const rows = new WrittenRows();
  const restored = restoredBackup(ctx.db, station.epoch, acks.data);
  const pruned = pruneAcknowledged(ctx.db, acks.data);
  if (restored) bumpEpoch(ctx.db);
  const { applied, keptLocal } = applyDownstream(ctx.db, payload.data.rows, now, rows);
  const cursor = Number(getState(ctx.db, 'appliedVer') ?? '0');
  // Only a bundle that starts where this station stands moves the cursor; a gap keeps it, so
  // the county sends the missing versions again.
  if (ranges.data.fromVer <= cursor && ranges.data.toVer > cursor) setState(ctx.db, 'appliedVer', String(ranges.data.toVer));
  // The county answered: it has our keys, so the one-time token is spent.
  setState(ctx.db, 'enrolmentToken', null);
  recordBundle(ctx, m, { applied, alreadyHad: 0, conflicts: 0, refused: 0, keptLocal, pruned, restoredBackupDetected: restored }, now);
  return { summary: { applied, alreadyHad: 0, conflicts: keptLocal, refused: 0 }, rows };
}
