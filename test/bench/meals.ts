/**
 * The meal-assistance benchmark at county scale: 30 sites, 1,200 diners and about 250,000 meals
 * (a year of weekday lunches), through the core beside hand-written better-sqlite3 in the same run.
 *
 * Setup: a fresh county data dir filled by prepared INSERTs (the reading is measured, not the
 * writing): the demo generator's elders (elderRow, groupRow), 30 sites over the townships
 * (siteRow), 40 diners a site from the elders of its township (two from outside the register),
 * and their meals with the amounts `mealValues` gives under the demo's standard.
 *
 * Measured: one site's month grid (`meals.attendance.month`), saving a day for the site's 40
 * diners (`meals.attendance.set`; the raw side does the same inserts, audit rows and county
 * version stamps in one transaction), one site's settlement (`meals.settlement.get`) and the
 * county's month (`meals.countyMonth`). Each save ticks a meal time no meal has yet (core
 * breakfasts, raw dinners, a day further back each time), so every sample inserts 40 rows.
 * Core and raw must agree (counts, totals, diners); a difference stops the bench with exit 1.
 *
 * Targets (reported, never asserted): core within 1.5× of raw at p95; core p95 under 50 ms for the
 * grid and the save, under 200 ms for the county month.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createCore, type Core } from '../../src/main/core/core';
import type { Sqlite } from '../../src/main/core/db/open';
import { demoElders, elderPlanFor, readDemoArea } from '../../src/main/core/demo/generate';
import { demoMealStandard, isHoliday } from '../../src/main/core/demo/meals';
import { Random } from '../../src/main/core/demo/random';
import { elderRow, groupRow } from '../../src/main/core/elders/rows';
import { mealId, mealValues, monthBounds } from '../../src/main/core/meals/attendance';
import type { DinerFactsRow } from '../../src/main/core/meals/diners';
import { siteRow } from '../../src/main/core/meals/rows';
import { highAgeBandsOn } from '../../src/main/core/rules/read';
import { readStationMeta } from '../../src/main/core/station/meta';
import type { Row } from '../../src/main/core/sync/capture';
import type { MealSiteData } from '../../src/shared/contract';
import { addDays, dayNumber, isoOfDay, isoWeekday, todayIso } from '../../src/shared/domain/dates';
import { mealCategoriesOf, ruleOn, settle, type MealCategory, type MealSubsidyRule, type MealTime } from '../../src/shared/domain/meals';
import { captureQueries, inserter, queryPlan, summarise, timeInterleaved, type Timing } from './support';

const SITES = 30;
const DINERS_PER_SITE = 40;
const OUTSIDERS_PER_SITE = 2;
const ELDERS = 1_500;
const LUNCH_CHANCE = 0.85;
const COUNTY = { code: '341723', name: '青阳县民政局' };
export const MEALS_TARGETS = { maxRatio: 1.5, gridP95Ms: 50, saveP95Ms: 50, settlementP95Ms: 50, countyP95Ms: 200 } as const;

type Statement = Database.Statement<unknown[], unknown>;
const round2 = (x: number) => Math.round(x * 100) / 100;

export interface MealsQueryResult {
  name: string;
  size: number;
  iterations: number;
  capped: boolean;
  core: Timing;
  raw: Timing;
  ratio: { p50: number; p95: number };
  targetP95Ms: number;
  meetsTargets: boolean;
  plans: string[][];
}

export interface MealsReport {
  sites: number;
  diners: number;
  meals: number;
  month: string;
  setupSeconds: number;
  targets: typeof MEALS_TARGETS;
  queries: MealsQueryResult[];
  allMeetTargets: boolean;
}

// ---------------------------------------------------------------------------------------------
// Setup.


function siteData(i: number, villageCode: string, today: string): MealSiteData {
  return {
    name: `助餐点${String(i + 1).padStart(2, '0')}`,
    kind: i % 5 === 0 ? 'canteen' : 'point',
    area: 'rural',
    villageCode,
    address: undefined,
    operatingModel: 'village_mutual',
    operator: '村民委员会',
    contactName: undefined,
    contactPhone: undefined,
    seats: 40,
    dailyCapacity: 60,
    // Every meal time and day, so a save may tick breakfasts and dinners no one has yet.
    mealTimes: ['breakfast', 'lunch', 'dinner'],
    servingDays: ['1', '2', '3', '4', '5', '6', '7'],
    delivery: true,
    builtOn: addDays(today, -800),
    status: 'running',
    statusSince: addDays(today, -800),
    licenceNo: undefined,
    licenceExpiresOn: undefined,
    notes: undefined,
  };
}

interface Built {
  sites: { id: string; owner: string }[];
  diners: number;
  meals: number;
}

export function buildMealsData(core: Core, today: string, rules: MealSubsidyRule[]): Built {
  const db = core.db;
  const area = readDemoArea(db, readStationMeta(db)!.countyCode);
  const bands = highAgeBandsOn(db, today);
  const insert = inserter(db, new Date().toISOString());
  const rng = new Random('station-ledger bench meals');
  let serial = 0;
  const nextId = (prefix: string) => `${prefix}-${String(++serial).padStart(8, '0')}`;
  const byTownship = new Map<string, { id: string; facts: Omit<DinerFactsRow, keyof ReturnType<typeof dinerBase>>; groups: { group_code: string; start_date: string; end_date: string | null }[] }[]>();
  const first = addDays(today, -365);
  const built: Built = { sites: [], diners: 0, meals: 0 };
  db.transaction(() => {
    for (const { elder } of demoElders(area, elderPlanFor(area.townships, ELDERS), today)) {
      const id = nextId('elder');
      const owner = elder.villageCode.slice(0, 9);
      const row = elderRow(elder, today, bands);
      insert('elders', id, owner, row);
      const groups = elder.groups.map((g) => ({ group_code: g.group, start_date: g.startDate, end_date: g.endDate ?? null }));
      for (const g of elder.groups) insert('elder_groups', nextId('group'), owner, groupRow(id, g));
      const list = byTownship.get(owner) ?? [];
      list.push({
        id,
        facts: { elder_id: id, name: null, elder_name: elder.name, elder_id_number: elder.idNumber, elder_village: elder.villageCode, birth_date: String(row.birth_date), economic_status: elder.economicStatus ?? null, capability: elder.capability ?? null },
        groups,
      });
      byTownship.set(owner, list);
    }
    const townships = area.townships.filter((t) => (byTownship.get(t.code)?.length ?? 0) > 0);
    for (let i = 0; i < SITES; i++) {
      const township = townships[i % townships.length]!;
      const village = township.villages[Math.floor(i / townships.length) % township.villages.length]!;
      const site = { id: nextId('site'), owner: township.code };
      const data = siteData(i, village.code, today);
      insert('meal_sites', site.id, site.owner, siteRow(data));
      built.sites.push(site);
      const pool = byTownship.get(township.code)!;
      for (let k = 0; k < DINERS_PER_SITE; k++) {
        const elder = k < DINERS_PER_SITE - OUTSIDERS_PER_SITE ? pool.shift() : undefined;
        const id = nextId('diner');
        const row: DinerFactsRow = {
          ...dinerBase(id, site.id, site.owner, data, first),
          ...(elder?.facts ?? { elder_id: null, name: `外来${i}-${k}`, elder_name: null, elder_id_number: null, elder_village: null, birth_date: null, economic_status: null, capability: null }),
        };
        insert('meal_diners', id, site.owner, {
          site_id: site.id, elder_id: row.elder_id, name: row.name, id_number: null, category_override: null, override_reason: null, start_on: first, stop_on: null, delivery: 0, diet_notes: null,
        });
        built.diners++;
        const groups = elder?.groups ?? [];
        for (let n = dayNumber(first); n < dayNumber(today); n++) {
          const day = isoOfDay(n);
          if (Number(isoWeekday(day)) > 5 || isHoliday(day) || !rng.chance(LUNCH_CHANCE)) continue;
          const held = groups.filter((g) => g.start_date <= day && (g.end_date === null || g.end_date >= day)).map((g) => g.group_code);
          insert('meal_attendance', mealId(id, day, 'lunch'), site.owner, mealValues(row, held, ruleOn(rules, day), { day, mealTime: 'lunch', method: 'sign' }));
          built.meals++;
        }
      }
    }
  }).immediate();
  db.exec('ANALYZE');
  return built;
}

function dinerBase(id: string, siteId: string, owner: string, data: MealSiteData, startOn: string) {
  return {
    id, station_code: owner, created_at: '', updated_at: '', deleted: 0, site_id: siteId, id_number: null, category_override: null, override_reason: null,
    start_on: startOn, stop_on: null, delivery: 0, diet_notes: null, site_name: data.name, site_village: data.villageCode, elder_left_on: null,
  };
}

// ---------------------------------------------------------------------------------------------
// The raw yardstick: the same reads and writes, statements prepared once.

const DINERS_SQL = `SELECT d.*, s.name AS site_name, s.village_code AS site_village,
  e.name AS elder_name, e.id_number AS elder_id_number, e.village_code AS elder_village, e.birth_date, e.economic_status, e.capability,
  CASE WHEN e.deleted = 1 THEN substr(e.updated_at, 1, 10) END AS elder_left_on
  FROM meal_diners d JOIN meal_sites s ON s.id = d.site_id LEFT JOIN elders e ON e.id = d.elder_id`;

export class RawMeals {
  private readonly cache = new Map<string, Statement>();

  constructor(
    private readonly db: Sqlite,
    private readonly rules: MealSubsidyRule[],
  ) {}

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private groups(siteId: string, day: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const g of this.stmt(
      `SELECT elder_id, group_code FROM elder_groups WHERE deleted = 0 AND start_date <= :day AND (end_date IS NULL OR end_date >= :day)
       AND elder_id IN (SELECT elder_id FROM meal_diners WHERE site_id = :site AND elder_id IS NOT NULL)`,
    ).all({ day, site: siteId }) as { elder_id: string; group_code: string }[]) {
      out.set(g.elder_id, [...(out.get(g.elder_id) ?? []), g.group_code]);
    }
    return out;
  }

  /** The month grid: ticks, the diners of the month with their categories, the lock. */
  grid(siteId: string, month: string, today: string): { diners: string[]; ticks: number; subsidyFen: number } {
    const { start, end } = monthBounds(month);
    const ticks = this.stmt('SELECT diner_id, day, meal_time, method, delivered, subsidy_fen, paid_fen FROM meal_attendance WHERE site_id = ? AND day >= ? AND day <= ? AND deleted = 0 ORDER BY day, meal_time').all(
      siteId,
      start,
      end,
    ) as { diner_id: string; subsidy_fen: number }[];
    const diners = this.stmt(`${DINERS_SQL} WHERE d.site_id = ? AND d.deleted = 0 AND d.start_on <= ? AND (d.stop_on IS NULL OR d.stop_on >= ?)`).all(siteId, end, start) as DinerFactsRow[];
    const asOf = today < end ? today : end;
    const groups = this.groups(siteId, asOf);
    const categories = diners.map((d) => (d.birth_date ? mealCategoriesOf({ birthDate: d.birth_date, economicStatus: d.economic_status, capability: d.capability, groups: groups.get(d.elder_id ?? '') ?? [] }, asOf) : []));
    this.stmt('SELECT locked FROM meal_months WHERE id = ? AND deleted = 0').get(`${siteId}/${month}`);
    void categories;
    return { diners: diners.map((d) => d.id).sort(), ticks: ticks.length, subsidyFen: ticks.reduce((s, t) => s + t.subsidy_fen, 0) };
  }

  /** Ticks `mealTime` of `day` for every diner of the site: rows, audit rows and county versions in one transaction. */
  save(siteId: string, day: string, mealTime: MealTime, now: string): number {
    const diners = this.stmt(`${DINERS_SQL} WHERE d.site_id = ? AND d.deleted = 0`).all(siteId) as DinerFactsRow[];
    const groups = this.groups(siteId, day);
    const rule = ruleOn(this.rules, day);
    const existing = this.stmt('SELECT deleted FROM meal_attendance WHERE id = ?');
    const counter = Number((this.stmt("SELECT value FROM meta WHERE key = 'sync.county_ver'").get() as { value: string } | undefined)?.value ?? 0);
    let ver = counter;
    this.db.transaction(() => {
      for (const d of diners) {
        const id = mealId(d.id, day, mealTime);
        if (existing.get(id)) continue;
        const values: Row = { id, station_code: d.station_code, created_at: now, updated_at: now, deleted: 0, ...mealValues(d, groups.get(d.elder_id ?? '') ?? [], rule, { day, mealTime, method: 'late' }) };
        const columns = Object.keys(values);
        this.stmt(`INSERT INTO meal_attendance (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => values[c] ?? null));
        const vers = Object.fromEntries(columns.filter((c) => c !== 'id').map((c) => [c, [++ver, 'county']]));
        this.stmt(
          'INSERT INTO county_versions (tbl, row_id, scope, max_ver, vers) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET scope = excluded.scope, max_ver = excluded.max_ver, vers = excluded.vers',
        ).run('meal_attendance', id, d.station_code, ver, JSON.stringify(vers));
        this.stmt('INSERT INTO audit_log (at, actor, operation, tbl, row_id, action, fields) VALUES (?, ?, ?, ?, ?, ?, ?)').run(now, 'bench', 'raw', 'meal_attendance', id, 'insert', JSON.stringify(columns));
      }
      this.stmt("INSERT INTO meta (key, value) VALUES ('sync.county_ver', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(ver));
    }).immediate();
    return (this.stmt('SELECT count(*) AS n FROM meal_attendance WHERE site_id = ? AND day = ? AND meal_time = ? AND deleted = 0').get(siteId, day, mealTime) as { n: number }).n;
  }

  /** The settlement's sums: per person and category, from the amounts each meal kept. */
  settlement(siteId: string, month: string): { meals: number; subsidyFen: number; persons: number } {
    const { start, end } = monthBounds(month);
    const meals = this.stmt('SELECT diner_id, day, category, subsidy_fen, paid_fen, delivery_fee_fen FROM meal_attendance WHERE site_id = ? AND day >= ? AND day <= ? AND deleted = 0').all(siteId, start, end) as {
      diner_id: string;
      day: string;
      category: string;
      subsidy_fen: number;
      paid_fen: number;
      delivery_fee_fen: number;
    }[];
    const diners = new Map((this.stmt(`${DINERS_SQL} WHERE d.site_id = ?`).all(siteId) as DinerFactsRow[]).map((d) => [d.id, d]));
    const site = this.stmt('SELECT daily_capacity, serving_days FROM meal_sites WHERE id = ?').get(siteId) as { daily_capacity: number; serving_days: string };
    // The same checks as settlement.ts: over capacity, a day the site does not serve, a meal outside the enrolment.
    const serving = new Set(JSON.parse(site.serving_days) as string[]);
    const perDay = new Map<string, Set<string>>();
    const flagged: string[] = [];
    for (const m of meals) {
      perDay.set(m.day, (perDay.get(m.day) ?? new Set()).add(m.diner_id));
      const d = diners.get(m.diner_id);
      if (d && (m.day < d.start_on || (d.stop_on !== null && m.day > d.stop_on))) flagged.push(m.diner_id);
    }
    for (const [day, people] of perDay) if (people.size > site.daily_capacity || !serving.has(isoWeekday(day))) flagged.push(day);
    void flagged;
    const s = settle(meals.map((m) => ({ personKey: m.diner_id, day: m.day, category: m.category as MealCategory, subsidyFen: m.subsidy_fen, paidFen: m.paid_fen, deliveryFeeFen: m.delivery_fee_fen })));
    return { meals: s.total.meals, subsidyFen: s.total.subsidyFen, persons: s.total.persons };
  }

  /** The county's month: one pass over the month's meals grouped by site. */
  county(month: string): Map<string, { meals: number; persons: number; subsidy: number }> {
    const { start, end } = monthBounds(month);
    const rows = this.stmt(
      `SELECT s.id, coalesce(a.meals, 0) AS meals, coalesce(a.persons, 0) AS persons, coalesce(a.subsidy, 0) AS subsidy
       FROM meal_sites s LEFT JOIN (SELECT site_id, count(*) AS meals, count(DISTINCT diner_id) AS persons, sum(subsidy_fen) AS subsidy
         FROM meal_attendance WHERE deleted = 0 AND day >= ? AND day <= ? GROUP BY site_id) a ON a.site_id = s.id
       WHERE s.deleted = 0 ORDER BY s.township_code, s.name`,
    ).all(start, end) as { id: string; meals: number; persons: number; subsidy: number }[];
    this.stmt("SELECT id, name FROM places WHERE level = 'township'").all();
    return new Map(rows.map((r) => [r.id, { meals: r.meals, persons: r.persons, subsidy: r.subsidy }]));
  }
}

// ---------------------------------------------------------------------------------------------
// Timing.

export class MealsMismatch extends Error {
  override name = 'MealsMismatch';
}

function lastMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

async function corePlans(core: Core, fn: () => Promise<unknown>): Promise<string[][]> {
  const queries = await captureQueries(core.db, fn);
  // A statement run once per diner is shown once.
  const unique = [...new Map(queries.map((q) => [q.sql, q])).values()];
  return unique
    .filter((q) => /\bfrom\s+"?(meal_attendance|meal_diners|meal_sites)"?/i.test(q.sql))
    .map((q) => [q.sql.replace(/\s+/g, ' ').slice(0, 160) + (q.sql.length > 160 ? ' …' : ''), ...queryPlan(core.db, q.sql, q.params)]);
}

/** Free (site, day) slots for a meal time nobody has had: a day further back each call, round the sites. */
function slots(sites: readonly { id: string }[], today: string): () => { siteId: string; day: string } {
  let n = 0;
  return () => {
    const site = sites[n % sites.length]!;
    const day = addDays(today, -1 - Math.floor(n / sites.length));
    n++;
    return { siteId: site.id, day };
  };
}

export async function runMealsBench(say: (line: string) => void, opts: { iterations: number; warmup: number }): Promise<MealsReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-meals-'));
  const core = createCore({ dataDir, actor: 'bench' });
  try {
    await core.call('station.init', { role: 'county', ...COUNTY });
    const today = todayIso();
    const standard = demoMealStandard(today);
    await core.call('meals.rules.save', { rule: standard });
    say(`meals: building ${SITES} sites, ${SITES * DINERS_PER_SITE} diners and a year of lunches in ${dataDir} ...`);
    const started = performance.now();
    const data = buildMealsData(core, today, [standard]);
    const setupSeconds = round2((performance.now() - started) / 1000);
    say(`meals: ${data.sites.length} sites, ${data.diners} diners, ${data.meals} meals in ${setupSeconds} s`);

    const month = lastMonth(today);
    const { start, end } = monthBounds(month);
    const busiest = core.db.prepare('SELECT site_id FROM meal_attendance WHERE day >= ? AND day <= ? GROUP BY site_id ORDER BY count(*) DESC, site_id LIMIT 1').pluck().get(start, end) as string;
    const raw = new RawMeals(core.db, [standard]);
    const queries: MealsQueryResult[] = [];
    const time = async (name: string, size: number, targetP95Ms: number, viaCore: () => Promise<unknown>, viaRaw: () => unknown, plansOf: () => Promise<string[][]>) => {
      say(`meals: timing ${name} ...`);
      const plans = await plansOf();
      const { samples, capped } = await timeInterleaved([viaCore, viaRaw], opts);
      const c = summarise(samples[0]!);
      const r = summarise(samples[1]!);
      const ratio = { p50: round2(c.p50 / r.p50), p95: round2(c.p95 / r.p95) };
      queries.push({ name, size, iterations: c.n, capped, core: c, raw: r, ratio, targetP95Ms, meetsTargets: ratio.p95 <= MEALS_TARGETS.maxRatio && c.p95 < targetP95Ms, plans });
    };

    const grid = await core.call('meals.attendance.month', { siteId: busiest, month });
    const rawGrid = raw.grid(busiest, month, today);
    if (grid.ticks.length !== rawGrid.ticks || grid.subsidyFen !== rawGrid.subsidyFen || JSON.stringify(grid.diners.map((d) => d.id).sort()) !== JSON.stringify(rawGrid.diners)) {
      throw new MealsMismatch(`grid: core ${grid.ticks.length} ticks, ${grid.diners.length} diners; raw ${rawGrid.ticks} ticks, ${rawGrid.diners.length} diners`);
    }
    const gridInput = { siteId: busiest, month };
    await time(`grid, ${month}`, grid.ticks.length, MEALS_TARGETS.gridP95Ms, () => core.call('meals.attendance.month', gridInput), () => raw.grid(busiest, month, today), () => corePlans(core, () => core.call('meals.attendance.month', gridInput)));

    const coreSlot = slots(data.sites, today);
    const rawSlot = slots(data.sites, today);
    const saveCore = async () => {
      const { siteId, day } = coreSlot();
      const ids = core.db.prepare('SELECT id FROM meal_diners WHERE site_id = ? AND deleted = 0').pluck().all(siteId) as string[];
      const done = await core.call('meals.attendance.set', { siteId, day, mealTime: 'breakfast', ticks: ids.map((dinerId) => ({ dinerId, present: true })) });
      if (done.meals !== DINERS_PER_SITE) throw new MealsMismatch(`save: core ticked ${done.meals} of ${DINERS_PER_SITE}`);
    };
    const saveRaw = () => {
      const { siteId, day } = rawSlot();
      const n = raw.save(siteId, day, 'dinner', new Date().toISOString());
      if (n !== DINERS_PER_SITE) throw new MealsMismatch(`save: raw ticked ${n} of ${DINERS_PER_SITE}`);
    };
    const planSlot = slots([...data.sites].reverse(), addDays(today, -300));
    await time(`save a day, ${DINERS_PER_SITE} diners`, DINERS_PER_SITE, MEALS_TARGETS.saveP95Ms, saveCore, saveRaw, async () => {
      const { siteId, day } = planSlot();
      const ids = core.db.prepare('SELECT id FROM meal_diners WHERE site_id = ? AND deleted = 0').pluck().all(siteId) as string[];
      return corePlans(core, () => core.call('meals.attendance.set', { siteId, day, mealTime: 'dinner', ticks: ids.map((dinerId) => ({ dinerId, present: true })) }));
    });

    const settlement = await core.call('meals.settlement.get', gridInput);
    const rawSettlement = raw.settlement(busiest, month);
    if (settlement.total.meals !== rawSettlement.meals || settlement.total.subsidyFen !== rawSettlement.subsidyFen || settlement.total.persons !== rawSettlement.persons) {
      throw new MealsMismatch(`settlement: core ${JSON.stringify(settlement.total)}, raw ${JSON.stringify(rawSettlement)}`);
    }
    await time(`settlement, ${month}`, settlement.total.meals, MEALS_TARGETS.settlementP95Ms, () => core.call('meals.settlement.get', gridInput), () => raw.settlement(busiest, month), () =>
      corePlans(core, () => core.call('meals.settlement.get', gridInput)),
    );

    const county = await core.call('meals.countyMonth', { month });
    const rawCounty = raw.county(month);
    for (const s of county.sites) {
      const r = rawCounty.get(s.siteId);
      if (!r || r.meals !== s.meals || r.persons !== s.persons || r.subsidy !== s.subsidyFen) throw new MealsMismatch(`county month, site ${s.siteId}: core ${JSON.stringify(s)}, raw ${JSON.stringify(r)}`);
    }
    const countyMeals = county.sites.reduce((n, s) => n + s.meals, 0);
    await time(`county month, ${month}`, countyMeals, MEALS_TARGETS.countyP95Ms, () => core.call('meals.countyMonth', { month }), () => raw.county(month), () =>
      corePlans(core, () => core.call('meals.countyMonth', { month })),
    );

    return { sites: data.sites.length, diners: data.diners, meals: data.meals, month, setupSeconds, targets: MEALS_TARGETS, queries, allMeetTargets: queries.every((q) => q.meetsTargets) };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The meals section of the human report; `table` is run.ts's column layout. */
export function mealsHumanReport(r: MealsReport, table: (header: string[], rows: string[][]) => string[]): string[] {
  const ms = (x: number) => x.toFixed(2);
  const rows = r.queries.map((q) => [
    q.name,
    String(q.size),
    `${q.iterations}${q.capped ? '*' : ''}`,
    ms(q.core.p50),
    ms(q.core.p95),
    ms(q.raw.p50),
    ms(q.raw.p95),
    `${q.ratio.p50.toFixed(2)}×`,
    `${q.ratio.p95.toFixed(2)}×`,
    `< ${q.targetP95Ms} ms`,
    q.meetsTargets ? 'ok' : 'MISSED',
  ]);
  const out = [
    `Meal assistance at ${r.sites} sites, ${r.diners} diners, ${r.meals} meals (built in ${r.setupSeconds} s); month ${r.month}; ms:`,
    ...table(['query', 'rows', 'n', 'core p50', 'core p95', 'raw p50', 'raw p95', 'ratio p50', 'ratio p95', 'p95 target', 'target'], rows),
    `Targets: core/raw ≤ ${r.targets.maxRatio}× at p95 and core p95 under each query's target. Met by ${r.queries.filter((q) => q.meetsTargets).length} of ${r.queries.length}. Core and raw agreed on every count and total.`,
    'Query plans of the core:',
  ];
  for (const q of r.queries) {
    out.push(`  ${q.name}`);
    for (const plan of q.plans) out.push(...plan.map((l, i) => `    ${i === 0 ? '' : '  '}${l}`), '    --');
  }
  return out;
}
