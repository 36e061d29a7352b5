import { z } from 'zod';
import { cliOnly, mutation, onServerDisk, query, type Progress } from './define';
import type { RecordKind } from './records';
import type { RecordCounts } from './syncKinds';

export * from './syncKinds';

const passphrase = z.string({ error: '请输入密钥口令' }).min(1, '请输入密钥口令').max(200);
const filePath = (label: string) => z.string({ error: `请选择${label}` }).min(1, `请选择${label}`).max(4096);
const stationCode = z.string().regex(/^\d{9}$/, '站点代码应为9位乡镇（街道）统计代码');

export interface SyncStationRow {
  code: string;
  name: string;
  state: 'pending' | 'enrolled' | 'revoked';
  fingerprint: string | null;
  lastReceivedAt: string | null;
  lastSentAt: string | null;
  /** County changes in this station's scope not yet confirmed as applied there. */
  waitingToSend: number;
}

export interface SyncStatus {
  role: 'station' | 'county';
  /** A station's county hub address for network sync, when set. */
  hubUrl: string | null;
  /** This machine's key fingerprint, shown on both sides at enrolment; null before keys exist. */
  fingerprint: string | null;
  station?: {
    /**
     * `none`: no enrolment file imported. `awaiting_county`: the file is imported, but the county
     * has not yet answered this station's first bundle, so it does not take the station's data yet.
     * `enrolled`: a bundle from the county has been imported here since.
     */
    enrolment: StationEnrolment;
    countyFingerprint: string | null;
    /** Changes made here that the county has not yet confirmed storing. */
    unconfirmed: number;
    /** When this station last made a bundle for the county (USB stick or network): sent, not received. */
    lastExportedAt: string | null;
    /** When a bundle from the county (its confirmation of what it stored) was last imported here. */
    lastConfirmedAt: string | null;
  };
  county?: {
    stations: SyncStationRow[];
    openConflicts: number;
  };
}

export type StationEnrolment = 'none' | 'awaiting_county' | 'enrolled';

export type ImportOutcome = 'applied' | 'already_imported' | 'rejected';

export interface ImportResult {
  file: string;
  outcome: ImportOutcome;
  /** Chinese, for people; set when rejected. */
  reason?: string;
  /** English, for logs and JSON. */
  detail?: string;
  from?: string;
  applied: number;
  alreadyHad: number;
  conflicts: number;
  refused: number;
}

export interface ExportResult {
  path: string;
  bundleId: string;
  kind: 'upstream' | 'downstream';
  recipient: string;
  /** Changes in a station's bundle; rows in the county's. */
  changes: number;
  /** Records added or changed, per kind: what `recordCountsText` reads out. */
  records: RecordCounts;
  bytes: number;
}

