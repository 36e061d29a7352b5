/** A station's sync state, in `meta` (local, never synced). */
import type { Sqlite } from '../db/open';
import { prepared } from './statements';

const KEYS = {
  countyCode: 'sync.county_code',
  countySignPublic: 'sync.county_sign_public',
  countyAgeRecipient: 'sync.county_age_recipient',
  countyFingerprint: 'sync.county_fingerprint',
  enrolmentToken: 'sync.enrolment_token',
  appliedVer: 'sync.applied_ver',
  lastSyncAt: 'sync.last_sync_at',
  hubUrl: 'sync.hub_url',
} as const;
export type StateKey = keyof typeof KEYS;

export function getState(db: Sqlite, key: StateKey): string | null {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(KEYS[key]) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setState(db: Sqlite, key: StateKey, value: string | null): void {
  if (value === null) prepared(db, 'DELETE FROM meta WHERE key = ?').run(KEYS[key]);
  else prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEYS[key], value);
}

export interface CountyPeer {
  code: string;
  signPublic: string;
  ageRecipient: string;
  fingerprint: string;
}

export function countyPeer(db: Sqlite): CountyPeer | null {
  const code = getState(db, 'countyCode');
  const signPublic = getState(db, 'countySignPublic');
  const ageRecipient = getState(db, 'countyAgeRecipient');
  if (!code || !signPublic || !ageRecipient) return null;
  return { code, signPublic, ageRecipient, fingerprint: getState(db, 'countyFingerprint') ?? '' };
}

export function bumpEpoch(db: Sqlite): number {
  const row = prepared(db, "SELECT value FROM meta WHERE key = 'sync.epoch'").get() as { value: string } | undefined;
  const next = Number(row?.value ?? '1') + 1;
  prepared(db, "INSERT INTO meta (key, value) VALUES ('sync.epoch', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(next));
  return next;
}
