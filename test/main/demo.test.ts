/**
 * Demo data: realistic, valid, deterministic, and written through the capture path.
 * Needs dist/seed/places-341723.json (`npm run build:places`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childRow } from '../../src/main/core/children/rows';
import { createCore, type Core } from '../../src/main/core/core';
import { DEMO_META_KEY, demoChildren, demoPlan, readDemoArea } from '../../src/main/core/demo/generate';
import { readStationMeta } from '../../src/main/core/station/meta';
import { childInput, type ChildData, type Progress } from '../../src/shared/contract';
import { categoryAgeProblem, type ChildCategory, type Schooling } from '../../src/shared/domain/children';
import { ageOn, birthDateForAge, isoWeekday, todayIso } from '../../src/shared/domain/dates';
import { parseIdNumber } from '../../src/shared/domain/idNumber';

const COUNTY = '341723';
const TOWNSHIP = '341723100'; // 蓉城镇
const SMALL_TOWNSHIP = '341723108'; // 九华镇: three villages, a quick county-scale share

// One instant for every core here: the data depends on the day, and the schema checks dates
// against the real clock, so the fixed day must be today.
const fixedNow = new Date();
const today = todayIso(fixedNow);

const dirs: string[] = [];
const cores: Core[] = [];
function openCore(): Core {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-demo-'));
  dirs.push(dir);
  const core = createCore({ dataDir: dir, actor: 'tester', now: () => fixedNow });
  cores.push(core);
  return core;
}

async function stationCore(code = TOWNSHIP): Promise<Core> {
  const core = openCore();
  await core.call('station.init', { role: 'station', code, name: '社工站' });
  return core;
}

async function countyCore(): Promise<Core> {
  const core = openCore();
  await core.call('station.init', { role: 'county', code: COUNTY, name: '青阳县民政局' });
  return core;
}

afterAll(() => {
  for (const c of cores) c.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface ChildRowLite {
  id: string;
  name: string;
  id_number: string;
  birth_date: string;
  sex: string;
  township_code: string;
  village_code: string;
  schooling: string;
}
interface CategoryRowLite {
  child_id: string;
  category: string;
  start_date: string;
  end_date: string | null;
}

const IN_SCHOOL: readonly string[] = ['kindergarten', 'primary', 'junior', 'senior', 'vocational'] satisfies readonly Schooling[];

describe('demo.load small, station data dir', () => {
  let core: Core;
  let result: { children: number };
  const progress: Progress[] = [];

  beforeAll(async () => {
    core = await stationCore();
    result = await core.call('demo.load', { scale: 'small' }, { onProgress: (p) => progress.push(p) });
  });

  it('loads the stated number of children, all in the station’s own township', async () => {
    expect(result.children).toBe(60);
    const status = await core.call('station.status', {});
    expect(status.counts.children).toBe(60);
    const outside = core.db.prepare('SELECT count(*) AS n FROM children WHERE township_code != ? OR substr(village_code, 1, 9) != ?').get(TOWNSHIP, TOWNSHIP) as { n: number };
    expect(outside.n).toBe(0);
    const list = await core.call('children.list', { limit: 500 });
    expect(list.total).toBe(60);
  });

  it('marks the data dir as holding demo data', () => {
    const row = core.db.prepare('SELECT value FROM meta WHERE key = ?').get(DEMO_META_KEY) as { value: string } | undefined;
    expect(JSON.parse(row!.value)).toMatchObject({ scale: 'small', children: 60 });
  });

  it('reports progress up to the total', () => {
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ phase: '生成演示数据', done: 60, total: 60 });
  });

  it('gives every child a valid, unique ID number of the county matching birth date and sex', () => {
    const rows = core.db.prepare('SELECT * FROM children').all() as ChildRowLite[];
    const seen = new Set<string>();
    for (const r of rows) {
      const parsed = parseIdNumber(r.id_number, today);
      expect(parsed.ok, r.id_number).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.info.addressCode).toBe(COUNTY);
      expect(parsed.info.birthDate).toBe(r.birth_date);
      expect(parsed.info.sex).toBe(r.sex);
      expect(seen.has(r.id_number)).toBe(false);
      seen.add(r.id_number);
    }
    const check = core.db.prepare('SELECT count(*) AS n FROM children GROUP BY id_number HAVING count(*) > 1').all();
    expect(check).toEqual([]);
  });

  it('keeps every active category within its age rule and every start date after birth', () => {
    const children = new Map((core.db.prepare('SELECT * FROM children').all() as ChildRowLite[]).map((c) => [c.id, c]));
    const cats = core.db.prepare('SELECT * FROM child_categories').all() as CategoryRowLite[];
    expect(cats.length).toBeGreaterThanOrEqual(60);
    for (const c of cats) {
      const child = children.get(c.child_id)!;
      expect(c.start_date >= child.birth_date && c.start_date <= today).toBe(true);
      const active = c.end_date === null || c.end_date >= today;
      if (active) {
        expect(categoryAgeProblem(c.category as ChildCategory, child.birth_date, today, { inSchool: IN_SCHOOL.includes(child.schooling) })).toBeNull();
      } else {
        expect(c.end_date! >= c.start_date).toBe(true);
      }
    }
    const withoutCategory = core.db.prepare('SELECT count(*) AS n FROM children WHERE id NOT IN (SELECT child_id FROM child_categories)').get() as { n: number };
    expect(withoutCategory.n).toBe(0);
  });

  it('records every row in the outbox and the audit log', () => {
    for (const table of ['children', 'child_categories']) {
      const missing = core.db
        .prepare(
          `SELECT count(*) AS n FROM ${table} t
           WHERE NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.tbl = ? AND o.row_id = t.id)
              OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.tbl = ? AND a.row_id = t.id AND a.action = 'insert' AND a.operation = 'demo.load' AND a.actor = 'tester')`,
        )
        .get(table, table) as { n: number };
      expect(missing.n, table).toBe(0);
    }
  });

  it('includes mandatory-report cases, one reported and one still open', () => {
    const flagged = core.db
      .prepare("SELECT report_date FROM children WHERE guardianship_type = 'none' OR schooling = 'dropped_out'")
      .all() as { report_date: string | null }[];
    expect(flagged.some((f) => f.report_date !== null)).toBe(true);
    expect(flagged.some((f) => f.report_date === null)).toBe(true);
  });

  it('sets up meal assistance: sites in the township in each state, diners from its elders, meals on serving days only', async () => {
    const { rows: sites } = await core.call('meals.sites.list', {});
    expect(sites.length).toBe(4);
    expect(new Set(sites.map((s) => s.status))).toEqual(new Set(['running', 'stopped', 'planned']));
    expect(new Set(sites.map((s) => s.kind)).size).toBeGreaterThan(1);
    for (const s of sites) expect(s.name).toMatch(/^蓉城镇.+(老年食堂|老年助餐点|老年餐桌)$/);
    const outsideTownship = core.db
      .prepare('SELECT count(*) AS n FROM meal_diners d JOIN elders e ON e.id = d.elder_id JOIN meal_sites s ON s.id = d.site_id WHERE e.township_code != s.township_code')
      .get() as { n: number };
    expect(outsideTownship.n).toBe(0);
    const diners = core.db.prepare('SELECT elder_id, category_override, override_reason, stop_on FROM meal_diners').all() as { elder_id: string | null; category_override: string | null; override_reason: string | null; stop_on: string | null }[];
    expect(diners.some((d) => d.elder_id === null)).toBe(true);
    expect(diners.some((d) => d.category_override !== null && d.override_reason)).toBe(true);
    expect(diners.some((d) => d.stop_on !== null)).toBe(true);
    // The county's standard stands in at a station until the county's own arrives: not in the outbox.
    expect((await core.call('meals.rules.get', {})).rules).toHaveLength(1);
    expect(core.db.prepare("SELECT count(*) AS n FROM sync_outbox WHERE tbl = 'rules'").get()).toEqual({ n: 0 });
    const meals = core.db.prepare('SELECT a.day, s.serving_days FROM meal_attendance a JOIN meal_sites s ON s.id = a.site_id').all() as { day: string; serving_days: string }[];
    expect(meals.length).toBeGreaterThan(1000);
    expect(meals.every((m) => (JSON.parse(m.serving_days) as string[]).includes(isoWeekday(m.day)))).toBe(true);
    expect(meals.some((m) => m.day.slice(5) >= '10-01' && m.day.slice(5) <= '10-07')).toBe(false);
    expect(meals.every((m) => m.day <= today)).toBe(true);
  });

  it('settles a site-month of demo meals to the sum of its rows', async () => {
    const busiest = core.db
      .prepare('SELECT site_id, substr(day, 1, 7) AS month, count(*) AS n, sum(subsidy_fen) AS subsidy, sum(paid_fen) AS paid FROM meal_attendance WHERE deleted = 0 GROUP BY 1, 2 ORDER BY n DESC LIMIT 1')
      .get() as { site_id: string; month: string; n: number; subsidy: number; paid: number };
    const settlement = await core.call('meals.settlement.get', { siteId: busiest.site_id, month: busiest.month });
    expect(settlement.total).toMatchObject({ meals: busiest.n, subsidyFen: busiest.subsidy, paidFen: busiest.paid });
    expect(settlement.total.subsidyFen).toBeGreaterThan(0);
    expect(settlement.categories.reduce((sum, c) => sum + c.meals, 0)).toBe(busiest.n);
    expect(settlement.persons.reduce((sum, p) => sum + p.subsidyFen, 0)).toBe(busiest.subsidy);
    const status = await core.call('station.status', {});
    expect(status.counts.mealSites).toBe(4);
  });

  it('refuses to load demo data twice', async () => {
    const outcome = await core.invoke('demo.load', { scale: 'small' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('conflict');
      expect(outcome.error.message).toBe('已有儿童记录，不能再加载演示数据');
    }
    const n = core.db.prepare('SELECT count(*) AS n FROM children').get() as { n: number };
    expect(n.n).toBe(60);
  });

  it('refuses a data dir that has a child entered by hand', async () => {
    const other = await stationCore();
    const [child] = generated(other, 1);
    await other.call('children.create', child!);
    const outcome = await other.invoke('demo.load', { scale: 'small' });
    expect(outcome.ok ? null : outcome.error.code).toBe('conflict');
  });

  it('gives the same data for the same scale and day', async () => {
    const again = await stationCore();
    await again.call('demo.load', { scale: 'small' });
    const content = (c: Core) =>
      c.db
        .prepare(
          `SELECT c.*, (SELECT json_group_array(json_array(category, start_date, end_date, reason, reasons, care))
                          FROM (SELECT * FROM child_categories WHERE child_id = c.id ORDER BY category)) AS cats
           FROM children c ORDER BY id_number`,
        )
        .all()
        .map((r) => {
          const { id: _id, created_at: _c, updated_at: _u, ...rest } = r as Record<string, unknown>;
          return rest;
        });
    expect(content(again)).toEqual(content(core));
  });
});

/** The children a data dir's small demo would write, straight from the generator. */
function generated(core: Core, limit?: number): ChildData[] {
  const station = readStationMeta(core.db)!;
  const area = readDemoArea(core.db, station.countyCode);
  const out: ChildData[] = [];
  for (const child of demoChildren(area, demoPlan(area, station, 'small'), today)) {
    out.push(child);
    if (limit !== undefined && out.length >= limit) break;
  }
  return out;
}

