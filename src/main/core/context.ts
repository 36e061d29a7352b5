import { Kysely, SqliteDialect } from 'kysely';
import { LedgerError, type Progress } from '../../shared/contract';
import type { StationRole } from '../../shared/contract/station';
import type { Sqlite } from './db/open';
import type { DB } from './db/schema';
import type { WriteContext } from './sync/capture';
import { todayIso } from '../../shared/domain/dates';
import { readStationMeta } from './station/meta';

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
  /** The data folder: the database, and the sealed key file beside it. */
  dataDir: string;
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

/** The context over an open, migrated database; `createCore` wraps it with the operations. */
export function createCoreContext(opts: { db: Sqlite; dataDir: string; appRoot: string; appVersion: string; now: () => Date }): CoreContext {
  const { db, now } = opts;
  const requireStation = (): StationMeta => {
    const s = readStationMeta(db);
    if (!s) throw new LedgerError({ code: 'not_initialised', message: '本机尚未设置站点，请先完成初始化', detail: 'data dir is not initialised' });
    return s;
  };
  const writeContext = (call: CallContext): WriteContext => {
    const station = requireStation();
    return { db, role: station.role, actor: call.actor, operation: call.operation, stationCode: station.code, epoch: station.epoch, now: now().toISOString() };
  };
  return {
    db,
    dataDir: opts.dataDir,
    kdb: new Kysely<DB>({ dialect: new SqliteDialect({ database: db }) }),
    appRoot: opts.appRoot,
    appVersion: opts.appVersion,
    now,
    today: () => todayIso(now()),
    station: () => readStationMeta(db),
    requireStation,
    write(call, fn) {
      const w = writeContext(call);
      return db.transaction(() => fn(w)).immediate();
    },
    async writeInChunks(call, fn) {
      const w = writeContext(call);
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(w, () => new Promise<void>((resolve) => setImmediate(resolve)));
        db.exec('COMMIT');
        return result;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
  };
}
