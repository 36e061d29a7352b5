/**
 * Demo data: realistic synthetic children and elders with a year of visits, written through the
 * capture path, so the outbox and the audit log hold them like any other record (no exceptions,
 * even for bulk loads).
 *
 * Sizes (children / elders):
 *   small  — county data dir: 300 / 140 over all townships; station: 60 / 40 in its own township
 *            (enough to try every filter, search and due-list status).
 *   county — county data dir: 6,000 / 3,500 over all its townships, a whole county's registers;
 *            station: its township's share of those — the very same people the county's demo has
 *            for that township (about 430 children and 250 elders on average in 青阳县).
 * Townships get children by weight: one per village, half for a town-centre committee (居委会/社区);
 * elders likewise, with committees at 0.6. Visits: see visits.ts; about 66,000 at county scale.
 *
 * Left-behind women: 60 (county) or 15 (station) at small scale, 1,200 across the county at county scale.
 * Meal assistance (meals.ts): 12 sites over the county, or 4 in a station's township at small scale
 * (its share of the county's at county scale), with diners from the elders and a year of meals.
 * Order: elders first, then meal assistance, then children, each person with their visits, then women (a few quick rows,
 * with no progress phase of their own), so that the load ends on the children phase the hosts
 * have always shown.
 *
 * Hazard: demo rows are real rows. They enter the outbox, and a station that later syncs would
 * send them to the county; hence demo data is refused once a register has any child or elder, and
 * the local (never synced) meta key DEMO_META_KEY records the load so an export can refuse it too.
 */
import { LedgerError, type ChildData, type DemoScale } from '../../../shared/contract';
import type { CallContext, CoreContext, StationMeta } from '../context';
import type { Sqlite } from '../db/open';
import { dueRules, highAgeBandsOn } from '../rules/read';
import { demoChildren, splitByWeight, villageWeight, type DemoArea, type DemoPlanItem, type DemoTownship } from './children';
import { demoElders, type ElderPlanItem } from './elders';
import { demoMealPlan, writeMeals } from './meals';
import { isRuralVillage } from './identity';
import { visitSource, writeChildren, writeElders, writeWomen, type WriteRun } from './write';
import { demoWomen } from './women';

export { demoChildren, type DemoArea, type DemoPlanItem } from './children';
export { demoElders, type DemoElder, type ElderPlanItem } from './elders';

/** What the generator needs from the core; the benchmark builds one around its own connection. */
export type DemoContext = Pick<CoreContext, 'db' | 'today' | 'requireStation' | 'writeInChunks'>;

/** Children by scale and data dir; a county-scale station takes its share of the county's. */
export const DEMO_SIZES = {
  small: { county: 300, station: 60 },
  county: { county: 6000 },
} as const;

/** Elders, likewise. */
export const DEMO_ELDER_SIZES = {
  small: { county: 140, station: 40 },
  county: { county: 3500 },
} as const;

/** Left-behind women, likewise, spread like the elders (rural villages weigh more). */
export const DEMO_WOMEN_SIZES = {
  small: { county: 60, station: 15 },
  county: { county: 1200 },
} as const;

/** meta key set when demo data is loaded: `{"scale":…,"children":…,"elders":…,"visits":…,"at":…}`. */
export const DEMO_META_KEY = 'demo.loaded';

export interface DemoLoadResult {
  children: number;
  elders: number;
  women: number;
  visits: number;
  meals: number;
}

/**
 * The county's townships and villages as the database holds them (the county may have edited the
 * seeded list). Sequence-number blocks follow the order of all the county's townships, so a
 * township keeps its block whichever data dir generates it.
 */
