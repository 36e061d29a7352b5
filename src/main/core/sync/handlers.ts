/** The sync operations: keys, enrolment, bundles out and in, conflicts. */
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  LedgerError,
  MAX_ENROLMENT_BYTES,
  type ConflictRow,
  type EnrolmentReceipt,
  type ExportResult,
  type RecordKind,
  type SyncStationRow,
} from '../../../shared/contract';
import type { CallContext, CoreContext, StationMeta } from '../context';
import { fileError, FileRefused, readRegularFile, writePrivateFile } from '../files';
import type { SyncConflictsTable } from '../db/schema';
import type { Handlers } from '../handlers';
import type { Selectable } from 'kysely';
import { numberedFileName } from '../../../shared/domain/bundleNames';
import { DEFAULT_MAX_BUNDLE_BYTES } from './bundleFile';
import { makeBundle, receiveBundle, receiveBundles, type BundleSource, type MadeBundle } from './bundles';
import { updateRow } from './capture';
import { acceptEnrolment, enrolmentFileName, makeEnrolment, parseEnrolment, type EnrolmentFile } from './enrolment';
import { verifyClaim } from './hubAuth';
import { HubError, postBundle } from './hubClient';
import { checkPassphrase, createKeys, hasKeys, ownPublicKeys, unlockKeys } from './keystore';
import { countyPeer, getState, lastConfirmedAt, lastExportedAt, setState, stationEnrolment } from './state';
import { fieldOfColumn, tableRules, type SyncedTableName } from './tables';

function requireRole(ctx: CoreContext, role: 'station' | 'county'): StationMeta {
  const s = ctx.requireStation();
  if (s.role !== role) {
    throw new LedgerError({ code: 'conflict', message: role === 'county' ? '该操作只能在县局进行' : '该操作只能在乡镇站点进行', detail: `requires role ${role}` });
  }
  return s;
}

/** Errors of a file system that refuses a name's characters: a FAT stick mounted without UTF-8. */
const NAME_REFUSED = new Set(['EINVAL', 'EILSEQ', 'ENAMETOOLONG']);

/** A name in `folder` no file has yet: two exports in one minute must not overwrite each other. */
function freeName(folder: string, fileName: string): string {
  for (let n = 1; n < 1000; n++) {
    const path = join(folder, n === 1 ? fileName : numberedFileName(fileName, n));
    if (!existsSync(path)) return path;
  }
  return join(folder, numberedFileName(fileName, Date.now()));
}

/**
 * Writes a bundle: into a folder under its file name (`bundleNames.ts`), falling back to the ASCII
 * name where the file system refuses the Chinese one; to a file path as given.
 */
function writeBundle(ctx: CoreContext, outPath: string, made: MadeBundle): string {
  const folder = existsSync(outPath) && statSync(outPath).isDirectory();
  const path = folder ? freeName(outPath, made.fileName) : outPath;
  try {
    writePrivateFile(ctx.dataDir, path, made.bytes);
    return path;
  } catch (e) {
    if (!folder || !(e instanceof FileRefused) || !NAME_REFUSED.has(e.problem.errno ?? '')) throw fileError(e, 'outPath');
  }
  const ascii = freeName(outPath, made.asciiFileName);
  try {
    writePrivateFile(ctx.dataDir, ascii, made.bytes);
  } catch (e) {
    throw fileError(e, 'outPath');
  }
  return ascii;
}

