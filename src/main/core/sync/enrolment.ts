/**
 * Enrolment: the county makes a file for a station (its public keys, the station's code, the
 * reference data and a one-time token); the station is set up from it. The station's own keys
 * reach the county in its first bundle, accepted only with that token. Both sides show short
 * fingerprints so staff can compare them by phone. The file holds no person data and no secret
 * other than the one-time token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LedgerError } from '../../../shared/contract';
import type { Sqlite } from '../db/open';
import { applyDownstream, buildDownstream } from './downstream';
import { countyRowSchema, type CountyRow } from './payload';
import { setState } from './state';
import { SYNCED_TABLES, type SyncedTableName } from './tables';

const enrolmentSchema = z.object({
  format: z.literal('station-ledger-enrolment'),
  formatVersion: z.literal(1),
  county: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string(), signPublic: z.string(), ageRecipient: z.string(), fingerprint: z.string() }),
  station: z.object({ code: z.string().regex(/^\d{9}$/), name: z.string() }),
  token: z.string().min(16),
  createdAt: z.string(),
  reference: z.array(countyRowSchema),
});
export type EnrolmentFile = z.infer<typeof enrolmentSchema>;

export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Makes a station's enrolment file, in the caller's transaction. Re-enrolling a station that is
 * already syncing cuts it off until it imports the new file, and whoever holds that file receives
 * the township's records: it is refused unless `replace` says the person confirmed it, and audited.
 */
export function makeEnrolment(
  db: Sqlite,
  county: { code: string; name: string; signPublic: string; ageRecipient: string; fingerprint: string },
  station: { code: string; name?: string; replace: boolean },
  by: { actor: string; operation: string; now: string },
): EnrolmentFile {
  const township = db.prepare("SELECT name FROM places WHERE id = ? AND level = 'township' AND deleted = 0").get(station.code) as { name: string } | undefined;
  if (!township) {
    const message = `代码 ${station.code} 不是本县的乡镇（街道）`;
    throw new LedgerError({ code: 'validation', message, detail: `${station.code} is not a township of this county`, fieldErrors: { code: message } });
  }
  const existing = db.prepare('SELECT name, state FROM sync_stations WHERE code = ?').get(station.code) as { name: string; state: string } | undefined;
  if (existing?.state === 'revoked') {
    throw new LedgerError({ code: 'conflict', message: '该站点已停用，不能再登记', detail: `station ${station.code} is revoked` });
  }
  if (existing?.state === 'enrolled' && !station.replace) {
    const message = `“${existing.name}”已登记并在同步。重新登记会使原登记作废：该站点在导入新的登记文件之前不能再同步，持有新文件的电脑将收到本乡镇的台账。确需重新登记，请确认后再操作。`;
    throw new LedgerError({
      code: 'conflict',
      message,
      detail: `station ${station.code} is already enrolled; re-enrolling needs explicit confirmation (--force)`,
      // The input that would change the answer: each host asks for it in its own way.
      fieldErrors: { replace: message },
    });
  }
  const name = station.name || `${township.name}社工站`;
  const token = randomBytes(24).toString('base64url');
  // A new enrolment replaces any earlier one: the old token and keys stop working.
  db.prepare(
    `INSERT INTO sync_stations (code, name, state, token_hash) VALUES (?, ?, 'pending', ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, state = 'pending', token_hash = excluded.token_hash,
       sign_public = NULL, age_recipient = NULL, fingerprint = NULL`,
  ).run(station.code, name, tokenHash(token));
  db.prepare('INSERT INTO audit_log (at, actor, operation, tbl, row_id, action, fields) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    by.now,
    by.actor,
    by.operation,
    'sync_stations',
    station.code,
    existing ? 'update' : 'insert',
    JSON.stringify(existing ? ['name', 'state', 'token_hash', 'sign_public', 'age_recipient', 'fingerprint', `replaced:${existing.state}`] : ['name', 'state', 'token_hash']),
  );
  const reference = buildDownstream(db, '', 0).rows.filter((r) => SYNCED_TABLES[r.tbl as SyncedTableName]?.owner === 'county');
  return { format: 'station-ledger-enrolment', formatVersion: 1, county, station: { code: station.code, name }, token, createdAt: by.now, reference };
}

export const enrolmentFileName = (code: string) => `登记文件-${code}.json`;

/** `field` names the form field that supplied the file, for the error shown beside it. */
export function parseEnrolment(text: string, field = 'path'): EnrolmentFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = null;
  }
  const parsed = enrolmentSchema.safeParse(data);
  if (!parsed.success) {
    throw new LedgerError({ code: 'validation', message: '文件不是有效的站点登记文件', detail: 'not an enrolment file', fieldErrors: { [field]: '文件不是有效的站点登记文件' } });
  }
  return parsed.data;
}

/** Station side, in the caller's transaction: remember the county and take its reference data. */
export function acceptEnrolment(db: Sqlite, file: EnrolmentFile, now: string): void {
  setState(db, 'countyCode', file.county.code);
  setState(db, 'countySignPublic', file.county.signPublic);
  setState(db, 'countyAgeRecipient', file.county.ageRecipient);
  setState(db, 'countyFingerprint', file.county.fingerprint);
  setState(db, 'enrolmentToken', file.token);
  applyDownstream(db, file.reference as CountyRow[], now);
}