export function readDemoArea(db: Sqlite, countyCode: string): DemoArea {
  const county = db.prepare("SELECT name FROM places WHERE id = ? AND level = 'county'").get(countyCode) as { name: string } | undefined;
  const towns = db
    .prepare("SELECT id, name FROM places WHERE level = 'township' AND parent_code = ? AND deleted = 0 ORDER BY id")
    .all(countyCode) as { id: string; name: string }[];
  const villages = db
    .prepare("SELECT id, name, parent_code FROM places WHERE level = 'village' AND deleted = 0 ORDER BY id")
    .all() as { id: string; name: string; parent_code: string }[];
  // Sequence values 001–999; value 000 is not issued.
  const seqSize = Math.floor(999 / Math.max(1, towns.length));
  const townships: DemoTownship[] = towns.map((t, i) => ({
    code: t.id,
    name: t.name,
    villages: villages.filter((v) => v.parent_code === t.id).map((v) => ({ code: v.id, name: v.name })),
    seqStart: 1 + i * seqSize,
    seqSize,
  }));
  return { countyCode, countyName: county?.name ?? '', townships: townships.filter((t) => t.villages.length > 0) };
}

const townshipWeight = (t: DemoTownship) => t.villages.reduce((sum, v) => sum + villageWeight(v.name), 0);

/** Spreads `count` children over `townships` by their village weight. */
export function planFor(townships: readonly DemoTownship[], count: number): DemoPlanItem[] {
  const parts = splitByWeight(count, townships.map(townshipWeight));
  return townships.map((township, i) => ({ township, count: parts[i]! })).filter((p) => p.count > 0);
}

/** The demo's plan for this data dir: its townships and how many children each gets. */
export function demoPlan(area: DemoArea, station: StationMeta, scale: DemoScale): DemoPlanItem[] {
  if (station.role === 'county') return planFor(area.townships, DEMO_SIZES[scale].county);
  const own = area.townships.find((t) => t.code === station.code);
  if (!own) throw new LedgerError({ code: 'validation', message: '本站所属乡镇没有村（居）数据，无法生成演示数据', detail: `township ${station.code} has no villages` });
  if (scale === 'small') return [{ township: own, count: DEMO_SIZES.small.station }];
  // The station's share of the county demo, computed as the county computes it.
  const share = planFor(area.townships, DEMO_SIZES.county.county).find((p) => p.township.code === own.code);
  return [{ township: own, count: share?.count ?? 0 }];
}

const elderTownshipWeight = (t: DemoTownship) => t.villages.reduce((sum, v) => sum + (isRuralVillage(v) ? 1 : 0.6), 0);

/** Spreads `count` elders over `townships` by their villages (committees count 0.6). */
export function elderPlanFor(townships: readonly DemoTownship[], count: number): ElderPlanItem[] {
  const parts = splitByWeight(count, townships.map(elderTownshipWeight));
  return townships.map((township, i) => ({ township, count: parts[i]! })).filter((p) => p.count > 0);
}

type Sizes = { readonly small: { readonly county: number; readonly station: number }; readonly county: { readonly county: number } };

/** The demo's elders (or women) for this data dir, spread like the children (see the sizes above). */
export function demoElderPlan(area: DemoArea, station: StationMeta, scale: DemoScale, sizes: Sizes = DEMO_ELDER_SIZES): ElderPlanItem[] {
  if (station.role === 'county') return elderPlanFor(area.townships, sizes[scale].county);
  const own = area.townships.find((t) => t.code === station.code);
  if (!own) return [];
  if (scale === 'small') return [{ township: own, count: sizes.small.station }];
  return elderPlanFor(area.townships, sizes.county.county).filter((p) => p.township.code === own.code);
}

/** Every ID number a child record holds: the child's, the parents' and the guardian's. */
function idNumbersOf(c: ChildData): string[] {
  return [c.idNumber, c.father.idNumber, c.mother.idNumber, c.guardian.idNumber].filter((id): id is string => id !== undefined);
}