export interface ConflictRow {
  id: number;
  /** The kind of record, and its field as the contract names it (`recordField` gives its label). */
  kind: RecordKind;
  rowId: string;
  /** A person-readable name of the record (e.g. the child's name). */
  record: string;
  field: string;
  countyValue: unknown;
  countyOrigin: string;
  stationCode: string;
  stationValue: unknown;
  stationActor: string;
  stationAt: string;
  receivedAt: string;
  resolution: 'county' | 'station' | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

/** An enrolment file carries the county's keys and the reference data: a few hundred kilobytes. */
export const MAX_ENROLMENT_BYTES = 8 * 1024 * 1024;
/** The largest bundle the county's hub takes in one request. */
export const MAX_HUB_BUNDLE_BYTES = 64 * 1024 * 1024;

const enrolStationInput = z.object({
  code: stationCode,
  name: z.string().trim().max(40).optional(),
  /** Required to re-enrol a station already syncing: its current enrolment stops working. */
  replace: z.boolean().default(false),
});

export interface EnrolmentReceipt {
  countyFingerprint: string;
  fingerprint: string;
}

/** What the county's hub proves before it takes a body: see core/sync/hubAuth.ts. */
export const hubSenderClaim = z.object({
  station: stationCode,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  size: z.number().int().min(1).max(MAX_HUB_BUNDLE_BYTES),
  signature: z.string().max(200).optional(),
  tokenProof: z.string().max(200).optional(),
});
export type HubSenderClaim = z.infer<typeof hubSenderClaim>;

export const syncOperations = {
  'sync.status': query<SyncStatus>()(z.object({})),
  'sync.createKeys': mutation<{ fingerprint: string }>()(z.object({ passphrase })),
  'sync.enrolStation': onServerDisk(
    mutation<{ path: string; fingerprint: string }>()(enrolStationInput.extend({ outPath: filePath('登记文件保存位置') })),
  ),
  /** For hosts without file paths (the browser): the enrolment file comes back as text to download. */
  'sync.enrolStationData': mutation<{ fileName: string; text: string; fingerprint: string }>()(enrolStationInput),
  'sync.acceptEnrolment': onServerDisk(mutation<EnrolmentReceipt>()(z.object({ path: filePath('登记文件'), passphrase }))),
  'sync.acceptEnrolmentData': mutation<EnrolmentReceipt>()(
    z.object({
      file: z.object({ name: z.string().max(255), text: z.string({ error: '请选择登记文件' }).min(1, '请选择登记文件').max(MAX_ENROLMENT_BYTES, '文件过大，不是有效的站点登记文件') }),
      passphrase,
    }),
  ),
  'sync.revokeStation': mutation<{ code: string }>()(z.object({ code: stationCode })),
  'sync.exportBundle': onServerDisk(
    mutation<ExportResult, Progress>()(z.object({ outPath: filePath('保存位置'), passphrase, for: stationCode.optional() })),
  ),
  'sync.importBundles': onServerDisk(
    mutation<{ results: ImportResult[] }, Progress>()(
      z.object({ paths: z.array(filePath('数据包')).min(1, '请选择数据包').max(100), passphrase }),
    ),
  ),
  /** County hub: is this station allowed to send a body of this size? Refuses with a LedgerError. */
  'sync.verifyHubSender': cliOnly(query<{ station: string }>()(hubSenderClaim)),
  /** County hub: one upstream bundle in, its verdict and the station's reply bundle out. */
  'sync.exchange': cliOnly(
    mutation<{ result: ImportResult; reply: Uint8Array | null }>()(
      z.object({
        bundle: z.custom<Uint8Array>((b) => b instanceof Uint8Array, '数据包应为字节').refine((b) => b.length <= MAX_HUB_BUNDLE_BYTES, '数据包过大'),
        passphrase,
      }),
    ),
  ),
  /** Station: push this station's bundle to the county's hub and apply the reply. */
  'sync.withHub': mutation<{ sent: ExportResult; received: ImportResult | null }, Progress>()(
    z.object({ hubUrl: z.url({ protocol: /^https?$/, error: '同步服务器地址应为 http:// 开头的网址' }), passphrase }),
  ),
  /** For hosts without file paths (the browser): the bundle travels as base64 in and out. */
  'sync.exportBundleData': mutation<{ fileName: string; data: string; result: ExportResult }, Progress>()(
    z.object({ passphrase, for: stationCode.optional() }),
  ),
  'sync.importBundleData': mutation<{ results: ImportResult[] }, Progress>()(
    z.object({
      files: z.array(z.object({ name: z.string().max(255), data: z.string().max(96 * 1024 * 1024) })).min(1, '请选择数据包').max(20),
      passphrase,
    }),
  ),
  'sync.saveSettings': mutation<{ hubUrl: string | null }>()(
    z.object({
      hubUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: '同步服务器地址应为 http:// 开头的网址' })]),
    }),
  ),
  'sync.conflicts': query<ConflictRow[]>()(z.object({ open: z.boolean().default(true) })),
  'sync.resolveConflict': mutation<{ id: number }>()(z.object({ id: z.number().int().min(1), keep: z.enum(['county', 'station'], { error: '请选择保留哪一方的值' }) })),
} as const;