describe('generated children', () => {
  it('all pass the contract schema unchanged, and are stored as childRow maps them', async () => {
    const core = await countyCore();
    const children = generated(core);
    expect(children.length).toBe(300);
    for (const child of children) {
      const parsed = childInput.safeParse(child);
      expect(parsed.success ? [] : parsed.error.issues, child.idNumber).toEqual([]);
      if (parsed.success) expect(parsed.data).toEqual(child);
    }
    await core.call('demo.load', { scale: 'small' });
    const stmt = core.db.prepare('SELECT * FROM children WHERE id_number = ?');
    for (const child of children.slice(0, 50)) {
      const stored = stmt.get(child.idNumber) as Record<string, unknown>;
      expect(stored).toMatchObject(childRow(child));
    }
  });

  it('look like a register: plausible names, parents, guardians, schooling by age', async () => {
    const core = await countyCore();
    const children = generated(core);
    const share = (pred: (c: ChildData) => boolean) => children.filter(pred).length / children.length;
    const active = (c: ChildData, cat: ChildCategory) => c.categories.some((x) => x.category === cat && !x.endDate);
    expect(share((c) => active(c, 'left_behind'))).toBeGreaterThan(0.7);
    expect(share((c) => c.categories.length > 1)).toBeGreaterThan(0.02);
    for (const child of children) {
      expect(child.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      const birth = parseIdNumber(child.idNumber, today);
      if (!birth.ok) throw new Error(child.idNumber);
      const age = ageOn(birth.info.birthDate, today);
      if (child.schooling === 'primary') expect(age).toBeGreaterThanOrEqual(5);
      if (child.schooling === 'primary') expect(age).toBeLessThanOrEqual(12);
      if (child.schooling === 'not_in_kindergarten') expect(age).toBeLessThanOrEqual(6);
      for (const parent of [child.father, child.mother]) {
        expect(parent.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
        const gap = ageOn(parent.birthDate!, birth.info.birthDate);
        expect(gap).toBeGreaterThanOrEqual(20);
        expect(gap).toBeLessThanOrEqual(45);
        if (parent.situation === 'working_away') expect(parent.workProvince && parent.workCity).toBeTruthy();
      }
      if (active(child, 'left_behind')) {
        expect(child.father.situation === 'working_away' || child.mother.situation === 'working_away').toBe(true);
        if (child.guardianshipType !== 'none') expect(child.guardian.name).toBeTruthy();
      }
      if (child.guardianshipType === 'none') expect(age).toBeGreaterThanOrEqual(8);
      expect(child.registeredAddress).toMatch(/^青阳县/);
      expect(child.childDirector).toBeTruthy();
    }
    // One child director per village.
    const directors = new Map<string, Set<string>>();
    for (const c of children) directors.set(c.villageCode, (directors.get(c.villageCode) ?? new Set()).add(c.childDirector!));
    for (const names of directors.values()) expect(names.size).toBe(1);
  });
});

describe('demo.load county', () => {
  it('generates only children the contract accepts, at county scale too', async () => {
    const core = await countyCore();
    const station = readStationMeta(core.db)!;
    const area = readDemoArea(core.db, station.countyCode);
    let n = 0;
    const rejected: string[] = [];
    for (const child of demoChildren(area, demoPlan(area, station, 'county'), today)) {
      n++;
      const parsed = childInput.safeParse(child);
      if (!parsed.success) rejected.push(`${child.idNumber}: ${JSON.stringify(parsed.error.issues[0])}`);
    }
    expect(n).toBe(6000);
    expect(rejected.slice(0, 5)).toEqual([]);
  });

  it('fills a county data dir with about 6,000 children over all its townships', { timeout: 180_000 }, async () => {
    const core = await countyCore();
    const result = await core.call('demo.load', { scale: 'county' });
    expect(result.children).toBeGreaterThanOrEqual(5500);
    expect(result.children).toBeLessThanOrEqual(6500);
    const byTownship = core.db.prepare('SELECT township_code, count(*) AS n FROM children GROUP BY township_code').all() as { township_code: string; n: number }[];
    expect(byTownship.length).toBe(14);
    expect(byTownship.reduce((s, t) => s + t.n, 0)).toBe(result.children);
    const dupes = core.db.prepare('SELECT id_number FROM children GROUP BY id_number HAVING count(*) > 1').all();
    expect(dupes).toEqual([]);
    // At the county every row is stamped with county versions, scoped to its township's station.
    const stamped = core.db
      .prepare("SELECT count(*) AS n FROM county_versions v JOIN children c ON c.id = v.row_id WHERE v.tbl = 'children' AND v.scope = c.station_code")
      .get() as { n: number };
    expect(stamped.n).toBe(result.children);
    const share = (category: string) =>
      (core.db.prepare('SELECT count(DISTINCT child_id) AS n FROM child_categories WHERE category = ? AND end_date IS NULL').get(category) as { n: number }).n / result.children;
    expect(share('left_behind')).toBeGreaterThan(0.75);
    for (const rare of ['orphan', 'unsupported']) {
      expect(share(rare)).toBeGreaterThan(0.01);
      expect(share(rare)).toBeLessThan(0.06);
    }
    expect(share('difficulty')).toBeGreaterThan(0.05);
    expect(share('difficulty')).toBeLessThan(0.2);
    const young = (core.db.prepare("SELECT count(*) AS n FROM children WHERE guardianship_type = 'none' AND birth_date > ?").get(birthDateForAge(today, 8)) as { n: number }).n;
    expect(young).toBe(0);
    const check = await core.call('station.check', {});
    expect(check).toEqual({ ok: true, problems: [] });
    const month = await core.call('meals.countyMonth', { month: today.slice(0, 7) });
    expect(month.sites.length).toBe(12);
    expect(new Set(month.sites.map((s) => s.stationCode)).size).toBeGreaterThan(8);
    expect(result.meals).toBeGreaterThan(20_000);

    // A station's county-scale demo is the county's demo for that township.
    const station = await stationCore(SMALL_TOWNSHIP);
    const own = await station.call('demo.load', { scale: 'county' });
    const ids = (c: Core) => c.db.prepare('SELECT id_number FROM children WHERE township_code = ? ORDER BY id_number').pluck().all(SMALL_TOWNSHIP);
    expect(own.children).toBeGreaterThan(0);
    expect(ids(station)).toEqual(ids(core));
  });
});
