/** A station's sync state, in `meta` (local, never synced). */
import type { StationEnrolment } from '../../../shared/contract';
import type { Sqlite } from '../db/open';
import { prepared } from './statements';

const KEYS = {
  countyCode: 'sync.county_code',
  countySignPublic: 'sync.county_sign_public',
  countyAgeRecipient: 'sync.county_age_recipient',
  countyFingerprint: 'sync.county_fingerprint',
  enrolmentToken: 'sync.enrolment_token',
  appliedVer: 'sync.applied_ver',
  lastExportedAt: 'sync.last_exported_at',
  /** Written by releases before `lastExportedAt`: the last bundle out or in, whichever came later. */
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

/** When the county's last bundle was imported here: the county's confirmation of what it stored. */
export function lastConfirmedAt(db: Sqlite): string | null {
  return (prepared(db, "SELECT max(imported_at) AS at FROM sync_bundles WHERE kind = 'downstream'").get() as { at: string | null }).at;
}

/** When this station last made a bundle for the county; it may not have reached the county. */
export function lastExportedAt(db: Sqlite): string | null {
  const exported = getState(db, 'lastExportedAt');
  if (exported) return exported;
  // An older release kept one time for both directions: later than the last import, it was an export.
  const legacy = getState(db, 'lastSyncAt');
  const confirmed = lastConfirmedAt(db);
  return legacy && (!confirmed || legacy > confirmed) ? legacy : null;
}

/** Where a station stands with the county; see `SyncStatus`. */
export function stationEnrolment(db: Sqlite): StationEnrolment {
  if (!countyPeer(db)) return 'none';
  // The one-time token is spent when the county's first bundle arrives (bundles.ts).
  return getState(db, 'enrolmentToken') ? 'awaiting_county' : 'enrolled';
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
