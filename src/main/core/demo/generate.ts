/**
 * Demo data: realistic synthetic children written through the capture path, so the outbox and the
 * audit log hold them like any other record (no exceptions, even for bulk loads).
 *
 * Sizes (children):
 *   small  — county data dir: 300 over all townships; station: 60 in its own township
 *            (enough to try every filter and search).
 *   county — county data dir: 6,000 over all its townships, a whole county's register;
 *            station: its township's share of those 6,000 — the very same children the county's
 *            demo has for that township (about 430 on average, 24–1,049 in 青阳县).
 * Townships get children by weight: one per village, half for a town-centre committee (居委会/社区).
 *
 * Hazard: demo rows are real rows. They enter the outbox, and a station that later syncs would
 * send them to the county; hence demo data is refused once a register has any child, and the
 * local (never synced) meta key DEMO_META_KEY records the load so an export can refuse it too.
 */
import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type DemoScale } from '../../../shared/contract';
import { categoryRow, childRow } from '../children/rows';
import type { CallContext, CoreContext, StationMeta } from '../context';
import type { Sqlite } from '../db/open';
import { insertRow, type WriteContext } from '../sync/capture';
import { demoChildren, splitByWeight, villageWeight, type DemoArea, type DemoPlanItem, type DemoTownship } from './children';

export { demoChildren, type DemoArea, type DemoPlanItem } from './children';

/** What the generator needs from the core; the benchmark builds one around its own connection. */
export type DemoContext = Pick<CoreContext, 'db' | 'today' | 'requireStation' | 'writeInChunks'>;

export const DEMO_SIZES = {
  small: { county: 300, station: 60 },
  county: { county: 6000 },
} as const;

const PHASE = '生成演示数据';
/** meta key set when demo data is loaded: `{"scale":…,"children":…,"at":…}`. */
export const DEMO_META_KEY = 'demo.loaded';
/** Progress events per few hundred children: often enough for a bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 250;

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

/**
 * Writes the plan's children in the caller's transaction; every row through `insertRow`. Pauses
 * after each progress report so the bar moves while the transaction stays open.
 */
async function writeChildren(
  w: WriteContext,
  pause: () => Promise<void>,
  area: DemoArea,
  plan: readonly DemoPlanItem[],
  call: CallContext,
  today: string,
): Promise<{ children: number; categories: number }> {
  const existing = new Set(w.db.prepare('SELECT id_number FROM children').pluck().all() as string[]);
  const total = plan.reduce((n, p) => n + p.count, 0);
  let done = 0;
  let categories = 0;
  call.progress({ phase: PHASE, done, total });
  for (const child of demoChildren(area, plan, today, (id) => existing.has(id))) {
    const id = uuidv7();
    // At the county, each child belongs to its township's station, as if that station sent it.
    const owner = w.role === 'county' ? child.villageCode.slice(0, 9) : w.stationCode;
    insertRow(w, 'children', id, childRow(child), owner);
    for (const c of child.categories) {
      insertRow(w, 'child_categories', uuidv7(), categoryRow(id, c), owner);
      categories++;
    }
    done++;
    if (done % PROGRESS_EVERY === 0 || done === total) {
      call.progress({ phase: PHASE, done, total });
      await pause();
    }
  }
  return { children: done, categories };
}

/** `demo.load`: refuses a register that already has children (see the hazard above). */
export async function loadDemo(ctx: DemoContext, call: CallContext, scale: DemoScale): Promise<{ children: number }> {
  const station = ctx.requireStation();
  const area = readDemoArea(ctx.db, station.countyCode);
  const plan = demoPlan(area, station, scale);
  const today = ctx.today();
  return ctx.writeInChunks(call, async (w, pause) => {
    // Checked inside the write transaction: the app and the CLI may share the data dir.
    if (ctx.db.prepare('SELECT 1 FROM children LIMIT 1').get()) {
      throw new LedgerError({
        code: 'conflict',
        message: '已有儿童记录，不能再加载演示数据',
        detail: 'the register already has children; demo data loads only into an empty register',
      });
    }
    const children = (await writeChildren(w, pause, area, plan, call, today)).children;
    ctx.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(DEMO_META_KEY, JSON.stringify({ scale, children, at: w.now }));
    return { children };
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
  return ctx.writeInChunks(call, (w, pause) => writeChildren(w, pause, area, plan, call, today));
}