function refuseNonEmpty(db: Sqlite): void {
  // Checked inside the write transaction: the app and the CLI may share the data dir.
  if (db.prepare('SELECT 1 FROM children LIMIT 1').get()) {
    throw new LedgerError({
      code: 'conflict',
      message: '已有儿童记录，不能再加载演示数据',
      detail: 'the register already has children; demo data loads only into an empty register',
    });
  }
  if (db.prepare('SELECT 1 FROM elders LIMIT 1').get()) {
    throw new LedgerError({
      code: 'conflict',
      message: '已有老人记录，不能再加载演示数据',
      detail: 'the elderly register already has elders; demo data loads only into empty registers',
    });
  }
}

/** `demo.load`: refuses a data dir whose registers hold anyone (see the hazard above). */
export async function loadDemo(ctx: DemoContext, call: CallContext, scale: DemoScale): Promise<DemoLoadResult> {
  const station = ctx.requireStation();
  const area = readDemoArea(ctx.db, station.countyCode);
  const plan = demoPlan(area, station, scale);
  const elderPlan = demoElderPlan(area, station, scale);
  const today = ctx.today();
  return ctx.writeInChunks(call, async (w, pause) => {
    refuseNonEmpty(ctx.db);
    const run: WriteRun = { w, pause, call, today };
    // Held whole (at most 6,000 here) so the elders, written first, can avoid the children's ID numbers.
    const children = [...demoChildren(area, plan, today)];
    const childIds = new Set(children.flatMap(idNumbersOf));
    const visits = visitSource(dueRules(ctx.db), today);
    const elderTotal = elderPlan.reduce((n, p) => n + p.count, 0);
    const elders = await writeElders(run, demoElders(area, elderPlan, today, (id) => childIds.has(id)), elderTotal, highAgeBandsOn(ctx.db, today), visits);
    // After the elders (the diners are drawn from them), before the children: the load ends on the children phase.
    const meals = await writeMeals(run, area, demoMealPlan(area, station, scale));
    const kids = await writeChildren(run, children, children.length, visits);
    const elderIds = new Set(ctx.db.prepare('SELECT id_number FROM elders').pluck().all() as string[]);
    const womenPlan = demoElderPlan(area, station, scale, DEMO_WOMEN_SIZES);
    const women = writeWomen(run, demoWomen(area, womenPlan, today, (id) => childIds.has(id) || elderIds.has(id)));
    const result: DemoLoadResult = { children: kids.people, elders: elders.people, women, visits: elders.visits + kids.visits, meals: meals.meals };
    ctx.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(DEMO_META_KEY, JSON.stringify({ scale, ...result, at: w.now }));
    return result;
  });
}

export interface GenerateOptions {
  count: number;
  /** Defaults to the data dir's scope: the station's township, or every township of the county. */
  townshipCodes?: readonly string[];
}

/**
 * Any number of demo children (the benchmark makes 50,000) in one transaction, spread over the
 * given townships by weight. Unlike `loadDemo` it adds to existing children, skipping ID numbers
 * already registered.
 */
export async function generateChildren(ctx: DemoContext, call: CallContext, opts: GenerateOptions): Promise<{ children: number; categories: number }> {
  const station = ctx.requireStation();
  const area = readDemoArea(ctx.db, station.countyCode);
  const scope = station.role === 'county' ? area.townships : area.townships.filter((t) => t.code === station.code);
  let townships = scope;
  if (opts.townshipCodes) {
    const wanted = new Set(opts.townshipCodes);
    townships = scope.filter((t) => wanted.has(t.code));
    if (townships.length !== wanted.size) throw new Error(`township codes outside this data dir's scope: ${[...wanted].join(', ')}`);
  }
  const plan = planFor(townships, opts.count);
  const today = ctx.today();
  return ctx.writeInChunks(call, async (w, pause) => {
    const existing = new Set(w.db.prepare('SELECT id_number FROM children').pluck().all() as string[]);
    const total = plan.reduce((n, p) => n + p.count, 0);
    const made = await writeChildren({ w, pause, call, today }, demoChildren(area, plan, today, (id) => existing.has(id)), total);
    return { children: made.people, categories: made.tags };
  });
}
