import { LedgerError, type CheckResult, type StationInfo, type StationStatus } from '../../../shared/contract';
import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { existsSync } from 'node:fs';
import { DEFAULT_COUNTY, loadPlaceSeed, placeSeedFile, seedPlaces } from '../places/seed';
import { writeStationMeta } from './meta';
import { lastConfirmedAt, lastExportedAt } from '../sync/state';

function info(ctx: CoreContext): StationInfo {
  const s = ctx.station();
  const schemaVersion = ctx.db.pragma('user_version', { simple: true }) as number;
  if (!s) return { initialised: false, schemaVersion, appVersion: ctx.appVersion };
  const county = ctx.db.prepare("SELECT name FROM places WHERE id = ? AND level = 'county'").get(s.countyCode) as { name: string } | undefined;
  return {
    initialised: true,
    role: s.role,
    code: s.code,
    name: s.name,
    countyCode: s.countyCode,
    countyName: county?.name ?? '',
    schemaVersion,
    appVersion: ctx.appVersion,
  };
}

function count(ctx: CoreContext, sql: string): number {
  return (ctx.db.prepare(sql).get() as { n: number }).n;
}

/** The last bundle made and the last imported here; see `StationStatus`. */
function lastBundles(ctx: CoreContext): Pick<StationStatus, 'lastExportedAt' | 'lastReceivedAt'> {
  if (ctx.station()?.role === 'county') {
    return ctx.db.prepare('SELECT max(last_sent_at) AS lastExportedAt, max(last_received_at) AS lastReceivedAt FROM sync_stations').get() as Pick<
      StationStatus,
      'lastExportedAt' | 'lastReceivedAt'
    >;
  }
  return { lastExportedAt: lastExportedAt(ctx.db), lastReceivedAt: lastConfirmedAt(ctx.db) };
}

function mealCounts(ctx: CoreContext): Pick<StationStatus['counts'], 'mealSites' | 'diners' | 'mealsThisMonth'> {
  const today = ctx.today();
  return ctx.db
    .prepare(
      `SELECT (SELECT count(*) FROM meal_sites WHERE deleted = 0) AS mealSites,
        (SELECT count(*) FROM meal_diners d JOIN meal_sites s ON s.id = d.site_id AND s.deleted = 0
          WHERE d.deleted = 0 AND d.start_on <= @today AND (d.stop_on IS NULL OR d.stop_on >= @today)) AS diners,
        (SELECT count(*) FROM meal_attendance WHERE deleted = 0 AND day >= @first AND day <= @today) AS mealsThisMonth`,
    )
    .get({ today, first: `${today.slice(0, 7)}-01` }) as Pick<StationStatus['counts'], 'mealSites' | 'diners' | 'mealsThisMonth'>;
}

function status(ctx: CoreContext): StationStatus {
  return {
    ...info(ctx),
    counts: {
      children: count(ctx, 'SELECT count(*) AS n FROM children WHERE deleted = 0'),
      elders: count(ctx, 'SELECT count(*) AS n FROM elders WHERE deleted = 0'),
      women: count(ctx, 'SELECT count(*) AS n FROM women WHERE deleted = 0'),
      visits: count(ctx, 'SELECT count(*) AS n FROM visits WHERE deleted = 0'),
      townships: count(ctx, "SELECT count(*) AS n FROM places WHERE level = 'township' AND deleted = 0"),
      villages: count(ctx, "SELECT count(*) AS n FROM places WHERE level = 'village' AND deleted = 0"),
      ...mealCounts(ctx),
    },
    unsyncedChanges: count(ctx, 'SELECT count(*) AS n FROM sync_outbox'),
    ...lastBundles(ctx),
  };
}

/** SQLite's own integrity and foreign-key checks, plus the register's invariants. */
function check(ctx: CoreContext): CheckResult {
  const problems: string[] = [];
  let integrity: { integrity_check: string }[];
  try {
    integrity = ctx.db.pragma('integrity_check') as { integrity_check: string }[];
  } catch (e) {
    // A file damaged badly enough makes the check itself fail: that is the finding.
    problems.push(`数据库文件已损坏：${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, problems };
  }
  for (const r of integrity) if (r.integrity_check !== 'ok') problems.push(`数据库完整性：${r.integrity_check}`);
  const fk = ctx.db.pragma('foreign_key_check') as { table: string; rowid: number }[];
  for (const r of fk) problems.push(`关联记录缺失：${r.table} 第${r.rowid}行`);
  // The ID number is each register's natural key (a person may be in two registers: an elder
  // raising a left-behind grandchild is not a duplicate).
  for (const [table, label] of [
    ['children', '儿童台账'],
    ['elders', '老年人台账'],
    ['women', '留守妇女台账'],
  ] as const) {
    const dupes = ctx.db
      .prepare(`SELECT id_number, count(*) AS n FROM ${table} WHERE deleted = 0 GROUP BY id_number HAVING n > 1`)
      .all() as { id_number: string; n: number }[];
    for (const d of dupes) problems.push(`${label}身份证号码重复：${d.id_number}（${d.n}条）`);
  }
  return { ok: problems.length === 0, problems };
}

export function stationHandlers(ctx: CoreContext): Pick<Handlers, 'station.info' | 'station.status' | 'station.check' | 'station.init'> {
  return {
    'station.info': () => info(ctx),
    'station.status': () => status(ctx),
    'station.check': () => check(ctx),
    'station.init': (input, call) => {
      const existing = ctx.station();
      if (existing) {
        throw new LedgerError({
          code: 'conflict',
          message: `本机已初始化为“${existing.name}”（${existing.code}），不能重复初始化`,
          detail: `data dir already initialised as ${existing.role} ${existing.code}`,
        });
      }
      const countyCode = input.code.slice(0, 6);
      if (countyCode !== DEFAULT_COUNTY && !existsSync(placeSeedFile(ctx.appRoot, countyCode))) {
        const message = `没有县级代码 ${countyCode} 的行政区划数据（本软件内置青阳县 ${DEFAULT_COUNTY}）`;
        throw new LedgerError({ code: 'validation', message, detail: `no division data for county ${countyCode}`, fieldErrors: { code: message } });
      }
      const seed = loadPlaceSeed(ctx.appRoot, countyCode);
      if (input.role === 'station' && !seed.townships.some((t) => t.code === input.code)) {
        throw new LedgerError({
          code: 'validation',
          message: `代码 ${input.code} 不是${seed.county.name}的乡镇（街道）`,
          detail: `station code ${input.code} is not a township of ${seed.county.code}`,
          fieldErrors: { code: `代码 ${input.code} 不是${seed.county.name}的乡镇（街道）` },
        });
      }
      ctx.db.transaction(() => {
        writeStationMeta(ctx.db, { role: input.role, code: input.code, name: input.name, countyCode, epoch: 1 });
        ctx.write(call, (w) => seedPlaces(w, seed));
      }).immediate();
      return info(ctx);
    },
  };
}