function exportResult(path: string, made: MadeBundle): ExportResult {
  const m = made.manifest;
  return { path, bundleId: m.bundleId, kind: m.kind, recipient: m.recipient.code, changes: made.changes, records: made.records, bytes: made.bytes.length };
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

/** A bundle file on disk; read only when its turn comes, so one bad path fails only itself. */
function fileSource(path: string): BundleSource {
  return {
    file: basename(path),
    read() {
      try {
        return readRegularFile(path, DEFAULT_MAX_BUNDLE_BYTES);
      } catch (e) {
        // A damaged USB stick, a file another program holds open: this file fails, the batch goes on.
        if (e instanceof FileRefused) return e.problem;
        throw e;
      }
    },
  };
}

function enrolStation(ctx: CoreContext, call: CallContext, station: { code: string; name?: string; replace: boolean }): { file: EnrolmentFile; fingerprint: string } {
  const county = requireRole(ctx, 'county');
  const own = ownPublicKeys(ctx.dataDir);
  if (!own) throw new LedgerError({ code: 'not_initialised', message: '县局尚未创建同步密钥', detail: 'county has no keys' });
  const by = { actor: call.actor, operation: call.operation, now: ctx.now().toISOString() };
  const file = ctx.db.transaction(() => makeEnrolment(ctx.db, { code: county.countyCode, name: county.name, ...own }, station, by)).immediate();
  return { file, fingerprint: own.fingerprint };
}

/**
 * The passphrase is checked before the file is read: a wrong one touches nothing. Keys are made
 * (or unlocked) only once the file has proved to be this station's.
 */
async function acceptEnrolmentText(ctx: CoreContext, readText: () => string, passphrase: string, field: string): Promise<EnrolmentReceipt> {
  const station = requireRole(ctx, 'station');
  checkPassphrase(ctx.dataDir, passphrase);
  const file = parseEnrolment(readText(), field);
  if (file.station.code !== station.code) {
    const message = `该登记文件是发给“${file.station.name}”（${file.station.code}）的，不是本站`;
    throw new LedgerError({ code: 'validation', message, detail: `enrolment is for ${file.station.code}`, fieldErrors: { [field]: message } });
  }
  const own = hasKeys(ctx.dataDir) ? ownPublicKeys(ctx.dataDir)! : await createKeys(ctx.dataDir, passphrase);
  ctx.db.transaction(() => acceptEnrolment(ctx.db, file, ctx.now().toISOString())).immediate();
  return { countyFingerprint: file.county.fingerprint, fingerprint: own.fingerprint };
}

function enrolmentJson(file: EnrolmentFile): string {
  return JSON.stringify(file, null, 1);
}

/** Records that belong to a person: how to reach the person's name. */
const OWNED_RECORDS: Partial<Record<SyncedTableName, { sql: string }>> = {
  child_categories: { sql: 'SELECT p.name FROM child_categories r JOIN children p ON p.id = r.child_id WHERE r.id = ?' },
  elder_groups: { sql: 'SELECT p.name FROM elder_groups r JOIN elders p ON p.id = r.elder_id WHERE r.id = ?' },
  elder_contacts: { sql: 'SELECT p.name FROM elder_contacts r JOIN elders p ON p.id = r.elder_id WHERE r.id = ?' },
  support_agreements: { sql: 'SELECT p.name FROM support_agreements r JOIN elders p ON p.id = r.elder_id WHERE r.id = ?' },
  drowning_publicity: { sql: 'SELECT p.name FROM drowning_publicity r JOIN children p ON p.id = r.child_id WHERE r.id = ?' },
  visits: { sql: `SELECT coalesce(c.name, e.name, w.name) AS name FROM visits r LEFT JOIN children c ON c.id = r.subject_id LEFT JOIN elders e ON e.id = r.subject_id LEFT JOIN women w ON w.id = r.subject_id WHERE r.id = ?` },
  major_changes: { sql: `SELECT coalesce(c.name, e.name, w.name) AS name FROM major_changes r LEFT JOIN children c ON c.id = r.subject_id LEFT JOIN elders e ON e.id = r.subject_id LEFT JOIN women w ON w.id = r.subject_id WHERE r.id = ?` },
  water_inspections: { sql: 'SELECT place AS name FROM water_inspections WHERE id = ?' },
};

/** A record as the county reads it: the name of the person it is, or is about. */
function describeRecord(ctx: CoreContext, table: SyncedTableName, id: string): string {
  const sql = table === 'children' || table === 'elders' || table === 'women' ? `SELECT name FROM ${table} WHERE id = ?` : OWNED_RECORDS[table]?.sql;
  return (sql ? (ctx.db.prepare(sql).get(id) as { name: string | null } | undefined)?.name : null) ?? id;
}

function recordKindOf(table: SyncedTableName): RecordKind {
  const rules = tableRules(table);
  if (!rules.record) throw new Error(`conflict on ${table}, which is not a station register`);
  return rules.record;
}

const parseValue = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

export function syncHandlers(
  ctx: CoreContext,
): Pick<
  Handlers,
  | 'sync.status'
  | 'sync.createKeys'
  | 'sync.enrolStation'
  | 'sync.enrolStationData'
  | 'sync.acceptEnrolment'
  | 'sync.acceptEnrolmentData'
  | 'sync.verifyHubSender'
  | 'sync.revokeStation'
  | 'sync.exportBundle'
  | 'sync.importBundles'
  | 'sync.exchange'
  | 'sync.withHub'
  | 'sync.exportBundleData'
  | 'sync.importBundleData'
  | 'sync.saveSettings'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
> {
  return {
    'sync.status': () => {
      const station = ctx.requireStation();
      const own = ownPublicKeys(ctx.dataDir);
      if (station.role === 'county') {
        const open = ctx.db.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number };
        return { role: 'county', hubUrl: null, fingerprint: own?.fingerprint ?? null, county: { stations: stationRows(ctx), openConflicts: open.n } };
      }
      const county = countyPeer(ctx.db);
      const unconfirmed = ctx.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number };
      return {
        role: 'station',
        hubUrl: getState(ctx.db, 'hubUrl'),
        fingerprint: own?.fingerprint ?? null,
        station: {
          enrolment: stationEnrolment(ctx.db),
          countyFingerprint: county?.fingerprint ?? null,
          unconfirmed: unconfirmed.n,
          lastExportedAt: lastExportedAt(ctx.db),
          lastConfirmedAt: lastConfirmedAt(ctx.db),
        },
      };
    },
    'sync.createKeys': async ({ passphrase }) => {
      requireRole(ctx, 'county');
      return { fingerprint: (await createKeys(ctx.dataDir, passphrase)).fingerprint };
    },
    'sync.enrolStation': ({ outPath, ...station }, call) => {
      const { file, fingerprint } = enrolStation(ctx, call, station);
      try {
        // The file holds the one-time token: readable by its owner only.
        writePrivateFile(ctx.dataDir, outPath, enrolmentJson(file));
      } catch (e) {
        throw fileError(e, 'outPath');
      }
      return { path: outPath, fingerprint };
    },
    'sync.enrolStationData': (station, call) => {
      const { file, fingerprint } = enrolStation(ctx, call, station);
      return { fileName: enrolmentFileName(station.code), text: enrolmentJson(file), fingerprint };
    },
    'sync.acceptEnrolment': ({ path, passphrase }) =>
      acceptEnrolmentText(
        ctx,
        () => {
          try {
            return readRegularFile(path, MAX_ENROLMENT_BYTES).toString('utf8');
          } catch (e) {
            throw fileError(e, 'path');
          }
        },
        passphrase,
        'path',
      ),
    'sync.acceptEnrolmentData': ({ file, passphrase }) => acceptEnrolmentText(ctx, () => file.text, passphrase, 'file'),
    'sync.revokeStation': ({ code }) => {
      requireRole(ctx, 'county');
      const changed = ctx.db.prepare("UPDATE sync_stations SET state = 'revoked', revoked_at = ?, token_hash = NULL WHERE code = ?").run(ctx.now().toISOString(), code).changes;
      if (changed === 0) throw new LedgerError({ code: 'not_found', message: `没有站点 ${code}`, detail: `no station ${code}` });
      return { code };
    },
    'sync.exportBundle': async ({ outPath, passphrase, for: forCode }, call) => {
      const keys = unlockKeys(ctx.dataDir, passphrase);
      const made = await makeBundle(ctx, keys, forCode, call.progress);
      call.progress({ phase: '正在保存数据包', done: 0, total: 1 });
      return exportResult(writeBundle(ctx, outPath, made), made);
    },
    'sync.importBundles': async ({ paths, passphrase }, call) => {
      const keys = unlockKeys(ctx.dataDir, passphrase);
      // Oldest first: downstream bundles then move the cursor in order.
      return { results: await receiveBundles(ctx, call, keys.ageIdentity, paths.map(fileSource)) };
    },
    'sync.verifyHubSender': (claim) => {
      requireRole(ctx, 'county');
      verifyClaim(ctx.db, claim);
      return { station: claim.station };
    },
    'sync.exchange': async ({ bundle, passphrase }, call) => {
      requireRole(ctx, 'county');
      const keys = unlockKeys(ctx.dataDir, passphrase);
      const result = await receiveBundle(ctx, call, keys.ageIdentity, bundle, 'network');
      // Reply also to a repeated bundle: its reply was what a dropped connection lost.
      if (result.outcome === 'rejected' || !result.from) return { result, reply: null };
      const { bytes } = await makeBundle(ctx, keys, result.from);
      return { result, reply: bytes };
    },
    'sync.withHub': async ({ hubUrl, passphrase }, call) => {
      const station = requireRole(ctx, 'station');
      const keys = unlockKeys(ctx.dataDir, passphrase);
      const made = await makeBundle(ctx, keys, undefined, call.progress);
      const { bytes } = made;
      const sent = exportResult(hubUrl, made);
      call.progress({ phase: '正在发送到县局', done: 0, total: 2 });
      let reply: Uint8Array;
      try {
        reply = await postBundle(hubUrl, bytes, { station: station.code, signPrivate: keys.signPrivate, enrolmentToken: getState(ctx.db, 'enrolmentToken') });
      } catch (e) {
        if (e instanceof HubError) throw new LedgerError({ code: 'network', message: e.messageZh, detail: e.message });
        throw e;
      }
      call.progress({ phase: '正在导入县局数据', done: 1, total: 2 });
      const received = await receiveBundle(ctx, call, keys.ageIdentity, reply, 'network');
      call.progress({ phase: '同步完成', done: 2, total: 2 });
      return { sent, received };
    },
    'sync.exportBundleData': async ({ passphrase, for: forCode }, call) => {
      const keys = unlockKeys(ctx.dataDir, passphrase);
      const made = await makeBundle(ctx, keys, forCode, call.progress);
      return { fileName: made.fileName, data: Buffer.from(made.bytes).toString('base64'), result: exportResult(made.fileName, made) };
    },
    'sync.importBundleData': async ({ files, passphrase }, call) => {
      const keys = unlockKeys(ctx.dataDir, passphrase);
      const sources = files.map((f): BundleSource => ({ file: f.name, read: () => Buffer.from(f.data, 'base64') }));
      return { results: await receiveBundles(ctx, call, keys.ageIdentity, sources) };
    },
    'sync.saveSettings': ({ hubUrl }) => {
      requireRole(ctx, 'station');
      setState(ctx.db, 'hubUrl', hubUrl === '' ? null : hubUrl);
      return { hubUrl: hubUrl === '' ? null : hubUrl };
    },
    'sync.conflicts': ({ open }) => {
      requireRole(ctx, 'county');
      const rows = ctx.db
        .prepare(`SELECT * FROM sync_conflicts ${open ? 'WHERE resolved_at IS NULL' : ''} ORDER BY id`)
        .all() as Selectable<SyncConflictsTable>[];
      return rows.map(
        (r): ConflictRow => ({
          id: r.id,
          kind: recordKindOf(r.tbl as SyncedTableName),
          rowId: r.row_id,
          record: describeRecord(ctx, r.tbl as SyncedTableName, r.row_id),
          field: fieldOfColumn(r.tbl as SyncedTableName, r.field),
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
        if (keep === 'station') {
          const table = c.tbl as SyncedTableName;
          const values = { [c.field]: parseValue(c.station_value) as string | number | null };
          updateRow(w, table, c.row_id, { ...values, ...tableRules(table).derive?.(values) });
        }
        ctx.db.prepare('UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?').run(w.now, call.actor, keep, id);
        return { id };
      });
    },
  };
}
