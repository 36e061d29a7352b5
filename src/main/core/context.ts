import type { Kysely } from 'kysely';
import type { Progress } from '../../shared/contract';
import type { StationRole } from '../../shared/contract/station';
import type { Sqlite } from './db/open';
import type { DB } from './db/schema';
import type { WriteContext } from './sync/capture';

export interface StationMeta {
  role: StationRole;
  code: string;
  name: string;
  countyCode: string;
  /** Bumped when a restored backup is detected, so old and new sequence numbers never collide. */
  epoch: number;
}

/** What every handler may use: the database, the station identity and the write path. */
export interface CoreContext {
  db: Sqlite;
  kdb: Kysely<DB>;
  appRoot: string;
  appVersion: string;
  now(): Date;
  /** Local calendar day, YYYY-MM-DD. */
  today(): string;
  station(): StationMeta | null;
  /** The station, or a `not_initialised` error telling the user to set it up first. */
  requireStation(): StationMeta;
  /** Runs `fn` in one IMMEDIATE transaction with a write context for the capture path. */
  write<T>(call: CallContext, fn: (w: WriteContext) => T): T;
  /**
   * For long writes (imports, demo data): one transaction that `fn` may pause between chunks so
   * progress reaches the window. The core runs one call at a time, so nothing else touches the
   * connection while the transaction is open; a crash mid-way rolls back as a whole.
   */
  writeInChunks<T>(call: CallContext, fn: (w: WriteContext, pause: () => Promise<void>) => Promise<T>): Promise<T>;
}

/** Per call: who is acting, which operation, and where progress goes. */
export interface CallContext {
  operation: string;
  actor: string;
  progress(p: Progress): void;
}
