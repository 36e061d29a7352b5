import { z } from 'zod';
import { mutation, query, type Progress } from './define';

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
    enrolled: boolean;
    countyFingerprint: string | null;
    /** Changes made here that the county has not yet confirmed storing. */
    unconfirmed: number;
    lastSyncAt: string | null;
  };
  county?: {
    stations: SyncStationRow[];
    openConflicts: number;
  };
}

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
  counts: Record<string, number>;
  bytes: number;
}

export interface ConflictRow {
  id: number;
  table: string;
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

export const syncOperations = {
  'sync.status': query<SyncStatus>()(z.object({})),
  'sync.createKeys': mutation<{ fingerprint: string }>()(z.object({ passphrase })),
  'sync.enrolStation': mutation<{ path: string; fingerprint: string }>()(
    z.object({ code: stationCode, name: z.string().trim().max(40).optional(), outPath: filePath('登记文件保存位置') }),
  ),
  'sync.acceptEnrolment': mutation<{ countyFingerprint: string; fingerprint: string }>()(
    z.object({ path: filePath('登记文件'), passphrase }),
  ),
  'sync.revokeStation': mutation<{ code: string }>()(z.object({ code: stationCode })),
  'sync.exportBundle': mutation<ExportResult>()(
    z.object({ outPath: filePath('保存位置'), passphrase, for: stationCode.optional() }),
  ),
  'sync.importBundles': mutation<{ results: ImportResult[] }, Progress>()(
    z.object({ paths: z.array(filePath('数据包')).min(1, '请选择数据包').max(100), passphrase }),
  ),
  /** County hub: one upstream bundle in (base64), its verdict and the station's reply bundle out. */
  'sync.exchange': mutation<{ result: ImportResult; reply: string | null }>()(
    z.object({ bundle: z.string().max(96 * 1024 * 1024), passphrase }),
  ),
  /** Station: push this station's bundle to the county's hub and apply the reply. */
  'sync.withHub': mutation<{ sent: ExportResult; received: ImportResult | null }, Progress>()(
    z.object({ hubUrl: z.url({ protocol: /^https?$/, error: '同步服务器地址应为 http:// 开头的网址' }), passphrase }),
  ),
  /** For hosts without file paths (the browser): the bundle travels as base64 in and out. */
  'sync.exportBundleData': mutation<{ fileName: string; data: string; result: ExportResult }>()(
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
